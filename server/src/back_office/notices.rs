//! How the applicant is told when their dossier moves: a notification in
//! the portal (with an unread count) and the same words by mail, written
//! in the same transaction as the change so neither can be lost or sent
//! for a change that did not happen. The words are each action's own
//! (`actions/*.rs`) or the payment's (`payments/settle.rs`).

use crate::mail::outbox;
use crate::mail::templates::Message;
use crate::state::AppState;
use app::paths;
use sqlx::PgConnection;

/// Whom a dossier's notices go to, and what they are written about.
pub struct Applicant {
    pub code: String,
    pub applicant_id: i64,
    pub full_name: String,
    pub email: Option<String>,
    pub procedure: String,
    pub due_on: Option<String>,
}

pub async fn applicant_of(tx: &mut PgConnection, dossier_id: i64) -> anyhow::Result<Applicant> {
    Ok(sqlx::query_as!(
        Applicant,
        r#"SELECT d.code AS "code!", d.applicant_id, u.full_name, u.email, v.name AS procedure,
                  to_char(d.due_at, 'DD/MM/YYYY') AS due_on
           FROM dossiers d JOIN users u ON u.id = d.applicant_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id WHERE d.id = $1"#,
        dossier_id
    )
    .fetch_one(&mut *tx)
    .await?)
}

/// The notice in the portal, and the same words by mail when the applicant
/// has an address.
pub async fn deliver(
    state: &AppState,
    tx: &mut PgConnection,
    dossier: &Applicant,
    dossier_id: i64,
    title: String,
    body: String,
) -> anyhow::Result<()> {
    let link = paths::dossier(&dossier.code);
    sqlx::query!(
        "INSERT INTO notifications (user_id, dossier_id, title, body, link) VALUES ($1, $2, $3, $4, $5)",
        dossier.applicant_id,
        dossier_id,
        title,
        body,
        link,
    )
    .execute(&mut *tx)
    .await?;
    let message = Message {
        subject: title,
        body: format!(
            "Kính gửi {},\n\n{body}\n\nTheo dõi hồ sơ tại:\n{}{link}\n\nCổng dịch vụ công Một Cửa\nĐây là thư tự động, vui lòng không trả lời.\n",
            dossier.full_name, state.config.public_base_url
        ),
    };
    // A walk-in applicant recorded without an email is told in the portal
    // and at the counter only.
    if let Some(email) = &dossier.email {
        outbox::enqueue(tx, email, &message).await?;
    }
    Ok(())
}
