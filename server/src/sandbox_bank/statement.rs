//! The bank answering a merchant's query about one order. It shares the
//! portal's database, so the query is a function call rather than HTTP;
//! the answer is signed all the same and the merchant checks it like a
//! notification.

use super::{sign, Report};
use sqlx::PgPool;

/// The signed report of order `reference` (body, signature), or `None` for
/// an order the bank never saw.
pub async fn statement(
    pool: &PgPool,
    secret: &str,
    reference: &str,
) -> anyhow::Result<Option<(String, String)>> {
    let Some(order) = sqlx::query!(
        "SELECT amount_vnd, outcome, transaction_number FROM sandbox_gateway_orders WHERE reference = $1",
        reference
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let body = serde_json::to_string(&Report {
        reference: reference.to_string(),
        amount: order.amount_vnd,
        currency: "VND".into(),
        status: order.outcome,
        transaction: order.transaction_number,
    })?;
    let signature = sign(secret, body.as_bytes());
    Ok(Some((body, signature)))
}
