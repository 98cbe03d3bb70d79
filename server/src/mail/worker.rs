//! Sends queued mail. Each instance runs one worker; a message is claimed
//! with `FOR UPDATE SKIP LOCKED` and a lease (its next attempt pushed into
//! the future), so two workers never send the same message, and a worker
//! that dies mid-send leaves it to be retried when the lease ends.

use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::time::Duration;

/// After this many failed attempts a message is marked failed for operators.
const MAX_ATTEMPTS: i32 = 8;
/// How long a claimed message is reserved for the worker sending it.
const LEASE_SECS: f64 = 120.0;
/// The longest a worker sleeps without a notification.
const POLL: Duration = Duration::from_secs(5);
/// The longest one SMTP conversation may take. lettre bounds only the
/// connection attempt (lettre issue #1027): a server that stops answering
/// mid-conversation would otherwise stall this worker, and every mail after
/// it, for good.
const DELIVERY_LIMIT: Duration = Duration::from_secs(20);

pub fn spawn(pool: PgPool, smtp_url: &str, from: &str) -> anyhow::Result<()> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)?
        .timeout(Some(Duration::from_secs(20)))
        .build();
    let from: Mailbox = from.parse()?;
    tokio::spawn(async move {
        // Holds one pooled connection while it lives; it is dropped when the
        // pool starts closing, so shutdown never waits on it.
        let mut listener = listen(&pool).await;
        loop {
            match send_due(&pool, &transport, &from).await {
                Ok(sent) if sent > 0 => continue,
                Ok(_) => {}
                Err(error) if pool.is_closed() => {
                    tracing::debug!(%error, "mail worker stops with the pool");
                    return;
                }
                Err(error) => tracing::warn!(%error, "mail worker could not read the outbox"),
            }
            let wake_up = async {
                match listener.as_mut() {
                    Some(active) => {
                        if let Ok(Err(error)) = tokio::time::timeout(POLL, active.try_recv()).await
                        {
                            tracing::warn!(%error, "mail worker lost its notification connection; polling");
                            listener = None;
                            tokio::time::sleep(POLL).await;
                        }
                    }
                    None => tokio::time::sleep(POLL).await,
                }
            };
            tokio::select! {
                _ = pool.close_event() => return,
                _ = wake_up => {}
            }
        }
    });
    Ok(())
}

/// Subscribes to the outbox's notifications, or `None` (then it polls).
async fn listen(pool: &PgPool) -> Option<PgListener> {
    let mut listener = PgListener::connect_with(pool)
        .await
        .map_err(|error| tracing::warn!(%error, "mail worker cannot listen; polling only"))
        .ok()?;
    listener.listen("mail_outbox").await.ok()?;
    Some(listener)
}

/// Sends what is due now; returns how many messages were attempted.
async fn send_due(
    pool: &PgPool,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
) -> sqlx::Result<usize> {
    let claimed = sqlx::query!(
        r#"UPDATE mail_outbox SET attempts = attempts + 1,
                  next_attempt_at = now() + make_interval(secs => $1)
           WHERE id IN (SELECT id FROM mail_outbox
                        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                        ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED)
           RETURNING id, recipient, subject, body_text, attempts"#,
        LEASE_SECS,
    )
    .fetch_all(pool)
    .await?;
    for message in &claimed {
        let result = tokio::time::timeout(
            DELIVERY_LIMIT,
            deliver(
                transport,
                from,
                &message.recipient,
                &message.subject,
                &message.body_text,
            ),
        )
        .await
        .unwrap_or_else(|_| Err(anyhow::anyhow!("the SMTP server stopped answering")));
        match result {
            Ok(()) => {
                sqlx::query!(
                    "UPDATE mail_outbox SET sent_at = now(), last_error = NULL WHERE id = $1",
                    message.id
                )
                .execute(pool)
                .await?;
            }
            Err(error) => {
                tracing::warn!(id = message.id, attempts = message.attempts, %error, "mail not sent; will retry");
                // 30 s, 1 min, 2 min … doubling per attempt.
                let retry_in = 30.0 * 2f64.powi(message.attempts - 1);
                sqlx::query!(
                    r#"UPDATE mail_outbox SET last_error = $2,
                              next_attempt_at = now() + make_interval(secs => $3),
                              failed_at = CASE WHEN attempts >= $4 THEN now() END
                       WHERE id = $1"#,
                    message.id,
                    error.to_string(),
                    retry_in,
                    MAX_ATTEMPTS,
                )
                .execute(pool)
                .await?;
            }
        }
    }
    Ok(claimed.len())
}

async fn deliver(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    recipient: &str,
    subject: &str,
    body: &str,
) -> anyhow::Result<()> {
    let message = lettre::Message::builder()
        .from(from.clone())
        .to(recipient.parse()?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_string())?;
    transport.send(message).await?;
    Ok(())
}
