//! Telling people about a report: its reporter and followers at each step
//! they can see (in the portal and by mail), and the officials the
//! escalation job warns. Written in the caller's transaction, so a step
//! that does not commit tells nobody; mail leaves through the outbox.

use crate::mail::outbox;
use crate::mail::templates::Message;
use crate::state::AppState;
use app::i18n::Lang;
use app::paths;
use sqlx::PgConnection;

/// Tells the reporter and every follower of `report_id` what happened
/// (`kind`, a `field_report_events` kind), with `note` when there is one.
pub async fn followers(
    state: &AppState,
    conn: &mut PgConnection,
    report_id: i64,
    kind: &str,
    note: Option<&str>,
) -> sqlx::Result<()> {
    let t = &Lang::Vi.texts().field_reports;
    let code = sqlx::query_scalar!("SELECT code FROM field_reports WHERE id = $1", report_id)
        .fetch_one(&mut *conn)
        .await?;
    let people = sqlx::query!(
        "SELECT u.id, u.full_name, u.email FROM field_report_followers f JOIN users u ON u.id = f.user_id
         WHERE f.report_id = $1 AND u.disabled_at IS NULL",
        report_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let what = match note {
        Some(note) => format!("{} — {}", (t.event)(kind), excerpt(note)),
        None => (t.event)(kind).to_string(),
    };
    let link = paths::report(&code);
    for person in people {
        sqlx::query!(
            "INSERT INTO notifications (user_id, title, body, link) VALUES ($1, $2, $3, $4)",
            person.id,
            (t.mail_subject)(&code),
            what,
            link,
        )
        .execute(&mut *conn)
        .await?;
        if let Some(email) = &person.email {
            let message = Message {
                subject: (t.mail_subject)(&code),
                body: (t.mail_body)(
                    &person.full_name,
                    &code,
                    &what,
                    &format!("{}{link}", state.config.public_base_url),
                ),
            };
            outbox::enqueue(&mut *conn, email, &message).await?;
        }
    }
    Ok(())
}

/// Tells officials (by id) about a report, in the portal and by mail.
pub async fn officials(
    state: &AppState,
    conn: &mut PgConnection,
    user_ids: &[i64],
    code: &str,
    subject: &str,
) -> sqlx::Result<()> {
    let link = paths::report_handling(code);
    let people = sqlx::query!(
        "SELECT id, full_name, email FROM users WHERE id = ANY($1) AND disabled_at IS NULL",
        user_ids
    )
    .fetch_all(&mut *conn)
    .await?;
    for person in people {
        sqlx::query!(
            "INSERT INTO notifications (user_id, title, body, link) VALUES ($1, $2, $3, $4)",
            person.id,
            subject,
            subject,
            link,
        )
        .execute(&mut *conn)
        .await?;
        if let Some(email) = &person.email {
            let message = Message {
                subject: subject.to_string(),
                body: format!("{}\n\n{}{link}", subject, state.config.public_base_url),
            };
            outbox::enqueue(&mut *conn, email, &message).await?;
        }
    }
    Ok(())
}

fn excerpt(text: &str) -> String {
    let mut short: String = text.chars().take(300).collect();
    if text.chars().count() > 300 {
        short.push('…');
    }
    short
}
