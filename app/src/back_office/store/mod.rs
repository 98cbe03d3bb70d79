//! Back-office reads (server only). Every query is bounded by the agencies
//! the official's roles reach: a dossier outside them is "not found".

use super::model::{
    Comment, DueMark, Inbox, InboxFilter, InboxFilters, InboxRow, OfficeDocument, OfficeDossier,
    OfficeHistoryEntry, Queue,
};
use crate::access::policy::{self, DossierOwnership};
use crate::access::{refusals, Role, SignedInUser};
use crate::deadlines::WorkingCalendar;
use crate::dossiers::{Action, DossierStatus, WorkflowState};
use crate::eforms::{Answers, FormDefinition};
use crate::error::AppResult;
use crate::filing::AttachedFile;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use sqlx::PgPool;

/// Dossiers per inbox page.
pub const PAGE_SIZE: i64 = 20;

/// The moments that decide the marks: now, and the end of the warning
/// window (`due_soon_days` working days from today), Vietnam time.
pub struct DueWindow {
    pub now: NaiveDateTime,
    pub soon: NaiveDateTime,
}

impl DueWindow {
    /// The window as of `now` (Vietnam local time).
    pub fn at(calendar: &WorkingCalendar, due_soon_days: u32, now: NaiveDateTime) -> DueWindow {
        let soon = calendar
            .add_working_days(now.date(), due_soon_days)
            .and_time(calendar.end_of_day());
        DueWindow { now, soon }
    }

    pub fn mark(&self, status: DossierStatus, due: Option<NaiveDateTime>) -> DueMark {
        match due {
            _ if !status.is_open() || status == DossierStatus::AwaitingSupplement => {
                DueMark::NotRunning
            }
            None => DueMark::NotRunning,
            Some(due) if due < self.now => DueMark::Overdue,
            Some(due) if due <= self.soon => DueMark::DueSoon,
            Some(_) => DueMark::OnTrack,
        }
    }
}

pub async fn inbox(
    pool: &PgPool,
    user: &SignedInUser,
    filter: InboxFilter,
    window: &DueWindow,
    lang: Lang,
) -> AppResult<Inbox> {
    let scope = user.back_office_agencies();
    let queue = filter
        .queue
        .as_deref()
        .and_then(Queue::parse)
        .unwrap_or_else(|| default_queue(user));
    let search = filter
        .search
        .as_deref()
        .map(|text| crate::text::normalize(text.trim()))
        .unwrap_or_default();
    let filters = InboxFilters::from(&filter);
    let procedure = filters.procedure.clone();
    let page = filter.page.unwrap_or(1).max(1);
    let statuses: Vec<String> = queue
        .statuses()
        .iter()
        .map(|status| status.as_str().to_string())
        .collect();

    let counts = sqlx::query!(
        r#"SELECT status AS "status: DossierStatus", count(*) AS "count!",
                  count(*) FILTER (WHERE status <> 'awaiting_supplement' AND due_at < $2::timestamp) AS "overdue!",
                  count(*) FILTER (WHERE status <> 'awaiting_supplement' AND due_at >= $2::timestamp
                                   AND due_at <= $3::timestamp) AS "soon!"
           FROM dossiers WHERE agency_id = ANY($1) AND status NOT IN ('draft', 'returned', 'refused', 'stopped', 'withdrawn')
           GROUP BY status"#,
        &scope,
        window.now as _,
        window.soon as _,
    )
    .fetch_all(pool)
    .await?;
    let count_of = |queue: Queue| {
        counts
            .iter()
            .filter(|row| queue.statuses().contains(&row.status))
            .map(|row| row.count)
            .sum::<i64>()
    };
    let overdue = counts.iter().map(|row| row.overdue).sum();
    let due_soon = counts.iter().map(|row| row.soon).sum();

    let pattern = format!("%{}%", search.to_lowercase());
    let rows = sqlx::query!(
        // The matching dossiers are picked on dossiers_agency_status_idx
        // and counted once; procedure, applicant and agency are joined for
        // the page's rows only (see bench/README.md).
        r#"WITH matching AS (
               SELECT d.id, d.due_at, d.submitted_at
               FROM dossiers d
               WHERE d.agency_id = ANY($1) AND d.status = ANY($2)
                 AND ($3 = '' OR lower(d.code) LIKE $4
                      OR EXISTS (SELECT 1 FROM users u WHERE u.id = d.applicant_id AND lower(u.full_name) LIKE $4))
                 AND (($5 = '' AND $8 = '')
                      OR EXISTS (SELECT 1 FROM procedure_versions v
                                 JOIN procedures p ON p.id = v.procedure_id
                                 JOIN sectors sec ON sec.id = p.sector_id
                                 WHERE v.id = d.procedure_version_id
                                   AND ($5 = '' OR p.code = $5) AND ($8 = '' OR sec.code = $8)))
                 AND ($9 = '' OR d.channel = $9)
                 AND ($10 = ''
                      OR ($10 = 'overdue' AND d.status <> 'awaiting_supplement' AND d.due_at < $11::timestamp)
                      OR ($10 = 'soon' AND d.status <> 'awaiting_supplement'
                          AND d.due_at >= $11::timestamp AND d.due_at <= $12::timestamp))
           ), page AS (
               SELECT id FROM matching
               ORDER BY CASE WHEN $13 = 'newest' THEN submitted_at END DESC NULLS LAST, due_at NULLS LAST, id
               LIMIT $6 OFFSET $7
           )
           SELECT d.code AS "code!", v.name AS procedure_name, u.full_name AS applicant_name, a.name AS agency_name,
                  d.status AS "status: DossierStatus", d.channel, d.due_at AS "due_at: NaiveDateTime",
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "submitted_at!",
                  to_char(d.due_at, 'DD/MM/YYYY') AS due_on, s.full_name AS "assignee_name?",
                  CASE WHEN d.fee_total > 0 THEN EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = d.id
                       AND p.status IN ('paid', 'refund_due', 'refunded')) END AS fee_paid,
                  (SELECT count(*) FROM matching) AS "total!"
           FROM page
           JOIN dossiers d ON d.id = page.id
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN users u ON u.id = d.applicant_id
           JOIN agencies a ON a.id = d.agency_id
           LEFT JOIN users s ON s.id = d.assignee_id
           ORDER BY CASE WHEN $13 = 'newest' THEN d.submitted_at END DESC NULLS LAST, d.due_at NULLS LAST, d.id"#,
        &scope,
        &statuses,
        search,
        pattern,
        procedure,
        PAGE_SIZE,
        (page as i64 - 1) * PAGE_SIZE,
        filters.sector,
        filters.channel,
        filters.due,
        window.now as _,
        window.soon as _,
        filters.sort,
    )
    .fetch_all(pool)
    .await?;
    let total = rows.first().map(|row| row.total).unwrap_or(0);
    let agencies = sqlx::query!(
        "SELECT code, name FROM agencies WHERE id = ANY($1) ORDER BY id = $2 DESC, code",
        &scope,
        user.agency_id.unwrap_or_default(),
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.code, row.name))
    .collect();
    let sectors = sqlx::query!(
        "SELECT code, CASE WHEN $1 THEN coalesce(name_en, name) ELSE name END AS \"name!\" FROM sectors ORDER BY name",
        lang == Lang::En,
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.code, row.name))
    .collect();
    let procedures = sqlx::query!(
        r#"SELECT DISTINCT p.code, v.name FROM procedure_agencies pa
           JOIN procedures p ON p.id = pa.procedure_id
           JOIN current_procedure_versions v ON v.procedure_id = p.id
           WHERE pa.agency_id = ANY($1) ORDER BY v.name"#,
        &scope
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter_map(|row| row.name.map(|name| (row.code, name)))
    .collect();
    Ok(Inbox {
        procedures,
        agencies,
        files_at_counter: crate::access::permits(user, crate::access::Permission::FileAtCounter),
        reconciles_payments: user.has_role(Role::Manager),
        sectors,
        filters,
        queue,
        counts: Queue::ALL
            .into_iter()
            .map(|queue| (queue, count_of(queue)))
            .collect(),
        total,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1) as u32,
        page,
        search,
        overdue,
        due_soon,
        rows: rows
            .into_iter()
            .map(|row| {
                let status = row.status;
                InboxRow {
                    mark: window.mark(status, row.due_at),
                    code: row.code,
                    procedure_name: row.procedure_name,
                    applicant_name: row.applicant_name,
                    agency_name: row.agency_name,
                    status,
                    channel: row.channel,
                    submitted_at: row.submitted_at,
                    due_on: row.due_on,
                    assignee_name: row.assignee_name,
                    fee_paid: row.fee_paid,
                }
            })
            .collect(),
    })
}

/// The queue an official starts from: the first step of their role.
fn default_queue(user: &SignedInUser) -> Queue {
    if user.has_role(Role::Reception) {
        Queue::ToReceive
    } else if user.has_role(Role::Specialist) {
        Queue::Processing
    } else if user.has_role(Role::Leader) {
        Queue::ToApprove
    } else {
        Queue::AllOpen
    }
}

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
                  d.resumes_to AS "resumes_to: DossierStatus", d.channel, d.agency_id, d.assignee_id, d.applicant_id,
                  d.form_data, v.eform, v.id AS version_id, v.name AS procedure_name, a.name AS agency_name,
                  v.online_level = 'full' AS "fully_online!",
                  u.full_name AS applicant_name, u.email AS applicant_email, u.phone AS applicant_phone,
                  s.full_name AS "assignee_name?", d.due_at AS "due_at: NaiveDateTime",
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS submitted_at,
                  to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS received_at,
                  to_char(d.due_at, 'DD/MM/YYYY HH24:MI') AS due_on,
                  r.id AS "result_id?", r.original_name AS "result_name?", r.size_bytes AS "result_size?"
           FROM dossiers d
           LEFT JOIN stored_files r ON r.id = d.result_file_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id
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
        assignee_id: row.assignee_id,
    };
    if !policy::may_open_in_back_office(user, &ownership) {
        // Another agency's dossier looks like none at all.
        refusals::record_for_request(pool, &format!("dossier {code}"), 404).await?;
        return Ok(None);
    }
    let current = row.status;
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
         WHERE r.role = 'specialist' AND u.agency_id = $1 AND u.disabled_at IS NULL ORDER BY u.full_name",
        row.agency_id
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
    let steps = super::steps::step_views(&workflow, &timeline, lang, window.now);
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
        mark: window.mark(current, row.due_at),
        assignee_name: row.assignee_name,
        answers: form
            .map(|form| crate::eforms::display::answer_rows(&form, &answers, lang))
            .unwrap_or_default(),
        documents: documents(pool, row.id, row.version_id).await?,
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
                  u.full_name AS "actor?", h.action,
                  h.from_status AS "from_status: DossierStatus", h.to_status AS "to_status: DossierStatus", h.note
           FROM dossier_history h LEFT JOIN users u ON u.id = h.actor_id
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
            action: row.action.as_deref().and_then(Action::parse),
            from: row.from_status,
            to: row.to_status,
            note: row.note,
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
