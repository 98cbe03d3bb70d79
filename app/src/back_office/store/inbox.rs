//! The official's work queues: counts per queue, filters, one page of rows.
//! An agency's queues hold the dossiers at its own step
//! (`dossiers.handling_agency_id`): a dossier whose next step another
//! agency takes (liên thông) leaves them until it comes back.

use crate::access::{Role, SignedInUser};
use crate::back_office::model::{Inbox, InboxFilter, InboxFilters, InboxRow, Queue};
use crate::dossiers::{Channel, DossierStatus};
use crate::error::AppResult;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use sqlx::PgPool;

use super::{DueWindow, PAGE_SIZE};

pub async fn inbox(
    pool: &PgPool,
    user: &SignedInUser,
    filter: InboxFilter,
    window: &DueWindow,
    lang: Lang,
) -> AppResult<Inbox> {
    let scope = user.back_office_agencies();
    let search = filter
        .search
        .as_deref()
        .map(|text| crate::text::normalize(text.trim()))
        .unwrap_or_default();
    let specialist = user.has_role(Role::Specialist);
    // A search looks in every queue the official sees: a code typed in
    // the wrong queue is still found, its row saying where it waits.
    let queue = if search.is_empty() {
        filter
            .queue
            .as_deref()
            .and_then(Queue::parse)
            .filter(|queue| specialist || *queue != Queue::AssignedToMe)
            .unwrap_or_else(|| default_queue(user))
    } else {
        Queue::AllOpen
    };
    let assignee = (queue == Queue::AssignedToMe).then_some(user.id);
    let filters = InboxFilters::from(&filter);
    let procedure = filters.procedure.clone();
    let page = filter.page.unwrap_or(1).max(1);
    let statuses = queue.statuses();

    let counts = sqlx::query!(
        r#"SELECT status AS "status: DossierStatus", count(*) AS "count!",
                  count(*) FILTER (WHERE status <> 'awaiting_supplement' AND due_at < $2::timestamp) AS "overdue!",
                  count(*) FILTER (WHERE status <> 'awaiting_supplement' AND due_at >= $2::timestamp
                                   AND due_at <= $3::timestamp) AS "soon!",
                  count(*) FILTER (WHERE assignee_id = $4) AS "mine!"
           FROM dossiers WHERE handling_agency_id = ANY($1) AND status NOT IN ('draft', 'returned', 'refused', 'stopped', 'withdrawn')
           GROUP BY status"#,
        &scope,
        window.now as _,
        window.soon as _,
        user.id,
    )
    .fetch_all(pool)
    .await?;
    let count_of = |queue: Queue| {
        counts
            .iter()
            .filter(|row| queue.statuses().contains(&row.status))
            .map(|row| {
                if queue == Queue::AssignedToMe {
                    row.mine
                } else {
                    row.count
                }
            })
            .sum::<i64>()
    };
    let overdue = counts.iter().map(|row| row.overdue).sum();
    let due_soon = counts.iter().map(|row| row.soon).sum();

    let pattern = format!("%{}%", search.to_lowercase());
    let rows = sqlx::query!(
        // The matching dossiers are picked on dossiers_handling_status_idx
        // and counted once; procedure, applicant and agency are joined for
        // the page's rows only (see bench/README.md).
        r#"WITH matching AS (
               SELECT d.id, d.due_at, d.submitted_at
               FROM dossiers d
               WHERE d.handling_agency_id = ANY($1) AND d.status = ANY($2)
                 AND ($3 = '' OR lower(d.code) LIKE $4
                      OR EXISTS (SELECT 1 FROM users u WHERE u.id = d.applicant_id AND lower(u.full_name) LIKE $4))
                 AND (($5 = '' AND $8 = '')
                      OR EXISTS (SELECT 1 FROM procedure_versions v
                                 JOIN procedures p ON p.id = v.procedure_id
                                 JOIN sectors sec ON sec.id = p.sector_id
                                 WHERE v.id = d.procedure_version_id
                                   AND ($5 = '' OR p.code = $5) AND ($8 = '' OR sec.code = $8)))
                 AND ($9::text IS NULL OR d.channel = $9)
                 AND ($10 = ''
                      OR ($10 = 'overdue' AND d.status <> 'awaiting_supplement' AND d.due_at < $11::timestamp)
                      OR ($10 = 'soon' AND d.status <> 'awaiting_supplement'
                          AND d.due_at >= $11::timestamp AND d.due_at <= $12::timestamp))
                 AND ($14::bigint IS NULL OR d.assignee_id = $14)
           ), page AS (
               SELECT id FROM matching
               ORDER BY CASE WHEN $13 = 'newest' THEN submitted_at END DESC NULLS LAST, due_at NULLS LAST, id
               LIMIT $6 OFFSET $7
           )
           SELECT d.code AS "code!", v.name AS procedure_name, u.full_name AS applicant_name, a.name AS agency_name,
                  d.status AS "status: DossierStatus", d.channel AS "channel: Channel", d.due_at AS "due_at: NaiveDateTime",
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
        statuses as &[DossierStatus],
        search,
        pattern,
        procedure,
        PAGE_SIZE,
        (page as i64 - 1) * PAGE_SIZE,
        filters.sector,
        filters.channel as Option<Channel>,
        filters.due,
        window.now as _,
        window.soon as _,
        filters.sort,
        assignee,
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
            .filter(|queue| specialist || *queue != Queue::AssignedToMe)
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
                    queue: Queue::of(status),
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

/// The queue an official starts from: the first step of their role (a
/// specialist's: the dossiers assigned to them).
fn default_queue(user: &SignedInUser) -> Queue {
    if user.has_role(Role::Reception) {
        Queue::ToReceive
    } else if user.has_role(Role::Specialist) {
        Queue::AssignedToMe
    } else if user.has_role(Role::Leader) {
        Queue::ToApprove
    } else {
        Queue::AllOpen
    }
}
