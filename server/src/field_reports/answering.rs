//! `POST /can-bo/phan-anh/{code}/ket-qua` (multipart: `answer`, `photo`…):
//! the handling agency's official answers, with photos after the work.
//! The answer waits for the coordinator, who publishes it or sends it
//! back (`handling.rs`).

use super::filing::read;
use super::handling::lock;
use super::{photos, Event};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::field_reports::pages::HANDLING_FORM;
use app::field_reports::rules::{allowed, Step};
use app::field_reports::store::with_their_agency;
use app::field_reports::{ReportStatus, NOTE_LIMIT};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Multipart, Path, State};
use tower_sessions::Session;

pub async fn answer(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    multipart: Multipart,
) -> HandlerResult {
    let t = &asker.lang.texts().field_reports;
    let back = paths::report_handling(&code);
    // Who may answer is checked before the photos are read and scanned.
    let agency = sqlx::query!(
        "SELECT agency_id, status FROM field_reports WHERE code = $1",
        code
    )
    .fetch_optional(&state.pool)
    .await?;
    let may = agency.is_some_and(|row| {
        let status = ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Received);
        with_their_agency(&user, row.agency_id, status)
    });
    if !may {
        return Ok(refusals::as_missing(format!("field report {code}")));
    }
    let posted = read(&state, multipart).await;
    let text = posted.form.paragraphs("answer");
    let mut kept = FormFeedback::new(HANDLING_FORM);
    kept.keep("answer", &text);
    let length = text.chars().count();
    if !(5..=NOTE_LIMIT).contains(&length) {
        kept.error("answer", t.note_missing);
    }
    if let Some(refused) = &posted.refused {
        kept.error("photo", refused.message(asker.lang));
    }
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    }
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(report) = lock(&mut tx, &code).await? else {
        return Ok(refusals::as_missing(format!("field report {code}")));
    };
    if !allowed(report.status, Step::Answer)
        || !with_their_agency(&user, report.agency_id, report.status)
    {
        tx.rollback().await?;
        feedback::notice(&session, NoticeTone::Info, t.not_now).await;
        return Ok(see_other(&back));
    }
    sqlx::query!(
        "UPDATE field_reports SET status = 'answered', answer = $2, answered_by = $3, answered_at = $4,
             assignee_id = coalesce(assignee_id, $3)
         WHERE id = $1",
        report.id,
        text,
        user.id,
        now as _
    )
    .execute(&mut *tx)
    .await?;
    // A second answer (after being sent back) replaces the first's photos.
    sqlx::query!(
        "DELETE FROM field_report_photos WHERE report_id = $1 AND stage = 'after'",
        report.id
    )
    .execute(&mut *tx)
    .await?;
    Event::new("answered", Some(user.id))
        .at_agency(report.agency_id)
        .record(&mut tx, report.id, now)
        .await?;
    photos::keep_all_and_commit(&state, tx, &posted.photos, user.id, report.id, "after").await?;
    feedback::notice(&session, NoticeTone::Success, t.done).await;
    Ok(see_other(&back))
}
