//! Writing a procedure version's draft: its fields and documents. Only
//! unpublished versions are ever written; no dossier refers to a draft.

use app::administration::procedures::VersionFields;
use chrono::NaiveTime;
use sqlx::PgConnection;

pub async fn write_fields(
    tx: &mut PgConnection,
    draft: i64,
    fields: &VersionFields,
) -> Result<(), sqlx::Error> {
    let cutoff = NaiveTime::parse_from_str(&fields.cutoff, "%H:%M").ok();
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    sqlx::query!(
        "UPDATE procedure_versions SET name = $2, description = $3, processing_time_unit = $4,
                processing_time_value = $5, cutoff_time = $6, online_level = $7, result_type = $8,
                requirements = $9, legal_basis = $10
         WHERE id = $1 AND published_at IS NULL",
        draft,
        fields.name,
        optional(&fields.description),
        fields.time_unit,
        fields.time_value,
        cutoff as _,
        fields.online_level,
        fields.result_type,
        optional(&fields.requirements),
        &fields.legal_basis,
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM procedure_documents WHERE version_id = $1",
        draft
    )
    .execute(&mut *tx)
    .await?;
    for (position, document) in fields.documents.iter().enumerate() {
        // Shown at the counter or uploaded (`document_provision`); a tờ
        // khai is uploaded, as no e-form stands for it in the editor.
        sqlx::query!(
            "INSERT INTO procedure_documents (version_id, position, name, originals, copies, mandatory, online_provision)
             VALUES ($1, $2, $3, $4, $5, $6, document_provision($3))",
            draft,
            position as i32 + 1,
            document.name,
            document.originals,
            document.copies,
            document.mandatory,
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Removes the draft and everything copied with it.
pub async fn delete_draft(tx: &mut PgConnection, draft: i64) -> Result<(), sqlx::Error> {
    for statement in [
        "DELETE FROM procedure_documents WHERE version_id = $1",
        "DELETE FROM procedure_fees WHERE version_id = $1",
        "DELETE FROM procedure_form_templates WHERE version_id = $1",
        "DELETE FROM fee_exemptions WHERE version_id = $1",
        "DELETE FROM workflow_steps WHERE version_id = $1",
    ] {
        sqlx::query(statement).bind(draft).execute(&mut *tx).await?;
    }
    sqlx::query!(
        "DELETE FROM procedure_versions WHERE id = $1 AND published_at IS NULL",
        draft
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
