//! The account page's forms (`/tai-khoan/xac-thuc-hai-buoc/…`): start
//! setting up an app, confirm it with its first code, check a code for
//! this session, and make new recovery codes. Officials only.

use super::attempt::reserved;
use super::proof::Proof;
use super::{passkeys, step_up, store};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::{Refusal, SignedIn};
use crate::access::{feedback, sessions};
use crate::accounts::sign_in::landing;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::SignedInUser;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

const PAGE: &str = paths::SECOND_FACTOR;

/// Only officials have a second factor (shared with the passkeys' forms).
pub(super) fn official(user: &SignedInUser, asker: &Asker) -> Result<(), Refusal> {
    if user.is_official() {
        Ok(())
    } else {
        Err(Refusal::forbidden(asker.lang))
    }
}

/// A new secret to scan (replacing one not yet confirmed; a confirmed app
/// stays until an administrator resets it). An official who has a passkey
/// may add an app too, after checking the passkey in the last 15 minutes.
pub async fn begin(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
) -> HandlerResult {
    official(&user.0, &asker)?;
    if let Err(message) = passkeys::enrolment::may_change_factors(&state, &asker, &user.0) {
        return refuse(&session, message).await;
    }
    store::begin(&state.pool, &state.sealing, user.0.id).await?;
    Ok(see_other(PAGE))
}

/// The app's first code: the factor is on, this session has checked it,
/// and the recovery codes are shown once.
pub async fn confirm(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    official(&user.0, &asker)?;
    let user_id = user.0.id;
    let code = form.get("code");
    let now = state.clock.now().timestamp();
    let confirming = store::confirm(&state.pool, &state.sealing, user_id, &code, now);
    let blank = code.trim().is_empty();
    let codes = match reserved(&state, &asker, user_id, "setup", blank, confirming).await? {
        Ok(codes) => codes,
        Err(message) => return refuse(&session, &message).await,
    };
    sessions::record_second_factor(&session, now).await?;
    audit::record(
        &state.pool,
        Some(user_id),
        AuditAction::SecondFactorEnrolled,
        json!({ "method": "totp" }),
        asker.ip,
    )
    .await?;
    let s = &asker.lang.texts().second_factor;
    show_codes(&session, s.set_up_notice, &codes).await;
    Ok(see_other(PAGE))
}

/// A code or a passkey for this session, when a role that needs one came
/// after sign-in (then where the work is, now that the roles count), or
/// before adding or removing a factor.
pub async fn check(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    official(&user.0, &asker)?;
    let proof = Proof::from_form(&form, "code");
    let checked =
        step_up::check_for_session(&state, &session, &asker, user.0.id, &proof, "session_check")
            .await?;
    if let Err(message) = checked {
        return refuse(&session, &message).await;
    }
    let s = &asker.lang.texts().second_factor;
    feedback::notice(&session, NoticeTone::Success, s.checked_notice).await;
    // Roles that waited for the check: to the work. A check before
    // changing the factors: back to them.
    if user.0.second_factor.pending.is_some() {
        Ok(see_other(landing(&state.pool, &session, user.0.id).await?))
    } else {
        Ok(see_other(PAGE))
    }
}

/// Back to the page, the message under the code's field.
async fn refuse(session: &Session, message: &str) -> HandlerResult {
    let mut refused = FormFeedback::new("second_factor");
    refused.error("code", message);
    feedback::form(session, refused).await;
    Ok(see_other(PAGE))
}

/// Ten new recovery codes, the old ones void: a sensitive action.
pub async fn renew_codes(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    official(&user.0, &asker)?;
    let s = &asker.lang.texts().second_factor;
    if !user.0.second_factor.enrolled || user.0.second_factor.pending.is_some() {
        return Ok(see_other(PAGE));
    }
    let confirmed = step_up::confirm_or_refuse(
        &state,
        &session,
        &asker,
        &user.0,
        &form,
        "recovery_codes",
        "second_factor",
    )
    .await?;
    if !confirmed {
        return Ok(see_other(PAGE));
    }
    let codes = store::replace_recovery_codes(&state.pool, user.0.id).await?;
    audit::record(
        &state.pool,
        Some(user.0.id),
        AuditAction::RecoveryCodesRenewed,
        json!({}),
        asker.ip,
    )
    .await?;
    show_codes(&session, s.new_codes_notice, &codes).await;
    Ok(see_other(PAGE))
}

/// The codes, once, on the page the redirect shows (shared with the
/// passkeys' first one).
pub(super) async fn show_codes(session: &Session, notice: &str, codes: &[String]) {
    let mut shown = FormFeedback::new("recovery_codes");
    shown.keep("codes", &codes.join(" "));
    feedback::notice_with_form(session, NoticeTone::Success, notice, shown).await;
}
