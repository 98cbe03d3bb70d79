//! The demo catalogue's own workflows (quy trình nội bộ) for the procedures
//! whose steps it spells out; every other version keeps the default the
//! database gives it (`insert_default_workflow`).

use anyhow::{bail, Context};
use app::access::Role;
use app::dossiers::workflow_steps::{self, Stage, WorkflowStep};
use app::text::normalize;
use serde::Deserialize;
use sqlx::PgConnection;

#[derive(Deserialize)]
pub struct StepSeed {
    stage: String,
    role: String,
    name: String,
    name_en: Option<String>,
    hours: u32,
    /// Liên thông: the code of the agency that takes the step, when it is
    /// not the receiving agency.
    #[serde(default)]
    agency: Option<String>,
}

/// Replaces the default steps of `version_id` with `seeds`, once they agree
/// with the state machine and the procedure's `processing_hours`.
pub async fn replace(
    tx: &mut PgConnection,
    version_id: i64,
    seeds: &[StepSeed],
    processing_hours: u32,
) -> anyhow::Result<()> {
    let steps = seeds
        .iter()
        .map(|seed| {
            Ok(WorkflowStep {
                stage: Stage::parse(&seed.stage).context("unknown stage")?,
                role: Role::parse(&seed.role).context("unknown role")?,
                name: normalize(&seed.name),
                name_en: seed.name_en.clone(),
                budget_hours: seed.hours,
                agency_code: seed.agency.clone(),
                agency_name: None,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    if let Err(problem) = workflow_steps::check(&steps, processing_hours) {
        bail!("workflow: {problem:?}");
    }
    for code in steps.iter().filter_map(|step| step.agency_code.as_deref()) {
        let known = sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", code)
            .fetch_optional(&mut *tx)
            .await?;
        if known.is_none() {
            bail!("workflow: a step names agency {code}, which does not exist");
        }
    }
    sqlx::query!(
        "DELETE FROM workflow_steps WHERE version_id = $1",
        version_id
    )
    .execute(&mut *tx)
    .await?;
    for (position, step) in (1..).zip(&steps) {
        sqlx::query!(
            "INSERT INTO workflow_steps (version_id, position, stage, role, name, name_en, budget_hours, agency_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM agencies WHERE code = $8))",
            version_id,
            position,
            step.stage as Stage,
            step.role as Role,
            step.name,
            step.name_en,
            step.budget_hours as i32,
            step.agency_code,
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
