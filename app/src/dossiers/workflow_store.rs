//! Reads a dossier's workflow and its hand-overs (server only), for the
//! step timing of [`super::workflow_steps`].

use super::workflow_steps::{HandOver, Stage, WorkflowStep};
use super::{Action, DossierStatus};
use crate::access::Role;
use crate::error::AppResult;
use chrono::NaiveDateTime;
use sqlx::PgPool;

/// The steps of a procedure version, in order.
pub async fn workflow(pool: &PgPool, version_id: i64) -> AppResult<Vec<WorkflowStep>> {
    let rows = sqlx::query!(
        r#"SELECT ws.stage AS "stage: Stage", ws.role AS "role: Role", ws.name, ws.name_en, ws.budget_hours,
                  a.code AS "agency_code?", a.name AS "agency_name?"
           FROM workflow_steps ws LEFT JOIN agencies a ON a.id = ws.agency_id
           WHERE ws.version_id = $1 ORDER BY ws.position"#,
        version_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(WorkflowStep {
                stage: row.stage,
                role: row.role,
                name: row.name,
                name_en: row.name_en,
                budget_hours: u32::try_from(row.budget_hours).ok()?,
                agency_code: row.agency_code,
                agency_name: row.agency_name,
            })
        })
        .collect())
}

/// A dossier's history, oldest first, in Vietnam local time. The
/// submission is recorded as `submit`, which is no action of the state
/// machine (it starts at submitted): it reads as no action, like the
/// entries written before actions were recorded.
pub async fn hand_overs(pool: &PgPool, dossier_id: i64) -> AppResult<Vec<HandOver>> {
    let rows = sqlx::query!(
        r#"SELECT (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS "at!: NaiveDateTime",
                  NULLIF(action, 'submit') AS "action: Action",
                  from_status AS "from_status: DossierStatus", to_status AS "to_status: DossierStatus"
           FROM dossier_history WHERE dossier_id = $1 ORDER BY occurred_at, id"#,
        dossier_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| HandOver {
            action: row.action,
            from: row.from_status,
            to: row.to_status,
            at: row.at,
        })
        .collect())
}
