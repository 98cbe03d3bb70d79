//! Issuing slip 01: in the transaction that accepts the dossier, the
//! one-stop unit's register gives the slip its number, the slip is
//! rendered, signed by the unit when it has a certificate, and its bytes
//! are stored. It is never rendered again: every download serves those
//! bytes.

use super::content;
use crate::documents::receipt_slip::{self, Acceptance};
use crate::documents::signing::{self, SignatureDetails};
use crate::dossiers::registers::{self, Form, Issued};
use crate::state::AppState;
use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Issues slip 01 for the acceptance recorded by history entry
/// `history_id` of the dossier `code`, and returns its bytes.
pub async fn issue(
    conn: &mut PgConnection,
    state: &AppState,
    code: &str,
    history_id: i64,
) -> anyhow::Result<Vec<u8>> {
    let config = &state.config;
    let content = content::load(conn, config, code)
        .await?
        .context("slip 01 for a dossier that was never submitted")?;
    let entry = sqlx::query!(
        r#"SELECT h.occurred_at AS "at: DateTime<Utc>", coalesce(u.full_name, '') AS "officer!"
           FROM dossier_history h LEFT JOIN users u ON u.id = h.actor_id
           WHERE h.id = $1 AND h.dossier_id = $2"#,
        history_id,
        content.dossier_id,
    )
    .fetch_one(&mut *conn)
    .await?;
    let number = registers::next_number(conn, &content.body, Form::Receipt, entry.at).await?;
    let reference = content.body.reference(Form::Receipt, number);
    let return_at = content.return_at();
    let signer = state.signers.get(&content.body.signing_name);
    let acceptance = Acceptance {
        number: &reference,
        accepted_at: app::deadlines::vietnam_local(entry.at),
        processing_time: &content.processing_time,
        due: content
            .due_at
            .context("an accepted dossier without an appointment")?,
        return_at: &return_at,
        officer: &entry.officer,
        signed: signer.is_some(),
    };
    let rendered = receipt_slip::render(&content.slip(Some(acceptance), &config.place))?;
    let reason = format!("Giấy tiếp nhận hồ sơ và hẹn trả kết quả — hồ sơ {code}");
    let details = SignatureDetails {
        reason: &reason,
        location: &config.place,
    };
    let bytes = signing::sign_if_configured(rendered, signer, &details, entry.at)?;
    registers::record(
        conn,
        &Issued {
            dossier_id: content.dossier_id,
            history_id,
            form: Form::Receipt,
            body: &content.body,
            number,
            at: entry.at,
            pdf: Some(&bytes),
            signed_by: signer.map(|signer| signer.common_name()).as_deref(),
        },
    )
    .await?;
    Ok(bytes)
}

/// Slip 01 as issued, if it has been.
pub async fn issued(conn: &mut PgConnection, dossier_id: i64) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar!(
        r#"SELECT pdf AS "pdf!" FROM issued_documents WHERE dossier_id = $1 AND form = '01'"#,
        dossier_id
    )
    .fetch_optional(&mut *conn)
    .await
}
