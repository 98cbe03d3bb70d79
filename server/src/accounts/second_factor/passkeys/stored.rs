//! The portal's side of each passkey, and the challenges waiting for an
//! answer, in PostgreSQL.

use app::error::{AppError, AppResult};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::PgPool;
use webauthn_rs::prelude::Passkey;

/// How long a challenge waits for its answer.
const CHALLENGE_MINUTES: i32 = 5;
/// Challenges one account may have waiting per purpose: asking again and
/// again keeps only the newest few.
const WAITING_PER_ACCOUNT: i64 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Register,
    Authenticate,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Register => "register",
            Purpose::Authenticate => "authenticate",
        }
    }
}

fn unreadable(error: serde_json::Error) -> AppError {
    tracing::error!(%error, "a stored passkey or challenge does not read back");
    AppError::Internal
}

/// `user_id`'s passkeys as webauthn-rs checks them.
pub async fn passkeys_of(pool: &PgPool, user_id: i64) -> AppResult<Vec<Passkey>> {
    sqlx::query_scalar!(
        "SELECT credential FROM passkeys WHERE user_id = $1 ORDER BY id",
        user_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|credential| serde_json::from_value(credential).map_err(unreadable))
    .collect()
}

/// Keeps a ceremony's state until its answer; the id the answer names.
pub async fn keep_challenge(
    pool: &PgPool,
    user_id: i64,
    purpose: Purpose,
    state: &impl Serialize,
) -> AppResult<i64> {
    let state = serde_json::to_value(state).map_err(unreadable)?;
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "DELETE FROM passkey_challenges WHERE user_id = $1 AND purpose = $2 AND id NOT IN (
           SELECT id FROM passkey_challenges WHERE user_id = $1 AND purpose = $2
           ORDER BY id DESC LIMIT $3)",
        user_id,
        purpose.as_str(),
        WAITING_PER_ACCOUNT - 1
    )
    .execute(&mut *tx)
    .await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO passkey_challenges (user_id, purpose, state) VALUES ($1, $2, $3) RETURNING id",
        user_id,
        purpose.as_str(),
        state
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Takes challenge `id` of `user_id` for `purpose`, if it is still
/// waiting: it is gone afterwards, so of two answers to it at most one
/// gets its state.
pub async fn take_challenge<T: DeserializeOwned>(
    pool: &PgPool,
    id: i64,
    user_id: i64,
    purpose: Purpose,
) -> AppResult<Option<T>> {
    let state = sqlx::query_scalar!(
        "DELETE FROM passkey_challenges
         WHERE id = $1 AND user_id = $2 AND purpose = $3
           AND created_at > now() - make_interval(mins => $4)
         RETURNING state",
        id,
        user_id,
        purpose.as_str(),
        CHALLENGE_MINUTES
    )
    .fetch_optional(pool)
    .await?;
    state
        .map(|state| serde_json::from_value(state).map_err(unreadable))
        .transpose()
}

/// Removes challenges nobody answered (the hourly retention job).
pub async fn sweep_challenges(pool: &PgPool) -> AppResult<u64> {
    Ok(sqlx::query!(
        "DELETE FROM passkey_challenges WHERE created_at < now() - make_interval(mins => $1)",
        CHALLENGE_MINUTES
    )
    .execute(pool)
    .await?
    .rows_affected())
}
