//! Writing a procedure version's draft: its fields, documents, fees,
//! exemptions and workflow. Only unpublished versions are ever written; no
//! dossier refers to a draft.

use app::administration::procedures::VersionFields;
use chrono::NaiveTime;
use sqlx::PgConnection;

/// Writes `fields` into draft `draft`. A commune procedure's implementing
/// agency reads `communes_implement` ("Ủy ban nhân dân cấp xã").
pub async fn write_fields(
    tx: &mut PgConnection,
    draft: i64,
    fields: &VersionFields,
    communes_implement: &str,
) -> Result<(), sqlx::Error> {
    let cutoff = NaiveTime::parse_from_str(&fields.cutoff, "%H:%M").ok();
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    sqlx::query!(
        "UPDATE procedure_versions SET name = $2, description = $3, processing_time_unit = $4,
                processing_time_value = $5, cutoff_time = $6, online_level = $7, result_type = $8,
                requirements = $9, legal_basis = $10, payment_due = $11,
                name_en = $13, steps = $14, representation_barred = $15, channels = $16,
                sector_id = (SELECT id FROM sectors WHERE code = $17), agency_level = $18,
                implementing_agency_id = (SELECT id FROM agencies WHERE code = $19 AND $18 = 'province'),
                -- Its name as published stays until the agency changes.
                implementing_agency = CASE WHEN agency_level = $18 AND implementing_agency_id IS NOT DISTINCT FROM
                                                (SELECT id FROM agencies WHERE code = $19 AND $18 = 'province')
                                           THEN implementing_agency
                                           WHEN $18 = 'commune' THEN $20
                                           ELSE coalesce((SELECT name FROM agencies WHERE code = $19),
                                                         (SELECT name FROM agencies WHERE kind = 'province' ORDER BY id LIMIT 1))
                                      END,
                -- The standard form asks for the group as `fee_exemption`
                -- (procedure_version_forms); an own e-form names its own field.
                exemption_field = CASE WHEN $21 <> '' THEN exemption_field
                                       WHEN $12 THEN 'fee_exemption' END,
                form_id = (SELECT id FROM forms WHERE code = NULLIF($21, '') AND NOT standard)
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
        fields.payment_due,
        !fields.exemptions.is_empty(),
        optional(&fields.name_en),
        &fields.steps,
        fields.representation_barred,
        &fields.channels.0,
        fields.sector,
        fields.level,
        fields.agency,
        communes_implement,
        fields.form,
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
            "INSERT INTO procedure_documents (version_id, position, name, originals, copies, mandatory, online_provision, note,
                                              when_represented, template_file_id)
             VALUES ($1, $2, $3, $4, $5, $6, document_provision($3), NULLIF($7, ''), $8, $9)",
            draft,
            position as i32 + 1,
            document.name,
            document.originals,
            document.copies,
            document.mandatory,
            document.note,
            document.when_represented,
            document.template.as_ref().map(|template| template.id),
        )
        .execute(&mut *tx)
        .await?;
    }
    write_fees(tx, draft, fields).await?;
    write_workflow(tx, draft, fields).await
}

async fn write_fees(
    tx: &mut PgConnection,
    draft: i64,
    fields: &VersionFields,
) -> Result<(), sqlx::Error> {
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    sqlx::query!("DELETE FROM procedure_fees WHERE version_id = $1", draft)
        .execute(&mut *tx)
        .await?;
    for (position, fee) in fields.fees.iter().enumerate() {
        sqlx::query!(
            "INSERT INTO procedure_fees (version_id, position, kind, description, amount_vnd, note,
                                         charged, per_field, beyond)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            draft,
            position as i32 + 1,
            fee.kind,
            fee.description,
            fee.amount_vnd,
            optional(&fee.note),
            fee.charged,
            optional(&fee.per_field),
            fee.beyond,
        )
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query!("DELETE FROM fee_exemptions WHERE version_id = $1", draft)
        .execute(&mut *tx)
        .await?;
    for exemption in &fields.exemptions {
        sqlx::query!(
            "INSERT INTO fee_exemptions (version_id, code, name, percent_off, evidence_document)
             VALUES ($1, $2, $3, $4, $5)",
            draft,
            exemption.code,
            exemption.name,
            exemption.percent_off,
            optional(&exemption.evidence_document),
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// The steps' names, budgets and agencies (liên thông); their stages and
/// roles stay as they are. The agencies' codes were checked before.
async fn write_workflow(
    tx: &mut PgConnection,
    draft: i64,
    fields: &VersionFields,
) -> Result<(), sqlx::Error> {
    for step in &fields.workflow {
        sqlx::query!(
            "UPDATE workflow_steps SET name = $3, name_en = $4, budget_hours = $5,
                    agency_id = (SELECT id FROM agencies WHERE code = NULLIF($6, ''))
             WHERE version_id = $1 AND stage = $2",
            draft,
            step.stage,
            step.name,
            (!step.name_en.is_empty()).then(|| step.name_en.clone()),
            step.budget_hours,
            step.agency,
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

/// Removes a procedure that has no version left (its only draft was
/// discarded before it was ever published); whether it did.
pub async fn delete_unpublished_procedure(
    tx: &mut PgConnection,
    procedure: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "DELETE FROM procedure_agencies WHERE procedure_id = $1
           AND NOT EXISTS (SELECT 1 FROM procedure_versions WHERE procedure_id = $1)",
        procedure
    )
    .execute(&mut *tx)
    .await?;
    let removed = sqlx::query!(
        "DELETE FROM procedures p WHERE p.id = $1
           AND NOT EXISTS (SELECT 1 FROM procedure_versions WHERE procedure_id = $1)",
        procedure
    )
    .execute(&mut *tx)
    .await?;
    Ok(removed.rows_affected() == 1)
}

/// Brings procedures whose version in force changed into line with its
/// sector, level and implementing agency (`procedure_agencies`); how many
/// changed. Run where a version is published, and regularly for versions
/// scheduled to take effect later.
pub async fn apply_placements(conn: &mut PgConnection) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar!(r#"SELECT apply_procedure_placements() AS "changed!""#)
        .fetch_one(conn)
        .await
}
