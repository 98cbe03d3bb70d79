//! `GET /ho-so/{code}/phieu-kiem-soat.pdf`: slip 06, for the applicant and
//! for officials whose agencies handle the dossier: every hand-over of its
//! history, giver and receiver, time, step deadline and timeliness.

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::documents::control_slip::{self, ControlSlip, HandOver};
use crate::dossiers::registers;
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::dossiers::workflow_steps::{self, StepTimeline, WorkflowStep};
use app::dossiers::{workflow_store, Action, DossierStatus};
use app::error::AppError;
use app::i18n::Lang;
use axum::extract::{Path, State};
use chrono::NaiveDateTime;

pub async fn control_slip(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let dossier = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", d.procedure_version_id, d.applicant_id, d.agency_id, d.handling_agency_id, d.assignee_id, d.status,
                  a.name AS agency_name, ha.name AS handling_name, v.name AS procedure_name, u.full_name, s.full_name AS "assignee?",
                  coalesce(to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY'), '') AS "accepted_at!",
                  coalesce(to_char(d.due_at, 'HH24:MI DD/MM/YYYY'), '') AS "due!",
                  (SELECT (max(h.occurred_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                   FROM dossier_history h WHERE h.dossier_id = d.id) AS "issued_on!: chrono::NaiveDate"
           FROM dossiers d JOIN agencies a ON a.id = d.agency_id
           JOIN agencies ha ON ha.id = d.handling_agency_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id JOIN users u ON u.id = d.applicant_id
           LEFT JOIN users s ON s.id = d.assignee_id
           WHERE d.code = $1 AND d.submitted_at IS NOT NULL"#,
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: dossier.applicant_id,
        agency_id: dossier.agency_id,
        handling_agency_id: dossier.handling_agency_id,
        assignee_id: dossier.assignee_id,
    };
    if !policy::may_read_dossier(&user, &ownership) {
        return Ok(refusals::as_missing(format!("dossier {code}")));
    }
    // Each hand-over with the person who made it and their unit (a
    // reception officer's is the one-stop unit), against the budget of
    // the workflow step it happened in; the slip is dated by its latest
    // step, so downloaded again it reads the same until the dossier moves.
    let history = sqlx::query!(
        r#"SELECT h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS "at!: NaiveDateTime",
                  h.action, h.to_status, h.note, coalesce(u.full_name, '') AS "by!",
                  CASE WHEN EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'reception')
                       THEN coalesce(o.name, ag.name) ELSE ag.name END AS unit
           FROM dossier_history h LEFT JOIN users u ON u.id = h.actor_id
           LEFT JOIN agencies ag ON ag.id = u.agency_id
           LEFT JOIN one_stop_units o ON o.id = ag.one_stop_unit_id
           WHERE h.dossier_id = $1 ORDER BY h.occurred_at, h.id"#,
        dossier.id
    )
    .fetch_all(&state.pool)
    .await?;
    let (workflow, timeline) =
        timed_hand_overs(&state, dossier.id, dossier.procedure_version_id).await?;
    let mut conn = state.pool.acquire().await?;
    let body = registers::one_stop_body(&mut conn, dossier.agency_id).await?;
    drop(conn);

    let applicant = format!("{}\nNgười nộp hồ sơ", dossier.full_name);
    let party = |by: &str, unit: Option<&str>| match unit {
        Some(unit) => format!("{by}\n{unit}"),
        None => applicant.clone(),
    };
    // Who holds the dossier now, for the last, still open hand-over: the
    // agency whose step it is at, which may be another than the receiving
    // one (liên thông).
    let holding = &dossier.handling_name;
    let at_home = dossier.handling_agency_id == dossier.agency_id;
    let holder = match DossierStatus::parse(&dossier.status) {
        Some(DossierStatus::Submitted | DossierStatus::ResultReady) if at_home => body.name.clone(),
        Some(DossierStatus::Submitted | DossierStatus::ResultReady) => holding.clone(),
        Some(DossierStatus::Processing) => match &dossier.assignee {
            Some(name) => format!("{name}\n{holding}"),
            None => holding.clone(),
        },
        Some(DossierStatus::Received) => holding.clone(),
        Some(DossierStatus::AwaitingApproval) => format!("Lãnh đạo {holding}"),
        Some(DossierStatus::AwaitingSupplement) => applicant.clone(),
        _ => String::new(),
    };
    let hand_overs: Vec<HandOver> = history
        .iter()
        .enumerate()
        .zip(timeline.hand_overs)
        .map(|((i, entry), timed)| {
            let status = DossierStatus::parse(&entry.to_status);
            let label = status.map(|s| s.label(Lang::Vi)).unwrap_or_default();
            let action = entry.action.as_deref().and_then(Action::parse);
            let what = match action {
                Some(action) => format!("{} → {label}", action.label(Lang::Vi)),
                None => format!("Nộp hồ sơ → {label}"),
            };
            // The applicant hands the dossier in, even at the counter.
            let giver = match action {
                None | Some(Action::Supplement | Action::Withdraw) => applicant.clone(),
                Some(_) => party(&entry.by, entry.unit.as_deref()),
            };
            let receiver = match (status, history.get(i + 1)) {
                (Some(DossierStatus::Withdrawn), _) => String::new(),
                (Some(s), _) if s.is_final() || s == DossierStatus::AwaitingSupplement => {
                    applicant.clone()
                }
                (_, Some(next)) => party(&next.by, next.unit.as_deref()),
                (_, None) => holder.clone(),
            };
            let step = timed
                .stage
                .and_then(|stage| workflow.iter().find(|step| step.stage == stage));
            let step = match (step, timed.step_due) {
                (Some(step), Some(due)) => format!(
                    "{}\nhạn {}",
                    step.name_with_agency(Lang::Vi),
                    due.format("%H:%M %d/%m/%Y")
                ),
                (Some(step), None) => step.name_with_agency(Lang::Vi),
                (None, _) => String::new(),
            };
            let timeliness = match (timed.on_time, timed.step_due) {
                (Some(true), Some(due)) if entry.at.date() < due.date() => "Trước hạn",
                (Some(true), _) => "Đúng hạn",
                (Some(false), _) => "Quá hạn",
                (None, _) => "",
            };
            HandOver {
                what,
                giver,
                receiver,
                at: entry.at.format("%H:%M %d/%m/%Y").to_string(),
                step,
                timeliness: timeliness.to_string(),
                note: entry.note.clone().unwrap_or_default(),
            }
        })
        .collect();
    let slip = ControlSlip {
        issuer: body.issuer(),
        place: &state.config.place,
        issued_on: dossier.issued_on,
        code: &dossier.code,
        applicant_name: &dossier.full_name,
        procedure_name: &dossier.procedure_name,
        processing_agency: &dossier.agency_name,
        accepted_at: &dossier.accepted_at,
        due: &dossier.due,
        hand_overs: &hand_overs,
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
