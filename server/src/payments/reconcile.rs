//! Reconciliation: pending payments are asked about at the gateway, settled
//! by its (signed) answer, or expired once their time is up. Every instance
//! runs it; the settling transaction and the conditional expiry make a
//! second instance's round harmless.

use super::settle::{self, Verdict};
use crate::state::AppState;
use std::time::Duration;

/// A payment younger than this is left to its notification.
const GRACE_SECONDS: f64 = 20.0;

pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        loop {
            tick.tick().await;
            if let Err(error) = reconcile(&state).await {
                tracing::warn!(%error, "payment reconciliation failed");
            }
        }
    });
}

/// One round over the pending online payments.
pub async fn reconcile(state: &AppState) -> anyhow::Result<()> {
    let gateway = super::configured_gateway(state);
    let pending = sqlx::query!(
        "SELECT id, reference FROM payments
         WHERE status = 'pending' AND gateway = $1 AND created_at < $3::timestamptz - make_interval(secs => $2)
         ORDER BY created_at LIMIT 100",
        gateway.name(),
        GRACE_SECONDS,
        state.clock.now() as _
    )
    .fetch_all(&state.pool)
    .await?;
    for payment in pending {
        let verdict = match gateway.query(&state.pool, &payment.reference).await? {
            Some(report) => {
                let verdict = settle::apply(state, gateway.name(), &report).await?;
                let raw = format!("{report:?}");
                super::notifications::record(
                    state,
                    gateway.name(),
                    Some(&payment.reference),
                    "query",
                    &raw,
                    Some(verdict),
                )
                .await?;
                verdict
            }
            None => Verdict::StillPending,
        };
        if verdict == Verdict::StillPending {
            sqlx::query!(
                "UPDATE payments SET status = 'expired' WHERE id = $1 AND status = 'pending' AND expires_at < $2",
                payment.id,
                state.clock.now() as _
            )
            .execute(&state.pool)
            .await?;
        }
    }
    Ok(())
}
