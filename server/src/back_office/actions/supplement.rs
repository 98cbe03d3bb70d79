//! Gửi bổ sung: the applicant's `POST /ho-so/{code}/bo-sung` (the files
//! themselves come first, through `POST /ho-so/{code}/bo-sung/giay-to`).
//!
//! Who: the applicant. When: awaiting supplement → the state it was in
//! when the supplement was asked for. Effect: when the clock was running,
//! the pause moves the appointment in force and the legal one by the
//! working days it lasted; the officer who asked is told.

use super::answer;
use super::core::{Halt, Request, Step};
use crate::access::extractors::SignedIn;
use crate::errors::HandlerResult;
use crate::forms::{Asker, Posted};
use crate::state::AppState;
use app::deadlines;
use app::dossiers::{Action, DossierStatus};
use app::paths;
use axum::extract::{Path, State};
use sqlx::PgConnection;
use tower_sessions::Session;

pub async fn supplement(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let back = paths::dossier(&code);
    let request = Request {
        code: &code,
        action: Action::Supplement,
        seen_version: form.get("version").parse().unwrap_or(-1),
        note: Some(form.get("note")),
        assignee_id: None,
        new_due: None,
        delivery: None,
        collector: Default::default(),
        by: &user,
        lang: asker.lang,
    };
    answer(&state, &session, asker, request, &back).await
}

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    // Asked for before acceptance, the clock had not started.
    if step.dossier.state.resumes_to == Some(DossierStatus::Submitted) {
        return Ok(());
    }
    let (Some(paused_on), Some(_)) = (step.dossier.paused_on, step.change.due_at) else {
        return Ok(());
    };
    let resumed_on = deadlines::vietnam_local(step.now).date();
    let paused = step.calendar.working_days_between(paused_on, resumed_on);
    let calendar = step.calendar;
    let moved =
        |due: Option<chrono::NaiveDateTime>| due.map(|due| calendar.extend_by_pause(due, paused));
    step.change.due_at = moved(step.change.due_at);
    step.change.legal_due_at = moved(step.change.legal_due_at);
    Ok(())
}

/// "Hồ sơ … đã được bổ sung", in the portal, for the officer who asked.
pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    tell_officer_who_asked(step.tx, step.dossier.id, step.request.code).await
}

async fn tell_officer_who_asked(
    tx: &mut PgConnection,
    dossier_id: i64,
    code: &str,
) -> anyhow::Result<()> {
    sqlx::query!(
        "INSERT INTO notifications (user_id, dossier_id, title, body, link)
         SELECT supplement_requested_by, id, $2, $3, $4 FROM dossiers
         WHERE id = $1 AND supplement_requested_by IS NOT NULL",
        dossier_id,
        format!("Hồ sơ {code} đã được bổ sung"),
        "Công dân đã gửi bổ sung theo yêu cầu của bạn; hồ sơ trở lại bước trước khi yêu cầu.",
        paths::office_dossier(&code),
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
