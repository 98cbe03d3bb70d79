//! One try of a code, limited like passwords: the attempt is reserved
//! before the code is checked (`app::access::throttle`), so parallel
//! guesses get no more tries than sequential ones.

use crate::access::audit::{self, AuditAction};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::accounts::second_factor::store::{self, Accepted};
use serde_json::json;
use std::net::IpAddr;

pub enum Outcome {
    Accepted(Accepted),
    /// Wrong, or already used.
    Wrong,
    /// Too many wrong codes: wait this many seconds.
    Throttled(u64),
}

/// Checks `typed` for `user_id` at `place` (as the audit log names it:
/// `sign_in`, `session_check`, a sensitive action).
pub async fn attempt(
    state: &AppState,
    user_id: i64,
    typed: &str,
    ip: Option<IpAddr>,
    place: &str,
) -> anyhow::Result<Outcome> {
    let pool = &state.pool;
    let reservation =
        match throttle::reserve(pool, Kind::SecondFactor, Subject::Account(user_id), ip).await? {
            Ok(reservation) => reservation,
            Err(limited) => {
                let _ = audit::record(
                    pool,
                    Some(user_id),
                    AuditAction::SecondFactorThrottled,
                    json!({ "place": place, "wait_seconds": limited.wait_secs }),
                    ip,
                )
                .await;
                return Ok(Outcome::Throttled(limited.wait_secs as u64));
            }
        };
    let now = state.clock.now().timestamp();
    match store::check(pool, &state.sealing, user_id, typed, now).await? {
        Some(accepted) => {
            let _ = reservation.succeeded(pool).await;
            Ok(Outcome::Accepted(accepted))
        }
        None => {
            reservation.keep();
            let _ = audit::record(
                pool,
                Some(user_id),
                AuditAction::SecondFactorFailed,
                json!({ "place": place }),
                ip,
            )
            .await;
            Ok(Outcome::Wrong)
        }
    }
}
