//! A passkey's answer to an `authenticate` challenge: the challenge is
//! taken (it answers once), the signature checked against the account's
//! passkeys, and the passkey's counter and last use recorded.

use super::stored::{self, Purpose};
use crate::state::AppState;
use app::accounts::second_factor::store::Accepted;
use app::error::{AppError, AppResult};
use webauthn_rs::prelude::{Passkey, PasskeyAuthentication, PublicKeyCredential};

/// `Some(Passkey)` when `answer` is a good answer of one of `user_id`'s
/// passkeys to their challenge `challenge`; `None` for anything else (a
/// spent or stale challenge, another account's, a bad signature).
pub async fn answer(
    state: &AppState,
    user_id: i64,
    challenge: i64,
    answer: &str,
) -> AppResult<Option<Accepted>> {
    let Some(relying_party) = state.passkeys.as_deref() else {
        return Ok(None);
    };
    let Some(ceremony) = stored::take_challenge::<PasskeyAuthentication>(
        &state.pool,
        challenge,
        user_id,
        Purpose::Authenticate,
    )
    .await?
    else {
        return Ok(None);
    };
    let Ok(credential) = serde_json::from_str::<PublicKeyCredential>(answer) else {
        return Ok(None);
    };
    let result = match relying_party.finish_passkey_authentication(&credential, &ceremony) {
        Ok(result) => result,
        Err(error) => {
            tracing::info!(%error, user_id, "a passkey answer was refused");
            return Ok(None);
        }
    };
    // The row is locked while its counter moves, so two sign-ins at once
    // with one passkey cannot write an older counter over a newer one.
    let mut tx = state.pool.begin().await?;
    let Some(row) = sqlx::query!(
        "SELECT id, credential FROM passkeys WHERE user_id = $1 AND credential_id = $2 FOR UPDATE",
        user_id,
        result.cred_id().as_slice()
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        // Removed since the challenge was made.
        return Ok(None);
    };
    let mut passkey: Passkey = serde_json::from_value(row.credential).map_err(|error| {
        tracing::error!(%error, "a stored passkey does not read back");
        AppError::Internal
    })?;
    passkey.update_credential(&result);
    let credential = serde_json::to_value(&passkey).map_err(|_| AppError::Internal)?;
    sqlx::query!(
        "UPDATE passkeys SET credential = $2, last_used_at = now() WHERE id = $1",
        row.id,
        credential
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(Accepted::Passkey))
}
