//! Importing a catalogue file: every row checked first (a file with any
//! bad row is refused whole, its errors kept per row); then, in one
//! transaction, one draft version per procedure — a new procedure gets its
//! version 1, a known one a draft copied from the version in force — all
//! tagged with the import, which a second administrator publishes together
//! (four eyes) or discards. The demo's generated catalogue goes through the
//! same two functions.

use super::procedure_store::write_fields;
use crate::access::audit::{self, AuditAction};
use app::administration::catalogue_exchange::{check_record, ProcedureRecord, RowError};
use app::administration::procedures::{check_content, FieldRefusal};
use app::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use std::collections::{HashMap, HashSet};

/// A file to import: its name, its records, and whether it is a
/// spreadsheet (which has no exemptions or workflow).
pub struct CatalogueUpload<'a> {
    pub file_name: &'a str,
    pub records: Vec<ProcedureRecord>,
    pub sheets: bool,
}

/// Where an import stands after loading a file.
pub enum Imported {
    /// Drafts written; the import's id.
    Drafts(i64),
    /// Refused, with its errors kept under the import's id.
    Refused(i64),
}

/// Trims and normalises what people typed, and fills what a file may omit.
fn tidy(mut record: ProcedureRecord) -> ProcedureRecord {
    let text = |value: &str| app::text::normalize(value.trim());
    record.code = record.code.trim().to_string();
    record.version.sector = record.version.sector.trim().to_string();
    record.version.level = record.version.level.trim().to_string();
    record.version.agency = record.version.agency.trim().to_string();
    let version = &mut record.version;
    version.name = text(&version.name);
    version.result_type = text(&version.result_type);
    version.description = text(&version.description);
    version.requirements = text(&version.requirements);
    if version.payment_due.is_empty() {
        version.payment_due = "submission".into();
    }
    for document in &mut version.documents {
        document.name = text(&document.name);
        // A file names another installation's blank forms, if any.
        document.template = None;
    }
    for fee in &mut version.fees {
        fee.description = text(&fee.description);
    }
    record
}

/// The checks that need the database, added to each row's own.
async fn check_rows(
    pool: &PgPool,
    records: &[ProcedureRecord],
    lang: Lang,
) -> Result<Vec<RowError>, sqlx::Error> {
    let t = &lang.texts().procedures_admin;
    let sectors: HashSet<String> = sqlx::query_scalar!("SELECT code FROM sectors")
        .fetch_all(pool)
        .await?
        .into_iter()
        .collect();
    // The e-forms a version may be filed with: live, not archived.
    let forms: HashSet<String> = sqlx::query_scalar!(
        "SELECT f.code FROM forms f WHERE NOT f.standard AND f.archived_at IS NULL
           AND EXISTS (SELECT 1 FROM form_versions v WHERE v.form_id = f.id)"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .collect();
    let agencies: HashSet<String> =
        sqlx::query_scalar!(
            "SELECT code FROM agencies WHERE kind IN ('province', 'department') AND merged_into IS NULL"
        )
            .fetch_all(pool)
            .await?
            .into_iter()
            .collect();
    // Who may take a step of another agency's dossiers (as the editor
    // offers): the province's bodies, not another commune.
    let step_agencies: HashSet<String> = sqlx::query_scalar!(
        "SELECT code FROM agencies WHERE kind <> 'commune' AND merged_into IS NULL"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .collect();
    // Known procedures: whether a draft already waits, and the answers of
    // the form their new version would be filed with.
    let known: HashMap<String, (bool, Vec<String>)> = sqlx::query!(
        r#"SELECT p.code,
                  EXISTS (SELECT 1 FROM procedure_versions d WHERE d.procedure_id = p.id AND d.published_at IS NULL) AS "has_draft!",
                  coalesce((SELECT array_agg(field ->> 'name') FROM procedure_version_forms f,
                                jsonb_array_elements(f.eform -> 'sections') section,
                                jsonb_array_elements(section -> 'fields') field
                            WHERE f.version_id = c.id), '{}') AS "fields!"
           FROM procedures p LEFT JOIN current_procedure_versions c ON c.procedure_id = p.id"#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.code, (row.has_draft, row.fields)))
    .collect();
    let standard: Vec<String> = sqlx::query_scalar!(
        r#"SELECT field ->> 'name' AS "name!"
           FROM forms s
           JOIN LATERAL (SELECT definition FROM form_versions WHERE form_id = s.id
                         ORDER BY number DESC LIMIT 1) live ON true,
               jsonb_array_elements(live.definition -> 'sections') section,
               jsonb_array_elements(section -> 'fields') field
           WHERE s.standard"#
    )
    .fetch_all(pool)
    .await?;
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in records.iter().enumerate() {
        let row = index + 1;
        let (has_draft, fields) = known
            .get(&record.code)
            .map(|(draft, fields)| (*draft, fields.as_slice()))
            .unwrap_or((false, standard.as_slice()));
        let mut refuse = |field: &str, refusal: FieldRefusal| {
            errors.push(RowError {
                row,
                code: record.code.clone(),
                field: field.into(),
                message: refusal.message(t).into(),
            })
        };
        if !seen.insert(record.code.clone()) {
            refuse("code", FieldRefusal::CodeTaken);
        }
        if has_draft {
            refuse("code", FieldRefusal::DraftWaiting);
        }
        if !sectors.contains(&record.version.sector) {
            refuse("sector", FieldRefusal::UnknownChoice);
        }
        if !record.version.form.is_empty() && !forms.contains(&record.version.form) {
            refuse("form", FieldRefusal::UnknownChoice);
        }
        if record.version.level == "province"
            && !record.version.agency.is_empty()
            && !agencies.contains(&record.version.agency)
        {
            refuse("agency", FieldRefusal::UnknownChoice);
        }
        // A step given to an agency (liên thông) names one that exists.
        for (index, step) in record.version.workflow.iter().enumerate() {
            if !step.agency.is_empty() && !step_agencies.contains(&step.agency) {
                refuse(
                    &format!("workflow.{index}.agency"),
                    FieldRefusal::UnknownChoice,
                );
            }
        }
        errors.extend(check_record(row, record, fields, t));
    }
    Ok(errors)
}

/// Loads `file` as `author`'s import.
pub async fn import(
    pool: &PgPool,
    author: i64,
    file: CatalogueUpload<'_>,
    today: NaiveDate,
    lang: Lang,
    ip: Option<std::net::IpAddr>,
) -> anyhow::Result<Imported> {
    let CatalogueUpload {
        file_name,
        records,
        sheets,
    } = file;
    let records: Vec<ProcedureRecord> = records.into_iter().map(tidy).collect();
    let errors = check_rows(pool, &records, lang).await?;
    let mut tx = pool.begin().await?;
    let status = if errors.is_empty() {
        "draft"
    } else {
        "refused"
    };
    let import = sqlx::query_scalar!(
        "INSERT INTO catalogue_imports (author_id, file_name, status, procedures, errors)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        author,
        file_name,
        status,
        records.len() as i32,
        json!(errors),
    )
    .fetch_one(&mut *tx)
    .await?;
    if !errors.is_empty() {
        tx.commit().await?;
        return Ok(Imported::Refused(import));
    }
    let communes_implement = lang.texts().procedures_admin.content.communes_implement;
    for (index, record) in records.iter().enumerate() {
        let Some(draft) = draft_for(&mut tx, record, author, today, communes_implement).await?
        else {
            // Someone started a draft of this procedure, or added its code,
            // since the rows were checked: nothing of the file is kept.
            tx.rollback().await?;
            let t = &lang.texts().procedures_admin;
            let error = RowError {
                row: index + 1,
                code: record.code.clone(),
                field: "code".into(),
                message: FieldRefusal::DraftWaiting.message(t).into(),
            };
            let refused = sqlx::query_scalar!(
                "INSERT INTO catalogue_imports (author_id, file_name, status, procedures, errors)
                 VALUES ($1, $2, 'refused', $3, $4) RETURNING id",
                author,
                file_name,
                records.len() as i32,
                json!([error]),
            )
            .fetch_one(pool)
            .await?;
            return Ok(Imported::Refused(refused));
        };
        // A spreadsheet has no exemptions: a known procedure keeps its own
        // (the draft copied them from the version in force). Nor has it an
        // English name or steps, which a file may also leave out: left out,
        // they are kept too.
        let mut version = record.version.clone();
        let kept = app::administration::procedures::server_fns::store::fields(&mut tx, draft)
            .await
            .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        if sheets {
            version.exemptions = kept.exemptions;
        }
        if version.name_en.is_empty() {
            version.name_en = kept.name_en;
        }
        if version.steps.is_empty() {
            version.steps = kept.steps;
        }
        // Nor need it name its e-form: left out, a known procedure keeps
        // the one it is filed with.
        if version.form.is_empty() {
            version.form = kept.form;
        }
        // Blank forms are uploaded, not imported: a document keeps its own
        // by name.
        for document in &mut version.documents {
            document.template = kept
                .documents
                .iter()
                .find(|known| known.name == document.name)
                .and_then(|known| known.template.clone());
        }
        write_fields(&mut tx, draft, &version, communes_implement).await?;
        sqlx::query!(
            "UPDATE procedure_versions SET import_id = $2 WHERE id = $1",
            draft,
            import
        )
        .execute(&mut *tx)
        .await?;
    }
    audit::record(
        &mut *tx,
        Some(author),
        AuditAction::CatalogueImported,
        json!({ "import": import, "file": file_name, "procedures": records.len(),
                "codes": records.iter().map(|r| r.code.as_str()).collect::<Vec<_>>() }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(Imported::Drafts(import))
}

/// The draft a record is written into: a copy of the version in force of a
/// known procedure, or version 1 of a new one. The procedure row is locked;
/// `None` when a draft of it was started (or its code added) since the rows
/// were checked.
async fn draft_for(
    tx: &mut PgConnection,
    record: &ProcedureRecord,
    author: i64,
    today: NaiveDate,
    communes_implement: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let known = sqlx::query!(
        r#"SELECT p.id, c.id AS "current_id?",
                  EXISTS (SELECT 1 FROM procedure_versions d WHERE d.procedure_id = p.id
                          AND d.published_at IS NULL) AS "has_draft!"
           FROM procedures p
           LEFT JOIN current_procedure_versions c ON c.procedure_id = p.id
           WHERE p.code = $1 FOR UPDATE OF p"#,
        record.code
    )
    .fetch_optional(&mut *tx)
    .await?;
    if known.as_ref().is_some_and(|known| known.has_draft) {
        return Ok(None);
    }
    if let Some(current) = known.as_ref().and_then(|known| known.current_id) {
        return sqlx::query_scalar!(
            r#"SELECT draft_procedure_version($1, $2) AS "id!""#,
            current,
            author
        )
        .fetch_one(&mut *tx)
        .await
        .map(Some);
    }
    let procedure = match known {
        Some(known) => known.id,
        None => {
            let Some(id) = sqlx::query_scalar!(
                "INSERT INTO procedures (code, sector_id, agency_level)
                 SELECT $1, id, $3 FROM sectors WHERE code = $2
                 ON CONFLICT (code) DO NOTHING RETURNING id",
                record.code,
                record.version.sector,
                record.version.level,
            )
            .fetch_optional(&mut *tx)
            .await?
            else {
                return Ok(None);
            };
            sqlx::query!(
                "INSERT INTO procedure_agencies (procedure_id, agency_id)
                 SELECT $1, id FROM agencies
                 WHERE merged_into IS NULL AND CASE WHEN $2 = 'commune' THEN kind = 'commune'
                            WHEN $3 = '' THEN kind = 'province' ELSE code = $3 END",
                id,
                record.version.level,
                record.version.agency,
            )
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    let implementing = sqlx::query_scalar!(
        "SELECT name FROM agencies WHERE code = $1",
        record.version.agency
    )
    .fetch_optional(&mut *tx)
    .await?
    .filter(|_| record.version.level == "province")
    .unwrap_or_else(|| communes_implement.to_string());
    let version = &record.version;
    sqlx::query_scalar!(
        "INSERT INTO procedure_versions (procedure_id, version, effective_from, name, implementing_agency,
                                         online_level, processing_time_value, processing_time_unit,
                                         result_type, author_id)
         VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM procedure_versions WHERE procedure_id = $1),
                 $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        procedure,
        today as _,
        version.name,
        implementing,
        version.online_level,
        version.time_value,
        version.time_unit,
        version.result_type,
        author,
    )
    .fetch_one(&mut *tx)
    .await
    .map(Some)
}

/// Discards every draft of `import` (by anyone who may change the
/// catalogue, its author included); how many.
pub async fn discard(
    pool: &PgPool,
    import: i64,
    admin: i64,
    ip: Option<std::net::IpAddr>,
) -> anyhow::Result<Option<usize>> {
    let mut tx = pool.begin().await?;
    let is_draft = sqlx::query_scalar!(
        "SELECT status = 'draft' AS \"draft!\" FROM catalogue_imports WHERE id = $1 FOR UPDATE",
        import
    )
    .fetch_optional(&mut *tx)
    .await?
    .unwrap_or(false);
    if !is_draft {
        return Ok(None);
    }
    let drafts = sqlx::query!(
        "SELECT id, procedure_id FROM procedure_versions WHERE import_id = $1 AND published_at IS NULL",
        import
    )
    .fetch_all(&mut *tx)
    .await?;
    for draft in &drafts {
        super::procedure_store::delete_draft(&mut tx, draft.id).await?;
        super::procedure_store::delete_unpublished_procedure(&mut tx, draft.procedure_id).await?;
    }
    sqlx::query!(
        "UPDATE catalogue_imports SET status = 'discarded' WHERE id = $1",
        import
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::CatalogueImportDiscarded,
        json!({ "import": import, "procedures": drafts.len() }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(drafts.len()))
}

/// Why an import was not published.
pub enum PublishRefused {
    /// Four eyes: its author may not publish it.
    OwnImport,
    /// Not a draft import (published, discarded, refused, unknown).
    NotADraft,
    /// Drafts whose workflow does not fit, per row.
    Rows(Vec<RowError>),
}

/// Publishes every draft of `import`, in force from `day`; how many.
pub async fn publish(
    pool: &PgPool,
    import: i64,
    publisher: i64,
    day: NaiveDate,
    now: DateTime<Utc>,
    lang: Lang,
    ip: Option<std::net::IpAddr>,
) -> anyhow::Result<Result<usize, PublishRefused>> {
    let t = &lang.texts().procedures_admin;
    let mut tx = pool.begin().await?;
    let Some(batch) = sqlx::query!(
        "SELECT author_id, status FROM catalogue_imports WHERE id = $1 FOR UPDATE",
        import
    )
    .fetch_optional(&mut *tx)
    .await?
    .filter(|batch| batch.status == "draft") else {
        return Ok(Err(PublishRefused::NotADraft));
    };
    if batch.author_id == publisher {
        return Ok(Err(PublishRefused::OwnImport));
    }
    let drafts = sqlx::query!(
        r#"SELECT v.id, p.code FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
           WHERE v.import_id = $1 AND v.published_at IS NULL ORDER BY v.id"#,
        import
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut refused = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        let fields = app::administration::procedures::server_fns::store::fields(&mut tx, draft.id)
            .await
            .map_err(|error| anyhow::anyhow!("reading draft {}: {error:?}", draft.id))?;
        if let Err(refusal) = check_content(&fields) {
            refused.push(RowError {
                row: index + 1,
                code: draft.code.clone(),
                field: "workflow".into(),
                message: refusal.message(t),
            });
        }
    }
    if !refused.is_empty() {
        return Ok(Err(PublishRefused::Rows(refused)));
    }
    let published = sqlx::query!(
        "UPDATE procedure_versions SET published_by = $2, published_at = $3, effective_from = $4
         WHERE import_id = $1 AND published_at IS NULL",
        import,
        publisher,
        now as _,
        day as _,
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    super::procedure_store::apply_placements(&mut tx).await?;
    sqlx::query!(
        "UPDATE catalogue_imports SET status = 'published', published_by = $2, published_at = $3 WHERE id = $1",
        import,
        publisher,
        now as _
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(publisher),
        AuditAction::CatalogueImportPublished,
        json!({ "import": import, "procedures": published, "effective_from": day }),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(published as usize))
}
