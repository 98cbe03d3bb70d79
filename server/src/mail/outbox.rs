//! Queues a message in the same transaction as the change it reports.

use super::templates::Message;
use sqlx::PgConnection;

pub async fn enqueue(
    tx: &mut PgConnection,
    recipient: &str,
    message: &Message,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO mail_outbox (recipient, subject, body_text) VALUES ($1, $2, $3)",
        recipient,
        message.subject,
        message.body,
    )
    .execute(&mut *tx)
    .await?;
    // Wakes the workers at commit instead of at their next poll.
    sqlx::query!("SELECT pg_notify('mail_outbox', '')")
        .execute(&mut *tx)
        .await?;
    Ok(())
}
