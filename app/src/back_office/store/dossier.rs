//! One dossier as the back office sees it: answers, documents, history,
//! comments and the actions the official may take now.

use crate::access::policy::{self, DossierOwnership};
use crate::access::{refusals, Role, SignedInUser};
use crate::back_office::model::{Comment, OfficeDocument, OfficeDossier, OfficeHistoryEntry};
use crate::deadlines::WorkingCalendar;
use crate::dossiers::{Action, Channel, DossierStatus, WorkflowState};
use crate::eforms::{Answers, FormDefinition};
use crate::error::AppResult;
use crate::filing::AttachedFile;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use sqlx::PgPool;

use super::DueWindow;

/// A dossier in the official's scope, with what they may do to it now.
pub async fn dossier(
    pool: &PgPool,
    user: &SignedInUser,
    code: &str,
    lang: Lang,
    calendar: &WorkingCalendar,
    window: &DueWindow,
) -> AppResult<Option<OfficeDossier>> {
    let row = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", d.version, d.status AS "status: DossierStatus",
                  d.resumes_to AS "resumes_to: DossierStatus", d.channel AS "channel: Channel", d.agency_id, d.handling_agency_id, d.assignee_id, d.applicant_id,
                  d.form_data, coalesce(procedure_form(v.id, d.form_version_id), f.eform) AS eform, v.id AS version_id, v.name AS procedure_name, coalesce(d.agency_name_filed, a.name) AS "agency_name!",
                  v.online_level = 'full' AS "fully_online!",
                  u.full_name AS applicant_name, u.email AS applicant_email, u.phone AS applicant_phone,
                  s.full_name AS "assignee_name?", d.due_at AS "due_at: NaiveDateTime",
                  d.repeat_supplement_requests, d.apologies,
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS submitted_at,
                  to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS received_at,
                  to_char(d.due_at, 'DD/MM/YYYY HH24:MI') AS due_on,
                  r.id AS "result_id?", r.original_name AS "result_name?", r.size_bytes AS "result_size?"
           FROM dossiers d
           LEFT JOIN stored_files r ON r.id = d.result_file_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN procedure_version_forms f ON f.version_id = v.id
           JOIN agencies a ON a.id = d.agency_id
           JOIN users u ON u.id = d.applicant_id
           LEFT JOIN users s ON s.id = d.assignee_id
           WHERE d.code = $1 AND d.status <> 'draft'"#,
        code,
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
    if !policy::may_open_in_back_office(user, &ownership) {
        // Another agency's dossier looks like none at all.
        refusals::record_for_request(pool, &format!("dossier {code}"), 404).await?;
        return Ok(None);
    }
    let current = row.status;
    // A specialist opening a colleague's dossier is told whose it is.
    let assigned_to_colleague = row
        .assignee_id
        .filter(|id| *id != user.id && user.has_role_in(Role::Specialist, row.handling_agency_id))
        .and(row.assignee_name.clone());
    let answers: Answers = serde_json::from_value(row.form_data).unwrap_or_default();
    let form: Option<FormDefinition> = row
        .eform
        .and_then(|eform| serde_json::from_value(eform).ok());
    let state = WorkflowState {
        status: current,
        resumes_to: row.resumes_to,
    };
    let actions = state
        .allowed()
        .into_iter()
        .filter(|action| policy::may_act_on_dossier(user, *action, &ownership))
        .collect();
    let specialists = sqlx::query!(
        "SELECT u.id, u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE r.role = $2 AND u.agency_id = $1 AND u.disabled_at IS NULL ORDER BY u.full_name",
        row.handling_agency_id,
        Role::Specialist as Role,
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|specialist| (specialist.id, specialist.full_name))
    .collect();
    let workflow = crate::dossiers::workflow_store::workflow(pool, row.version_id).await?;
    let timeline = crate::dossiers::workflow_steps::time_steps(
        calendar,
        &workflow,
        &crate::dossiers::workflow_store::hand_overs(pool, row.id).await?,
    );
    let steps = crate::back_office::steps::step_views(&workflow, &timeline, lang, window.now);
    Ok(Some(OfficeDossier {
        code: row.code,
        version: row.version,
        procedure_name: row.procedure_name,
        agency_name: row.agency_name,
        applicant_name: row.applicant_name,
        applicant_email: row.applicant_email,
        applicant_phone: row.applicant_phone,
        status: current,
        channel: row.channel,
        submitted_at: row.submitted_at,
        received_at: row.received_at,
        due_on: row.due_on,
        repeat_supplement_requests: row.repeat_supplement_requests,
        apologies: row.apologies,
        due_provisional: row
            .due_at
            .is_some_and(|due| calendar.is_provisional(due.date())),
        mark: window.mark(current, row.due_at),
        assignee_name: row.assignee_name,
        assigned_to_colleague,
        answers: form
            .as_ref()
            .map(|form| crate::eforms::display::answer_rows(form, &answers, lang))
            .unwrap_or_default(),
        documents: {
            let mut listed = documents(pool, row.id, row.version_id).await?;
            if let Some(form) = &form {
                let answered =
                    crate::filing::answer_files::files_by_question(pool, row.id, form, lang)
                        .await?;
                listed.extend(
                    answered
                        .into_iter()
                        .map(|(name, files)| OfficeDocument { name, files }),
                );
            }
            listed
        },
        history: history(pool, row.id).await?,
        comments: comments(pool, row.id).await?,
        actions,
        specialists,
        steps,
        fees: crate::fees::store::fee_view(pool, row.id).await?,
        collects_fees: user.has_role_in(Role::Reception, row.agency_id),
        fully_online: row.fully_online,
        rating: crate::ratings::rating_of(pool, row.id).await?,
        result: match (row.result_id, row.result_name, row.result_size) {
            (Some(id), Some(name), Some(size)) => Some(AttachedFile {
                id,
                name,
                size: crate::filing::store::megabytes(size),
            }),
            _ => None,
        },
    }))
}

async fn documents(
    pool: &PgPool,
    dossier_id: i64,
    version_id: i64,
) -> AppResult<Vec<OfficeDocument>> {
    let rows = sqlx::query!(
        r#"SELECT pd.id AS document_id, pd.name, f.id AS "file_id?", f.original_name AS "file_name?", f.size_bytes AS "size?"
           FROM procedure_documents pd
           LEFT JOIN dossier_attachments da ON da.document_id = pd.id AND da.dossier_id = $1
           LEFT JOIN stored_files f ON f.id = da.file_id
           WHERE pd.version_id = $2 ORDER BY pd.position, da.attached_at"#,
        dossier_id,
        version_id
    )
    .fetch_all(pool)
    .await?;
    let mut documents: Vec<(i64, OfficeDocument)> = Vec::new();
    for row in rows {
        if documents.last().map(|(id, _)| *id) != Some(row.document_id) {
            documents.push((
                row.document_id,
                OfficeDocument {
                    name: row.name.clone(),
                    files: Vec::new(),
                },
            ));
        }
        if let (Some(id), Some(name), Some(size), Some((_, document))) =
            (row.file_id, row.file_name, row.size, documents.last_mut())
        {
            document.files.push(AttachedFile {
                id,
                name,
                size: crate::filing::store::megabytes(size),
            });
        }
    }
    Ok(documents
        .into_iter()
        .map(|(_, document)| document)
        .collect())
}

pub async fn history(pool: &PgPool, dossier_id: i64) -> AppResult<Vec<OfficeHistoryEntry>> {
    let rows = sqlx::query!(
        r#"SELECT h.id, to_char(h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!",
                  u.full_name AS "actor?", NULLIF(h.action, 'submit') AS "action: Action",
                  h.from_status AS "from_status: DossierStatus", h.to_status AS "to_status: DossierStatus", h.note,
                  i.signed_by AS "signed_by?"
           FROM dossier_history h LEFT JOIN users u ON u.id = h.actor_id
           LEFT JOIN issued_documents i ON i.history_id = h.id
           WHERE h.dossier_id = $1 ORDER BY h.occurred_at, h.id"#,
        dossier_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| OfficeHistoryEntry {
            id: row.id,
            at: row.at,
            actor: row.actor,
            action: row.action,
            from: row.from_status,
            to: row.to_status,
            note: row.note,
            signed_by: row.signed_by,
        })
        .collect())
}

async fn comments(pool: &PgPool, dossier_id: i64) -> AppResult<Vec<Comment>> {
    let rows = sqlx::query!(
        r#"SELECT u.full_name AS author, c.body,
                  to_char(c.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!"
           FROM dossier_comments c JOIN users u ON u.id = c.author_id
           WHERE c.dossier_id = $1 ORDER BY c.created_at, c.id"#,
        dossier_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Comment {
            author: row.author,
            at: row.at,
            body: row.body,
        })
        .collect())
}
