//! One try of a code, limited like passwords: the attempt is reserved
//! before the code is checked (`app::access::throttle`), so parallel
//! guesses get no more tries than sequential ones. Wrong and refused tries
//! are audited with where they were made.

use super::passkeys;
use super::proof::Proof;
use crate::access::audit::{self, AuditAction};
use crate::forms::Asker;
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::accounts::second_factor::store::{self, Accepted};
use app::error::AppResult;
use serde_json::json;
use std::future::Future;

/// Checks `proof` for `user_id` at `place` (as the audit log names it:
/// `sign_in`, `session_check`, a sensitive action) and spends it: what
/// was accepted, or what to tell the person, in their language. A code and
/// a passkey's answer draw on the same attempts.
pub async fn attempt(
    state: &AppState,
    asker: &Asker,
    user_id: i64,
    proof: &Proof,
    place: &str,
) -> anyhow::Result<Result<Accepted, String>> {
    let blank = proof.is_blank();
    match proof {
        Proof::Code(typed) => {
            let now = state.clock.now().timestamp();
            let check = store::check(&state.pool, &state.sealing, user_id, typed, now);
            reserved(state, asker, user_id, place, blank, check).await
        }
        Proof::Passkey { challenge, answer } => {
            let check = passkeys::check::answer(state, user_id, *challenge, answer);
            reserved(state, asker, user_id, place, blank, check).await
        }
    }
}

/// Runs `check` (a code's check, `None` when wrong) under the attempt
/// limit, unless nothing was offered (`blank`).
pub async fn reserved<T>(
    state: &AppState,
    asker: &Asker,
    user_id: i64,
    place: &str,
    blank: bool,
    check: impl Future<Output = AppResult<Option<T>>>,
) -> anyhow::Result<Result<T, String>> {
    let s = &asker.lang.texts().second_factor;
    if blank {
        return Ok(Err(s.code_required.to_string()));
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
            let _ = audit::record(
                pool,
                Some(user_id),
                AuditAction::SecondFactorThrottled,
                json!({ "place": place, "wait_seconds": limited.wait_secs }),
                asker.ip,
            )
            .await;
            return Ok(Err((s.too_many_codes)(limited.wait_secs as u64)));
        }
    };
    match check.await? {
        Some(accepted) => {
            let _ = reservation.succeeded(pool).await;
            Ok(Ok(accepted))
        }
        None => {
            reservation.keep();
            let _ = audit::record(
                pool,
                Some(user_id),
                AuditAction::SecondFactorFailed,
                json!({ "place": place }),
                asker.ip,
            )
            .await;
            Ok(Err(s.code_wrong.to_string()))
        }
    }
}
