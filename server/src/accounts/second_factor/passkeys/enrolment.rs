//! Adding and removing passkeys on `/tai-khoan/xac-thuc-hai-buoc`. Adding
//! one is a form post carrying the browser's answer to a `register`
//! challenge and the name the official gives the passkey; an official's
//! first factor comes with ten recovery codes, as an app's does. A factor
//! is added or removed only right after a check of the factors the account
//! has (15 minutes, as for sensitive actions), and the last one cannot be
//! removed while the official's roles need one.

use super::stored::{self, Purpose};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, sessions};
use crate::accounts::second_factor::proof::{PASSKEY_ANSWER, PASSKEY_CHALLENGE};
use crate::accounts::second_factor::setup::{self, official};
use crate::accounts::second_factor::store;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::SignedInUser;
use app::accounts::second_factor::passkeys::NAME_MAX_CHARS;
use app::accounts::second_factor::required_by;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;
use webauthn_rs::prelude::{PasskeyRegistration, RegisterPublicKeyCredential};

const PAGE: &str = paths::SECOND_FACTOR;
const FORM: &str = "passkey";

/// `Ok` when `user` may add or remove a factor now: they have none yet, or
/// this session checked one in the last 15 minutes. Otherwise what to say.
pub fn may_change_factors(
    state: &AppState,
    asker: &Asker,
    user: &SignedInUser,
) -> Result<(), &'static str> {
    if user
        .second_factor
        .needs_step_up(state.clock.now().timestamp())
    {
        Err(asker.lang.texts().second_factor.check_before_changing)
    } else {
        Ok(())
    }
}

/// Back to the page with `message` under `field` and the name kept.
async fn refuse(
    session: &Session,
    mut kept: FormFeedback,
    field: &str,
    message: &str,
) -> HandlerResult {
    kept.error(field, message);
    feedback::form(session, kept).await;
    Ok(see_other(PAGE))
}

pub async fn add(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    official(&user, &asker)?;
    let s = &asker.lang.texts().second_factor;
    let mut kept = FormFeedback::new(FORM);
    let name = form.kept_text(&mut kept, "name");
    let Some(relying_party) = state.passkeys.as_deref() else {
        return refuse(&session, kept, "name", s.passkeys_unavailable).await;
    };
    if let Err(message) = may_change_factors(&state, &asker, &user) {
        return refuse(&session, kept, "name", message).await;
    }
    if name.is_empty() {
        return refuse(&session, kept, "name", s.passkey_name_required).await;
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return refuse(&session, kept, "name", s.passkey_name_too_long).await;
    }
    let answer = form.get(PASSKEY_ANSWER);
    if answer.trim().is_empty() {
        return refuse(&session, kept, "name", s.passkey_needs_script).await;
    }
    let challenge = form.get(PASSKEY_CHALLENGE).trim().parse().unwrap_or(0);
    let pool = &state.pool;
    let Some(ceremony) =
        stored::take_challenge::<PasskeyRegistration>(pool, challenge, user.id, Purpose::Register)
            .await?
    else {
        return refuse(&session, kept, "name", s.passkey_expired).await;
    };
    let passkey = serde_json::from_str::<RegisterPublicKeyCredential>(&answer)
        .ok()
        .and_then(|credential| {
            relying_party
                .finish_passkey_registration(&credential, &ceremony)
                .inspect_err(|error| tracing::info!(%error, "a new passkey was refused"))
                .ok()
        });
    let Some(passkey) = passkey else {
        return refuse(&session, kept, "name", s.passkey_refused).await;
    };
    let first = !user.second_factor.enrolled;
    let credential = serde_json::to_value(&passkey).map_err(anyhow::Error::from)?;
    let added = sqlx::query!(
        "INSERT INTO passkeys (user_id, credential_id, name, credential) VALUES ($1, $2, $3, $4)
         ON CONFLICT (credential_id) DO NOTHING",
        user.id,
        passkey.cred_id().as_slice(),
        name,
        credential
    )
    .execute(pool)
    .await?
    .rows_affected();
    if added == 0 {
        return refuse(&session, kept, "name", s.passkey_already_added).await;
    }
    // Making the passkey proved it is at hand: this session has checked it.
    sessions::record_second_factor(&session, state.clock.now().timestamp()).await?;
    audit::record(
        pool,
        Some(user.id),
        AuditAction::SecondFactorEnrolled,
        json!({ "method": "passkey", "name": name }),
        asker.ip,
    )
    .await?;
    if first {
        let codes = store::replace_recovery_codes(pool, user.id).await?;
        setup::show_codes(&session, s.passkey_first_added, &codes).await;
    } else {
        feedback::notice(&session, NoticeTone::Success, s.passkey_added).await;
    }
    Ok(see_other(PAGE))
}

pub async fn remove(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    official(&user, &asker)?;
    let s = &asker.lang.texts().second_factor;
    let kept = FormFeedback::new(FORM);
    if let Err(message) = may_change_factors(&state, &asker, &user) {
        return refuse(&session, kept, "name", message).await;
    }
    let mut tx = state.pool.begin().await?;
    // One removal at a time per account: two at once must not both see
    // the other passkey still there and leave none.
    sqlx::query!("SELECT id FROM users WHERE id = $1 FOR UPDATE", user.id)
        .fetch_one(&mut *tx)
        .await?;
    let Some(name) = sqlx::query_scalar!(
        "DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name",
        id,
        user.id
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(see_other(PAGE));
    };
    let needs_one = user.roles.iter().any(|grant| required_by(grant.role));
    let still_has_one = sqlx::query_scalar!("SELECT has_second_factor($1) AS \"x!\"", user.id)
        .fetch_one(&mut *tx)
        .await?;
    if needs_one && !still_has_one {
        tx.rollback().await?;
        return refuse(&session, kept, "name", s.last_factor).await;
    }
    tx.commit().await?;
    audit::record(
        &state.pool,
        Some(user.id),
        AuditAction::PasskeyRemoved,
        json!({ "name": name }),
        asker.ip,
    )
    .await?;
    feedback::notice(&session, NoticeTone::Success, (s.passkey_removed)(&name)).await;
    Ok(see_other(PAGE))
}
