//! Sensitive actions (publishing a procedure version, issuing an API token,
//! disabling an account or resetting its second factor, new recovery
//! codes) ask for the second factor again when this session last checked
//! it more than 15 minutes ago. The form carries the code
//! (`second_factor_code`, shown by `app::accounts::pages::StepUpField`) or a
//! passkey's answer (`proof::PASSKEY_ANSWER`), so
//! nothing typed is lost and no extra page stands in the way.

use super::attempt::attempt;
use super::proof::Proof;
use crate::access::audit::{self, AuditAction};
use crate::access::{feedback, sessions};
use crate::forms::{Asker, Posted};
use crate::state::AppState;
use app::access::SignedInUser;
use app::accounts::second_factor::store::Accepted;
use app::forms::FormFeedback;
use serde_json::json;
use tower_sessions::Session;

/// The form field the code comes in.
pub const FIELD: &str = "second_factor_code";

/// `Ok(())` when `action` may go ahead; otherwise the message for the
/// code's field.
pub async fn confirm(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    user: &SignedInUser,
    form: &Posted,
    action: &str,
) -> anyhow::Result<Result<(), String>> {
    if !user
        .second_factor
        .needs_step_up(state.clock.now().timestamp())
    {
        return Ok(Ok(()));
    }
    let proof = Proof::from_form(form, FIELD);
    if proof.is_blank() {
        return Ok(Err(asker
            .lang
            .texts()
            .second_factor
            .step_up_hint
            .to_string()));
    }
    Ok(
        check_for_session(state, session, asker, user.id, &proof, action)
            .await?
            .map(|_| ()),
    )
}

/// Checks a code for the signed-in session and, when it passes, records
/// the check in the session and the audit log: what was accepted, or what
/// to tell the person.
pub async fn check_for_session(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    user_id: i64,
    proof: &Proof,
    place: &str,
) -> anyhow::Result<Result<Accepted, String>> {
    let accepted = match attempt(state, asker, user_id, proof, place).await? {
        Ok(accepted) => accepted,
        Err(message) => return Ok(Err(message)),
    };
    sessions::record_second_factor(session, state.clock.now().timestamp()).await?;
    let _ = audit::record(
        &state.pool,
        Some(user_id),
        AuditAction::SecondFactorChecked,
        json!({ "place": place, "method": accepted.as_str() }),
        asker.ip,
    )
    .await;
    Ok(Ok(accepted))
}

/// The same for a form with nothing else to keep: `true` when `action` may
/// go ahead; otherwise the refusal is left for the page to show under
/// `form_name`'s code field.
pub async fn confirm_or_refuse(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    user: &SignedInUser,
    form: &Posted,
    action: &str,
    form_name: &str,
) -> anyhow::Result<bool> {
    match confirm(state, session, asker, user, form, action).await? {
        Ok(()) => Ok(true),
        Err(message) => {
            let mut refused = FormFeedback::new(form_name);
            refused.error(FIELD, &message);
            feedback::form(session, refused).await;
            Ok(false)
        }
    }
}
