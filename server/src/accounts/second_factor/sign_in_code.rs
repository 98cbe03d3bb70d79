//! `POST /dang-nhap/xac-thuc`: the code after the password, for an account
//! with a second factor. The password step leaves only who is signing in,
//! for five minutes, in a session with a fresh id; the signed-in session
//! starts when the code passes.

use super::attempt::{attempt, Outcome};
use crate::access::feedback;
use crate::accounts::sign_in::{finish, Finish};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::accounts::second_factor::store::Accepted;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

const PENDING_KEY: &str = "sign_in_pending";
/// How long the password step waits for its code.
const PENDING_FOR_MICROS: i64 = 5 * 60 * 1_000_000;

#[derive(Serialize, Deserialize)]
struct PendingSignIn {
    user_id: i64,
    remember: bool,
    next: String,
    /// Unix microseconds of the password step.
    at: i64,
}

/// After a right password: remember who is signing in, under a new session
/// id, until their code comes. Whoever was signed in on this browser
/// before is not any more: the password step is a sign-in of its own.
pub async fn await_code(
    session: &Session,
    user_id: i64,
    remember: bool,
    next: &str,
) -> anyhow::Result<()> {
    session.cycle_id().await?;
    session
        .remove::<crate::access::sessions::SessionUser>(crate::access::sessions::USER_KEY)
        .await?;
    session
        .insert(
            PENDING_KEY,
            PendingSignIn {
                user_id,
                remember,
                next: next.to_string(),
                at: crate::access::sessions::now_micros(),
            },
        )
        .await?;
    Ok(())
}

pub async fn submit(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    form: Posted,
) -> HandlerResult {
    let texts = asker.lang.texts();
    let s = &texts.second_factor;
    let now = crate::access::sessions::now_micros();
    let pending = session
        .get::<PendingSignIn>(PENDING_KEY)
        .await?
        .filter(|pending| now - pending.at <= PENDING_FOR_MICROS);
    let Some(pending) = pending else {
        session.remove::<PendingSignIn>(PENDING_KEY).await?;
        let mut refused = FormFeedback::new("sign_in");
        refused.error("identifier", s.sign_in_expired);
        feedback::form(&session, refused).await;
        return Ok(see_other(paths::SIGN_IN));
    };
    let code = form.get("code");
    let mut refused = FormFeedback::new("sign_in_code");
    let outcome = if code.trim().is_empty() {
        refused.error("code", s.code_required);
        None
    } else {
        Some(attempt(&state, pending.user_id, &code, asker.ip, "sign_in").await?)
    };
    match outcome {
        Some(Outcome::Accepted(accepted)) => {
            session.remove::<PendingSignIn>(PENDING_KEY).await?;
            let target = finish(
                &state,
                &session,
                &asker,
                pending.user_id,
                Finish {
                    remember: pending.remember,
                    next: &pending.next,
                    second_factor: Some((accepted.as_str(), state.clock.now().timestamp())),
                },
            )
            .await?;
            if let Accepted::RecoveryCode { left } = accepted {
                feedback::notice(&session, NoticeTone::Info, &(s.recovery_code_used)(left)).await;
            }
            Ok(see_other(&target))
        }
        Some(Outcome::Wrong) => {
            refused.error("code", s.code_wrong);
            feedback::form(&session, refused).await;
            Ok(see_other(paths::SIGN_IN_CODE))
        }
        Some(Outcome::Throttled(wait)) => {
            refused.error("code", (s.too_many_codes)(wait));
            feedback::form(&session, refused).await;
            Ok(see_other(paths::SIGN_IN_CODE))
        }
        None => {
            feedback::form(&session, refused).await;
            Ok(see_other(paths::SIGN_IN_CODE))
        }
    }
}
