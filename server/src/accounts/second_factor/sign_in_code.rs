//! `POST /dang-nhap/xac-thuc`: the code (or a passkey's answer) after the
//! password, for an account with a second factor. The password step leaves only who is signing in,
//! for five minutes, in a session with a fresh id; the signed-in session
//! starts when the code passes.

use super::attempt::attempt;
use super::proof::Proof;
use crate::access::feedback;
use crate::accounts::sign_in::{finish, Passed};
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
    passed: Passed,
    /// Unix microseconds of the password step.
    at: i64,
}

/// After a right password: remember who is signing in, under a new session
/// id, until their code comes. Whoever was signed in on this browser
/// before is not any more: the password step is a sign-in of its own.
pub async fn await_code(session: &Session, passed: Passed) -> anyhow::Result<()> {
    session.cycle_id().await?;
    session
        .remove::<crate::access::sessions::SessionUser>(crate::access::sessions::USER_KEY)
        .await?;
    session
        .insert(
            PENDING_KEY,
            PendingSignIn {
                passed,
                at: crate::access::sessions::now_micros(),
            },
        )
        .await?;
    Ok(())
}

/// The sign-in waiting for its second step on this browser, if the password
/// step was recent enough.
async fn pending(session: &Session) -> anyhow::Result<Option<PendingSignIn>> {
    let now = crate::access::sessions::now_micros();
    Ok(session
        .get::<PendingSignIn>(PENDING_KEY)
        .await?
        .filter(|pending| now - pending.at <= PENDING_FOR_MICROS))
}

/// Who is between the password and the second step on this browser.
pub async fn waiting(session: &Session) -> anyhow::Result<Option<i64>> {
    Ok(pending(session)
        .await?
        .map(|pending| pending.passed.user_id))
}

/// The code, or a passkey's answer (`Proof::from_form`).
pub async fn submit(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    form: Posted,
) -> HandlerResult {
    let s = &asker.lang.texts().second_factor;
    let Some(PendingSignIn { passed, .. }) = pending(&session).await? else {
        session.remove::<PendingSignIn>(PENDING_KEY).await?;
        let mut refused = FormFeedback::new("sign_in");
        refused.error("identifier", s.sign_in_expired);
        feedback::form(&session, refused).await;
        return Ok(see_other(paths::SIGN_IN));
    };
    let proof = Proof::from_form(&form, "code");
    let accepted = match attempt(&state, &asker, passed.user_id, &proof, "sign_in").await? {
        Ok(accepted) => accepted,
        Err(message) => {
            let mut refused = FormFeedback::new("sign_in_code");
            refused.error("code", &message);
            feedback::form(&session, refused).await;
            return Ok(see_other(paths::SIGN_IN_CODE));
        }
    };
    session.remove::<PendingSignIn>(PENDING_KEY).await?;
    let at = state.clock.now().timestamp();
    let target = finish(
        &state,
        &session,
        &asker,
        &passed,
        Some((accepted.as_str(), at)),
    )
    .await?;
    if let Accepted::RecoveryCode { left } = accepted {
        feedback::notice(&session, NoticeTone::Info, (s.recovery_code_used)(left)).await;
    }
    Ok(see_other(&target))
}
