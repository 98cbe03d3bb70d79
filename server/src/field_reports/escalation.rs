//! The deadlines' watch (every few minutes, on one instance at a time —
//! an advisory lock, as the morning digest): an open report in the last
//! quarter of its time is marked due soon and its agency's staff (or the
//! coordinators, while it is still with them) are told once; an overdue
//! one is escalated once to the agency's leaders and the coordinators.
//! Time comes from the portal's clock, so tests move it instead of
//! sleeping.

use super::{notify, Event};
use crate::state::AppState;
use app::deadlines::vietnam_local;
use app::field_reports::rules::due_soon;
use app::i18n::Lang;
use chrono::{DateTime, Utc};

/// Only one instance watches at a time.
const WATCH_LOCK: i64 = 0x4641_0001;

/// What the watch marks on a report.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    DueSoon,
    Escalated,
}

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Watched {
    pub warned: usize,
    pub escalated: usize,
}

pub async fn watch(state: &AppState) -> anyhow::Result<Watched> {
    let t = &Lang::Vi.texts().field_reports;
    let mut tx = state.pool.begin().await?;
    let locked = sqlx::query_scalar!(
        r#"SELECT pg_try_advisory_xact_lock($1) AS "locked!""#,
        WATCH_LOCK
    )
    .fetch_one(&mut *tx)
    .await?;
    if !locked {
        return Ok(Watched::default());
    }
    let now = state.clock.now();
    let open = sqlx::query!(
        r#"SELECT id, code, status, agency_id, assignee_id, received_at AS "received_at: DateTime<Utc>",
                  due_at AS "due_at: DateTime<Utc>", warned_at IS NOT NULL AS "warned!",
                  escalated_at IS NOT NULL AS "escalated!"
           FROM field_reports
           WHERE status IN ('received', 'forwarded', 'in_progress', 'answered')
             AND (escalated_at IS NULL)
           ORDER BY due_at LIMIT 1000 FOR UPDATE SKIP LOCKED"#
    )
    .fetch_all(&mut *tx)
    .await?;
    let coordinators: Vec<i64> = sqlx::query_scalar!(
        "SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE r.role = 'coordinator' AND u.disabled_at IS NULL"
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut watched = Watched::default();
    for report in open {
        let with_coordinator = report.status == "received" || report.agency_id.is_none();
        let mark = if report.due_at <= now {
            let mut told = coordinators.clone();
            if let Some(agency) = report.agency_id.filter(|_| !with_coordinator) {
                told.extend(people_of(&mut tx, agency, &["leader"]).await?);
            }
            watched.escalated += 1;
            Some((Mark::Escalated, told))
        } else if !report.warned
            && due_soon(
                vietnam_local(report.received_at),
                vietnam_local(report.due_at),
                vietnam_local(now),
            )
        {
            let told = match (report.assignee_id, report.agency_id) {
                (Some(assignee), _) if !with_coordinator => vec![assignee],
                (None, Some(agency)) if !with_coordinator => {
                    people_of(&mut tx, agency, &["reception", "specialist", "leader"]).await?
                }
                _ => coordinators.clone(),
            };
            watched.warned += 1;
            Some((Mark::DueSoon, told))
        } else {
            None
        };
        let Some((mark, told)) = mark else { continue };
        // Marked, written in the history and told in one go, so each
        // happens once for a due time.
        sqlx::query!(
            "UPDATE field_reports SET warned_at = CASE WHEN $3 THEN warned_at ELSE $2 END,
                 escalated_at = CASE WHEN $3 THEN $2 ELSE escalated_at END
             WHERE id = $1",
            report.id,
            now as _,
            mark == Mark::Escalated
        )
        .execute(&mut *tx)
        .await?;
        let (kind, subject) = match mark {
            Mark::Escalated => ("escalated", (t.escalation_subject)(&report.code)),
            Mark::DueSoon => ("due_soon", (t.due_soon_subject)(&report.code)),
        };
        Event::new(kind, None)
            .at_agency(report.agency_id)
            .record(&mut tx, report.id, now)
            .await?;
        notify::officials(state, &mut tx, &told, &report.code, &subject).await?;
    }
    tx.commit().await?;
    Ok(watched)
}

async fn people_of(
    conn: &mut sqlx::PgConnection,
    agency: i64,
    roles: &[&str],
) -> sqlx::Result<Vec<i64>> {
    let roles: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
    sqlx::query_scalar!(
        "SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE u.agency_id = $1 AND r.role = ANY($2) AND u.disabled_at IS NULL",
        agency,
        &roles
    )
    .fetch_all(&mut *conn)
    .await
}

/// Runs the watch every five minutes on this instance; the lock keeps it
/// to one instance at a time.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            ticker.tick().await;
            match watch(&state).await {
                Ok(watched) if watched != Watched::default() => {
                    tracing::info!(?watched, "field report deadlines watched")
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::error!(%error, "field report deadlines could not be watched")
                }
            }
        }
    });
}
