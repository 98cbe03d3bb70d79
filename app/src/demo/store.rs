//! Reads the demo SMTP catcher's messages and decodes them for display.

use super::CaughtMessage;
use crate::error::AppResult;
use mail_parser::MessageParser;
use sqlx::PgPool;

pub async fn newest_caught_mail(pool: &PgPool) -> AppResult<Vec<CaughtMessage>> {
    let rows = sqlx::query!(
        r#"SELECT id, array_to_string(envelope_to, ', ') AS "to!", raw_message,
                  to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI:SS') AS "received_at!"
           FROM caught_mail ORDER BY id DESC LIMIT 50"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let parsed = MessageParser::default().parse(&row.raw_message);
            let subject = parsed
                .as_ref()
                .and_then(|message| message.subject())
                .unwrap_or_default()
                .to_string();
            let body = parsed
                .as_ref()
                .and_then(|message| message.body_text(0))
                .map(|body| body.into_owned())
                .unwrap_or_default();
            CaughtMessage {
                id: row.id,
                to: row.to,
                subject,
                body,
                received_at: row.received_at,
            }
        })
        .collect())
}
