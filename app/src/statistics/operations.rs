//! The operations view (`/thong-ke/dieu-hanh`): what leaders and managers
//! watch through the day, for the agencies in their scope — today's new,
//! resolved and overdue dossiers, what falls due today and on the next
//! working day per agency, and where the overdue ones sit (agency × sector).
//! "Overdue" is as in Biểu 06's pending column: not finished, past the
//! legal appointment, and not waiting for the citizen's supplement; "due"
//! is the appointment in force, the date the officers work to.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyDue {
    pub agency_name: String,
    pub due_today: i64,
    pub due_next: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationsView {
    /// `dd/mm/yyyy`, and `hh:mm:ss` when read (Vietnam time).
    pub today: String,
    pub next_working_day: String,
    pub read_at: String,
    pub received_today: i64,
    pub resolved_today: i64,
    pub overdue: i64,
    /// Questions from people past their due day, unanswered.
    pub overdue_questions: i64,
    pub due: Vec<AgencyDue>,
    /// The heat table: sector names across, agency rows with a count per sector.
    pub sectors: Vec<String>,
    pub overdue_by_agency: Vec<(String, Vec<i64>)>,
}

/// The dossiers' operations view of the signed-in leader or manager;
/// none for the coordinator of field reports, who watches those only
/// (`field_reports::operations`).
#[server(endpoint = "statistics/operations")]
pub async fn load_operations() -> Result<Option<OperationsView>, AppError> {
    use crate::access::{permits, require_user, Permission};
    let user = require_user()?;
    let scope = user.overseen_agencies();
    if scope.is_empty() || !permits(&user, Permission::EnterBackOffice) {
        return if permits(&user, Permission::CoordinateFieldReports) {
            Ok(None)
        } else {
            Err(AppError::Forbidden)
        };
    }
    let pool = crate::database::pool()?;
    let calendar = crate::deadlines::store::working_calendar(&pool).await?;
    let now = crate::clock::current()?.now_in_vietnam();
    let today = now.date();
    let next = calendar.next_working_day_after(today);
    let mut view = store::operations(&pool, &scope, now, next).await?;
    view.today = today.format("%d/%m/%Y").to_string();
    view.next_working_day = next.format("%d/%m/%Y").to_string();
    view.read_at = now.format("%H:%M:%S").to_string();
    Ok(Some(view))
}

#[cfg(feature = "ssr")]
mod store {
    use super::{AgencyDue, OperationsView};
    use crate::dossiers::DossierStatus;
    use crate::error::AppResult;
    use chrono::{NaiveDate, NaiveDateTime};
    use sqlx::PgPool;
    use std::collections::BTreeMap;

    pub async fn operations(
        pool: &PgPool,
        scope: &[i64],
        now: NaiveDateTime,
        next: NaiveDate,
    ) -> AppResult<OperationsView> {
        // Filed and not yet finished one way or another.
        let open: Vec<String> = DossierStatus::ALL
            .into_iter()
            .filter(|status| *status != DossierStatus::Draft && !status.is_final())
            .map(|status| status.as_str().to_string())
            .collect();
        let today = sqlx::query!(
            r#"SELECT
                 count(*) FILTER (WHERE (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = $2::timestamp::date) AS "received!",
                 count(*) FILTER (WHERE status = 'returned'
                                  AND (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = $2::timestamp::date) AS "resolved!",
                 count(*) FILTER (WHERE status = ANY($3) AND status <> 'awaiting_supplement'
                                  AND legal_due_at < $2::timestamp) AS "overdue!"
               FROM dossiers
               WHERE agency_id = ANY($1) AND submitted_at IS NOT NULL
                 AND (status = ANY($3) OR resolved_at >= ($2::timestamp::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"#,
            scope,
            now as _,
            &open
        )
        .fetch_one(pool)
        .await?;
        let due = sqlx::query!(
            r#"SELECT a.name,
                      count(*) FILTER (WHERE d.due_at::date = $2::timestamp::date) AS "today!",
                      count(*) FILTER (WHERE d.due_at::date = $3::date) AS "next!"
               FROM dossiers d JOIN agencies a ON a.id = d.agency_id
               WHERE d.agency_id = ANY($1) AND d.status = ANY($4) AND d.status <> 'awaiting_supplement'
                 AND d.due_at::date IN ($2::timestamp::date, $3::date)
               GROUP BY a.name ORDER BY count(*) DESC, a.name"#,
            scope,
            now as _,
            next as _,
            &open
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| AgencyDue {
            agency_name: row.name,
            due_today: row.today,
            due_next: row.next,
        })
        .collect();
        let cells = sqlx::query!(
            r#"SELECT a.name AS agency, s.name AS sector, count(*) AS "count!"
               FROM dossiers d
               JOIN agencies a ON a.id = d.agency_id
               JOIN procedure_versions v ON v.id = d.procedure_version_id
               JOIN procedures p ON p.id = v.procedure_id
               JOIN sectors s ON s.id = p.sector_id
               WHERE d.agency_id = ANY($1) AND d.status = ANY($3) AND d.status <> 'awaiting_supplement'
                 AND d.legal_due_at < $2::timestamp
               GROUP BY a.name, s.name"#,
            scope,
            now as _,
            &open
        )
        .fetch_all(pool)
        .await?;
        let sectors: Vec<String> = cells
            .iter()
            .map(|cell| cell.sector.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut rows: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        for cell in &cells {
            let column = sectors.iter().position(|s| *s == cell.sector).unwrap_or(0);
            rows.entry(cell.agency.clone())
                .or_insert_with(|| vec![0; sectors.len()])[column] = cell.count;
        }
        let mut overdue_by_agency: Vec<(String, Vec<i64>)> = rows.into_iter().collect();
        // Most overdue first: where help is needed.
        overdue_by_agency.sort_by_key(|(name, counts)| (-counts.iter().sum::<i64>(), name.clone()));
        let overdue_questions = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!" FROM citizen_questions
               WHERE agency_id = ANY($1) AND answered_at IS NULL AND due_on < $2::timestamp::date"#,
            scope,
            now as _,
        )
        .fetch_one(pool)
        .await?;
        Ok(OperationsView {
            overdue_questions,
            received_today: today.received,
            resolved_today: today.resolved,
            overdue: today.overdue,
            due,
            sectors,
            overdue_by_agency,
            ..OperationsView::default()
        })
    }
}
