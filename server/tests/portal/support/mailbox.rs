//! Reads what the test's SMTP catcher received.

use super::TestApp;
use std::time::Duration;

/// The body of the newest message to `recipient`, waiting up to 15 s for the
/// worker to deliver it.
pub async fn wait_for_mail(app: &TestApp, recipient: &str, newer_than: i64) -> (i64, String) {
    for _ in 0..150 {
        let row: Option<(i64, Vec<u8>)> = sqlx::query_as(
            "SELECT id, raw_message FROM caught_mail WHERE $1 = ANY(envelope_to) AND id > $2 ORDER BY id DESC LIMIT 1",
        )
        .bind(recipient)
        .bind(newer_than)
        .fetch_optional(&app.pool)
        .await
        .unwrap();
        if let Some((id, raw)) = row {
            let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
            let subject = message.subject().unwrap_or_default().to_string();
            let body = message.body_text(0).unwrap_or_default().into_owned();
            return (id, format!("{subject}\n{body}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no mail reached {recipient}");
}

/// The token of the first link to `path` in a mail body.
pub fn token_in(body: &str, path: &str) -> String {
    let marker = format!("{path}?ma=");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {path} link in:\n{body}"))
        + marker.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
