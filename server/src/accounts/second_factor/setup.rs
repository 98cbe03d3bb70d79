//! The account page's forms (`/tai-khoan/xac-thuc-hai-buoc/…`): start
//! setting up an app, confirm it with its first code, check a code for
//! this session, and make new recovery codes. Officials only.

use super::attempt::{attempt, Outcome};
use super::{step_up, store};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::{Refusal, SignedIn};
use crate::access::{authentication, feedback, sessions};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::policy;
use app::access::throttle::{self, Kind, Subject};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

const PAGE: &str = paths::SECOND_FACTOR;

fn official(user: &SignedIn, asker: &Asker) -> Result<(), Refusal> {
    if user.0.is_official() {
        Ok(())
    } else {
        Err(Refusal::forbidden(asker.lang))
    }
}

/// A new secret to scan (replacing one not yet confirmed).
pub async fn begin(State(state): State<AppState>, asker: Asker, user: SignedIn) -> HandlerResult {
    official(&user, &asker)?;
    if !user.0.second_factor.enrolled {
        store::begin(&state.pool, &state.sealing, user.0.id).await?;
    }
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
    official(&user, &asker)?;
    let texts = asker.lang.texts();
    let s = &texts.second_factor;
    let user_id = user.0.id;
    let code = form.get("code");
    let mut refused = FormFeedback::new("second_factor");
    if code.trim().is_empty() {
        refused.error("code", s.code_required);
        feedback::form(&session, refused).await;
        return Ok(see_other(PAGE));
    }
    let pool = &state.pool;
    let reservation = match throttle::reserve(
        pool,
        Kind::SecondFactor,
        Subject::Account(user_id),
        asker.ip,
    )
    .await?
    {
        Ok(reservation) => reservation,
        Err(limited) => {
            refused.error("code", (s.too_many_codes)(limited.wait_secs as u64));
            feedback::form(&session, refused).await;
            return Ok(see_other(PAGE));
        }
    };
    let now = state.clock.now().timestamp();
    let Some(codes) = store::confirm(pool, &state.sealing, user_id, &code, now).await? else {
        reservation.keep();
        refused.error("code", s.code_wrong);
        feedback::form(&session, refused).await;
        return Ok(see_other(PAGE));
    };
    let _ = reservation.succeeded(pool).await;
    sessions::record_second_factor(&session, now).await?;
    audit::record(
        pool,
        Some(user_id),
        AuditAction::SecondFactorEnrolled,
        json!({}),
        asker.ip,
    )
    .await?;
    show_codes(&session, s.set_up_notice, &codes).await;
    Ok(see_other(PAGE))
}

/// A code for this session, when a role that needs one came after sign-in.
pub async fn check(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    official(&user, &asker)?;
    let texts = asker.lang.texts();
    let s = &texts.second_factor;
    let code = form.get("code");
    let mut refused = FormFeedback::new("second_factor");
    let message = if code.trim().is_empty() {
        s.code_required.to_string()
    } else {
        match attempt(&state, user.0.id, &code, asker.ip, "session_check").await? {
            Outcome::Accepted(accepted) => {
                let now = state.clock.now().timestamp();
                sessions::record_second_factor(&session, now).await?;
                let _ = audit::record(
                    &state.pool,
                    Some(user.0.id),
                    AuditAction::SecondFactorChecked,
                    json!({ "place": "session_check", "method": accepted.as_str() }),
                    asker.ip,
                )
                .await;
                feedback::notice(&session, NoticeTone::Success, s.checked_notice).await;
                // Now that the roles count: where the work is.
                let current = session
                    .get::<sessions::SessionUser>(sessions::USER_KEY)
                    .await?;
                let landing =
                    match authentication::load_user(&state.pool, user.0.id, current.as_ref())
                        .await?
                    {
                        Some(user) => policy::landing_page(&user),
                        None => paths::ACCOUNT,
                    };
                return Ok(see_other(landing));
            }
            Outcome::Wrong => s.code_wrong.to_string(),
            Outcome::Throttled(wait) => (s.too_many_codes)(wait),
        }
    };
    refused.error("code", message);
    feedback::form(&session, refused).await;
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
    official(&user, &asker)?;
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

/// The codes, once, on the page the redirect shows.
async fn show_codes(session: &Session, notice: &str, codes: &[String]) {
    let mut shown = FormFeedback::new("recovery_codes");
    shown.keep("codes", &codes.join(" "));
    feedback::notice_with_form(session, NoticeTone::Success, notice, shown).await;
}
