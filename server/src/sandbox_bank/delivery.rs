//! The bank's side of a decision: record the payer's choice once, and
//! deliver the signed notification to the merchant's IPN address over
//! HTTP — late (the configured delay) and, if configured, more than once,
//! as real gateways do. Deliveries are rows claimed with `SKIP LOCKED`, so
//! any instance may send them and none twice at the same time.

use super::{sign, Report};
use crate::config::SandboxConfig;
use anyhow::Context;
use secrecy::ExposeSecret;
use sqlx::PgPool;
use std::time::Duration;

/// Records `outcome` for a pending order and queues its notifications;
/// the address to send the browser back to, or `None` when there is no
/// such pending order.
pub async fn decide(
    pool: &PgPool,
    sandbox: &SandboxConfig,
    reference: &str,
    outcome: &str,
) -> anyhow::Result<Option<String>> {
    let mut tx = pool.begin().await?;
    let Some(order) = sqlx::query!(
        "UPDATE sandbox_gateway_orders SET outcome = $2, decided_at = now()
         WHERE reference = $1 AND outcome = 'pending'
         RETURNING amount_vnd, return_url, transaction_number",
        reference,
        outcome
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    let body = serde_json::to_string(&Report {
        reference: reference.to_string(),
        amount: order.amount_vnd,
        currency: "VND".into(),
        status: outcome.to_string(),
        transaction: order.transaction_number,
    })?;
    for copy in 0..sandbox.deliveries {
        // Repeats follow closely, so a duplicate may meet the first still
        // being applied.
        let after_ms = sandbox.delay_ms as f64 + f64::from(copy) * 50.0;
        sqlx::query!(
            "INSERT INTO sandbox_gateway_deliveries (reference, body, deliver_after)
             VALUES ($1, $2, now() + make_interval(secs => $3))",
            reference,
            body,
            after_ms / 1000.0
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Some(order.return_url))
}

/// Delivers due notifications every half second to `ipn_url`, for as long
/// as the process runs.
pub fn spawn(pool: PgPool, sandbox: SandboxConfig, ipn_url: String) {
    tokio::spawn(async move {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("an HTTP client without TLS builds");
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        loop {
            tick.tick().await;
            if let Err(error) = deliver_due(&pool, &client, &sandbox, &ipn_url).await {
                tracing::warn!(%error, "sandbox bank: delivery round failed");
            }
        }
    });
}

/// One round: every due delivery, each in its own transaction.
async fn deliver_due(
    pool: &PgPool,
    client: &reqwest::Client,
    sandbox: &SandboxConfig,
    ipn_url: &str,
) -> anyhow::Result<()> {
    loop {
        let mut tx = pool.begin().await?;
        let Some(due) = sqlx::query!(
            "SELECT id, body, attempts FROM sandbox_gateway_deliveries
             WHERE delivered_at IS NULL AND deliver_after <= now() AND attempts < 5
             ORDER BY deliver_after LIMIT 1 FOR UPDATE SKIP LOCKED"
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(());
        };
        let signature = sign(sandbox.secret.expose_secret(), due.body.as_bytes());
        let sent = client
            .post(format!("{ipn_url}?signature={signature}"))
            .header("content-type", "application/json")
            .body(due.body.clone())
            .send()
            .await
            .context("posting the notification");
        let answer = match sent {
            Ok(response) if response.status().is_success() => Some(response.text().await?),
            Ok(response) => {
                tracing::warn!(status = %response.status(), "sandbox bank: the merchant refused a notification");
                None
            }
            Err(error) => {
                tracing::warn!(%error, "sandbox bank: the merchant did not answer");
                None
            }
        };
        // Unanswered: tried again later, a little later each time.
        sqlx::query!(
            "UPDATE sandbox_gateway_deliveries
             SET attempts = attempts + 1, answer = $2,
                 delivered_at = CASE WHEN $2::text IS NOT NULL THEN now() END,
                 deliver_after = now() + make_interval(secs => 2 * (attempts + 1))
             WHERE id = $1",
            due.id,
            answer
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    }
}
