//! `GET /ho-so/{code}/phieu-kiem-soat.pdf`: slip 06, for the applicant and
//! for officials whose agencies handle the dossier.

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::documents::control_slip::{self, ControlSlip, Step};
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::dossiers::workflow_steps::{self, StepTimeline, WorkflowStep};
use app::dossiers::{workflow_store, Action, DossierStatus};
use app::error::AppError;
use app::i18n::Lang;
use axum::extract::{Path, State};

pub async fn control_slip(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let dossier = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", d.procedure_version_id, d.applicant_id, d.agency_id, d.assignee_id, a.name AS agency_name, v.name AS procedure_name, u.full_name,
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY') AS "received_at!",
                  coalesce(to_char(d.due_at, 'HH24:MI DD/MM/YYYY'), '') AS "due!",
                  (SELECT (max(h.occurred_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                   FROM dossier_history h WHERE h.dossier_id = d.id) AS "issued_on!: chrono::NaiveDate"
           FROM dossiers d JOIN agencies a ON a.id = d.agency_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id JOIN users u ON u.id = d.applicant_id
           WHERE d.code = $1 AND d.submitted_at IS NOT NULL"#,
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: dossier.applicant_id,
        agency_id: dossier.agency_id,
        assignee_id: dossier.assignee_id,
    };
    if !policy::may_read_dossier(&user, &ownership) {
        return Ok(refusals::as_missing(format!("dossier {code}")));
    }
    // Each hand-over against the budget of the workflow step it happened
    // in, and the slip dated by its latest step: downloaded again, it reads
    // the same until the dossier moves on.
    let history = sqlx::query!(
        r#"SELECT to_char(h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY') AS "at!",
                  NULLIF(h.action, 'submit') AS "action: Action", h.to_status AS "to_status: DossierStatus",
                  h.note, coalesce(u.full_name, '') AS "by!"
           FROM dossier_history h LEFT JOIN users u ON u.id = h.actor_id
           WHERE h.dossier_id = $1 ORDER BY h.occurred_at, h.id"#,
        dossier.id
    )
    .fetch_all(&state.pool)
    .await?;
    let (workflow, timeline) =
        timed_hand_overs(&state, dossier.id, dossier.procedure_version_id).await?;
    let steps: Vec<Step> = history
        .into_iter()
        .zip(timeline.hand_overs)
        .map(|(entry, timed)| {
            let status = entry.to_status.label(Lang::Vi);
            let what = match entry.action {
                Some(action) => format!("{} → {status}", action.label(Lang::Vi)),
                None => format!("Nộp hồ sơ → {status}"),
            };
            let step = timed
                .stage
                .and_then(|stage| workflow.iter().find(|step| step.stage == stage));
            Step {
                at: entry.at,
                step: step.map(|step| step.name.clone()).unwrap_or_default(),
                what,
                by: entry.by,
                step_due: timed
                    .step_due
                    .map(|due| due.format("%H:%M %d/%m/%Y").to_string())
                    .unwrap_or_default(),
                timeliness: match timed.on_time {
                    Some(true) => "Đúng hạn",
                    Some(false) => "Quá hạn",
                    None => "",
                }
                .to_string(),
                note: entry.note.unwrap_or_default(),
            }
        })
        .collect();
    let slip = ControlSlip {
        agency_name: &dossier.agency_name,
        place: &state.config.place,
        issued_on: dossier.issued_on,
        code: &dossier.code,
        applicant_name: &dossier.full_name,
        procedure_name: &dossier.procedure_name,
        received_at: &dossier.received_at,
        due: &dossier.due,
        steps: &steps,
    };
    let bytes = control_slip::render(&slip)?;
    Ok(crate::documents::download::pdf_download(
        &format!("phieu-kiem-soat-{}.pdf", dossier.code),
        bytes,
    ))
}

/// The dossier's workflow and every hand-over timed against it.
async fn timed_hand_overs(
    state: &AppState,
    dossier_id: i64,
    version_id: i64,
) -> Result<(Vec<WorkflowStep>, StepTimeline), AppError> {
    let calendar = app::deadlines::store::working_calendar(&state.pool).await?;
    let workflow = workflow_store::workflow(&state.pool, version_id).await?;
    let hand_overs = workflow_store::hand_overs(&state.pool, dossier_id).await?;
    let timeline = workflow_steps::time_steps(&calendar, &workflow, &hand_overs);
    Ok((workflow, timeline))
}
