//! Field reports (phản ánh hiện trường, issue 21), the server's side:
//! filing with photos, the coordinator's and the agencies' steps, what
//! reporters and followers do, the photos' route, the escalation job and
//! the categories' store (the rules that need no database are in
//! `app::field_reports`).

mod answering;
pub mod categories;
pub mod escalation;
mod filing;
mod following;
mod handling;
mod notify;
mod photo_route;
pub mod photos;

use crate::state::AppState;
use app::paths;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        // Photos are limited while they stream (per file, and in number),
        // so the framework's whole-body limit steps aside on these two.
        .route(
            paths::FILE_REPORT,
            post(filing::file).layer(DefaultBodyLimit::disable()),
        )
        .route(
            paths::REPORT_ANSWER,
            post(answering::answer).layer(DefaultBodyLimit::disable()),
        )
        .route(paths::REPORT_HANDLING, post(handling::step))
        .route(paths::REPORT_FOLLOW, post(following::follow))
        .route(paths::REPORT_RATING, post(following::rate))
        .route(paths::REPORT_REOPEN, post(following::reopen))
        .route(paths::REPORT_PHOTO, get(photo_route::photo))
}

/// Adds a step to a report's history. `visible`: the reporter, followers
/// and (for a public report) everyone may read it.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn record_event(
    conn: &mut PgConnection,
    report_id: i64,
    at: DateTime<Utc>,
    actor: Option<i64>,
    kind: &str,
    agency: Option<i64>,
    note: Option<&str>,
    visible: bool,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO field_report_events (report_id, at, actor_id, kind, agency_id, note, visible)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        report_id,
        at as _,
        actor,
        kind,
        agency,
        note,
        visible
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
