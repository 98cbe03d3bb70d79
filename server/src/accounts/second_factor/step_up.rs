//! Sensitive actions (publishing a procedure version, issuing an API token,
//! disabling an account or resetting its second factor, new recovery
//! codes) ask for the second factor again when this session last checked
//! it more than 15 minutes ago. The form carries the code
//! (`second_factor_code`, shown by `app::accounts::pages::StepUpField`), so
//! nothing typed is lost and no extra page stands in the way.

use super::attempt::{attempt, Outcome};
use crate::access::audit::{self, AuditAction};
use crate::access::{feedback, sessions};
use crate::forms::{Asker, Posted};
use crate::state::AppState;
use app::access::SignedInUser;
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
    let texts = asker.lang.texts();
    let s = &texts.second_factor;
    let now = state.clock.now().timestamp();
    if !user.second_factor.needs_step_up(now) {
        return Ok(Ok(()));
    }
    let typed = form.get(FIELD);
    if typed.trim().is_empty() {
        return Ok(Err(s.step_up_hint.to_string()));
    }
    Ok(
        match attempt(state, user.id, &typed, asker.ip, action).await? {
            Outcome::Accepted(accepted) => {
                sessions::record_second_factor(session, now).await?;
                let _ = audit::record(
                    &state.pool,
                    Some(user.id),
                    AuditAction::SecondFactorChecked,
                    json!({ "place": action, "method": accepted.as_str() }),
                    asker.ip,
                )
                .await;
                Ok(())
            }
            Outcome::Wrong => Err(s.code_wrong.to_string()),
            Outcome::Throttled(wait) => Err((s.too_many_codes)(wait)),
        },
    )
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
