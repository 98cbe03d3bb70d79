//! Tracking reads (server only). Every query is bounded by who may see it:
//! the applicant's own id, or the code together with its PIN.

use super::model::{
    DossierDetail, DossierRow, HistoryEntry, MyDossiers, PublicDossier, MY_DOSSIERS_PAGE_SIZE,
};
use crate::access::policy::{self, DossierOwnership};
use crate::access::{refusals, SignedInUser};
use crate::dossiers::{Action, DossierStatus};
use crate::eforms::{Answers, FormDefinition};
use crate::error::AppResult;
use crate::i18n::Lang;
use sqlx::PgPool;

/// One page of the applicant's dossiers and drafts, the most recently
/// changed first, only those in `status` when given.
pub async fn my_dossiers(
    pool: &PgPool,
    applicant_id: i64,
    status: Option<DossierStatus>,
    page: i64,
) -> AppResult<MyDossiers> {
    let page = page.max(1);
    let total = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM dossiers
           WHERE applicant_id = $1 AND ($2::text IS NULL OR status = $2)"#,
        applicant_id,
        status as Option<DossierStatus>,
    )
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query!(
        r#"SELECT d.code, p.code AS procedure_code, v.name AS procedure_name, d.status AS "status: DossierStatus",
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS submitted_on,
                  to_char(d.due_at, 'DD/MM/YYYY') AS due_on
           FROM dossiers d
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN procedure_version_forms f ON f.version_id = v.id
           JOIN procedures p ON p.id = v.procedure_id
           WHERE d.applicant_id = $1 AND ($2::text IS NULL OR d.status = $2)
           ORDER BY d.updated_at DESC, d.id DESC
           LIMIT $3 OFFSET $4"#,
        applicant_id,
        status as Option<DossierStatus>,
        MY_DOSSIERS_PAGE_SIZE,
        (page - 1) * MY_DOSSIERS_PAGE_SIZE,
    )
    .fetch_all(pool)
    .await?;
    Ok(MyDossiers {
        rows: rows
            .into_iter()
            .map(|row| DossierRow {
                code: row.code,
                procedure_code: row.procedure_code,
                procedure_name: row.procedure_name,
                status: row.status,
                submitted_on: row.submitted_on,
                due_on: row.due_on,
            })
            .collect(),
        total,
        page,
        status,
    })
}

async fn history(pool: &PgPool, dossier_id: i64) -> AppResult<Vec<HistoryEntry>> {
    let rows = sqlx::query!(
        r#"SELECT h.id, NULLIF(h.action, 'submit') AS "action: Action",
                  to_char(h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!",
                  h.to_status AS "to_status: DossierStatus", h.note, i.signed_by AS "signed_by?"
           FROM dossier_history h LEFT JOIN issued_documents i ON i.history_id = h.id
           WHERE h.dossier_id = $1 ORDER BY h.occurred_at, h.id"#,
        dossier_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| HistoryEntry {
            id: row.id,
            action: row.action,
            at: row.at,
            status: row.to_status,
            note: row.note,
            signed_by: row.signed_by,
        })
        .collect())
}

/// The applicant's own dossier; `None` for anyone else's (they learn nothing).
pub async fn my_dossier(
    pool: &PgPool,
    user: &SignedInUser,
    code: &str,
    lang: Lang,
) -> AppResult<Option<DossierDetail>> {
    let row = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", d.pin AS "pin!", v.name AS procedure_name, coalesce(d.agency_name_filed, a.name) AS "agency_name!",
                  d.status AS "status: DossierStatus", d.form_data, coalesce(procedure_form(v.id, d.form_version_id), pf.eform) AS eform, d.version, d.procedure_version_id,
                  d.applicant_id, d.agency_id, d.handling_agency_id, d.assignee_id,
                  d.result_delivery = 'counter' AS "handed_over_at_counter?",
                  (SELECT h.note FROM dossier_history h WHERE h.dossier_id = d.id AND h.action = $2
                   ORDER BY h.occurred_at DESC, h.id DESC LIMIT 1) AS supplement_note,
                  f.id AS "result_id?", f.original_name AS "result_name?", f.size_bytes AS "result_size?",
                  f.signed_by AS result_signed_by,
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS submitted_at,
                  to_char(d.due_at, 'DD/MM/YYYY') AS due_on
           FROM dossiers d
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN procedure_version_forms pf ON pf.version_id = v.id
           JOIN agencies a ON a.id = d.agency_id
           LEFT JOIN stored_files f ON f.id = d.result_file_id AND d.status = 'returned'
           WHERE d.code = $1"#,
        code,
        Action::RequestSupplement as Action,
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let ownership = DossierOwnership {
        applicant_id: row.applicant_id,
        agency_id: row.agency_id,
        handling_agency_id: row.handling_agency_id,
        assignee_id: row.assignee_id,
    };
    if !policy::may_follow_as_applicant(user, &ownership) {
        refusals::record_for_request(pool, &format!("dossier {code}"), 404).await?;
        return Ok(None);
    }
    let answers: Answers = serde_json::from_value(row.form_data).unwrap_or_default();
    let form: Option<FormDefinition> = row
        .eform
        .and_then(|eform| serde_json::from_value(eform).ok());
    let labelled = form
        .map(|form| crate::eforms::display::answer_rows(&form, &answers, lang))
        .unwrap_or_default();
    let reads = crate::dossiers::reads::store::of_dossier(pool, &row.code).await?;
    Ok(Some(DossierDetail {
        code: row.code,
        pin: row.pin,
        procedure_name: row.procedure_name,
        agency_name: row.agency_name,
        status: row.status,
        submitted_at: row.submitted_at,
        due_on: row.due_on,
        answers: labelled,
        history: history(pool, row.id).await?,
        version: row.version,
        documents: crate::filing::store::document_slots(
            pool,
            row.procedure_version_id,
            Some(row.id),
        )
        .await?,
        supplement_request: (row.status == DossierStatus::AwaitingSupplement)
            .then_some(row.supplement_note)
            .flatten(),
        result: match (row.result_id, row.result_name, row.result_size) {
            (Some(id), Some(name), Some(size)) => Some(crate::filing::AttachedFile {
                id,
                name,
                size: crate::filing::store::megabytes(size),
            }),
            _ => None,
        },
        result_signed_by: row.result_signed_by,
        fees: crate::fees::store::fee_view(pool, row.id).await?,
        handed_over_at_counter: row.handed_over_at_counter.unwrap_or(false),
        rating: crate::ratings::rating_of(pool, row.id).await?,
        reads,
    }))
}

/// The public view of a dossier, only when the PIN matches.
pub async fn public_dossier(
    pool: &PgPool,
    code: &str,
    pin: &str,
    lang: Lang,
) -> AppResult<Option<PublicDossier>> {
    let row = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", v.name AS procedure_name, coalesce(d.agency_name_filed, a.name) AS "agency_name!",
                  d.status AS "status: DossierStatus",
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS submitted_at,
                  to_char(d.due_at, 'DD/MM/YYYY') AS due_on
           FROM dossiers d
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN agencies a ON a.id = d.agency_id
           WHERE d.code = $1 AND d.pin = $2"#,
        code,
        pin
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let status = row.status;
    Ok(Some(PublicDossier {
        code: row.code,
        procedure_name: row.procedure_name,
        agency_name: row.agency_name,
        status: status.as_str().to_string(),
        status_label: status.label(lang).to_string(),
        submitted_at: row.submitted_at,
        due_on: row.due_on,
        history: history(pool, row.id)
            .await?
            .into_iter()
            .map(|entry| (entry.at, entry.status.label(lang).to_string()))
            .collect(),
    }))
}
