//! Field reports (phản ánh hiện trường, issue 21), the server's side:
//! filing with photos, the coordinator's and the agencies' steps, what
//! reporters and followers do, the photos' route, the escalation job and
//! the categories' store (the rules that need no database are in
//! `app::field_reports`).

mod answering;
pub mod categories;
mod category_admin;
pub mod escalation;
pub(crate) mod filing;
mod following;
mod handling;
mod heic;
pub mod map_tiles;
mod notify;
mod operations_workbook;
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
        .route(paths::MAP_TILE, get(map_tiles::tile))
        .route(paths::REPORT_CATEGORIES_ADMIN, post(category_admin::create))
        .route(paths::REPORT_CATEGORY_ADMIN, post(category_admin::update))
        .route(
            paths::ARCHIVE_REPORT_CATEGORY,
            post(category_admin::archive),
        )
        .route(
            paths::REPORT_OPERATIONS_XLSX,
            get(operations_workbook::download),
        )
}

/// A step in a report's history (`field_report_events`), built then
/// written in the step's transaction: `record` keeps it (for officials,
/// unless `shown`), `tell` also shows it to the reporter and followers and
/// tells each of them, in the portal and by mail.
pub(crate) struct Event<'a> {
    kind: &'a str,
    actor: Option<i64>,
    agency: Option<i64>,
    note: Option<&'a str>,
    shown: bool,
}

impl<'a> Event<'a> {
    /// `kind` done by `actor` (none: the portal itself).
    pub fn new(kind: &'a str, actor: Option<i64>) -> Self {
        Event {
            kind,
            actor,
            agency: None,
            note: None,
            shown: false,
        }
    }

    pub fn at_agency(mut self, agency: Option<i64>) -> Self {
        self.agency = agency;
        self
    }

    pub fn noting(mut self, note: &'a str) -> Self {
        self.note = Some(note);
        self
    }

    /// Shown in the report's history to its reporter and followers (and to
    /// everyone for a public report).
    pub fn shown(mut self) -> Self {
        self.shown = true;
        self
    }

    pub async fn record(
        &self,
        conn: &mut PgConnection,
        report_id: i64,
        at: DateTime<Utc>,
    ) -> sqlx::Result<()> {
        sqlx::query!(
            "INSERT INTO field_report_events (report_id, at, actor_id, kind, agency_id, note, visible)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            report_id,
            at as _,
            self.actor,
            self.kind,
            self.agency,
            self.note,
            self.shown
        )
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Records it shown, and tells the reporter and every follower what
    /// happened, with `told` beside it when given.
    pub async fn tell(
        self,
        state: &AppState,
        conn: &mut PgConnection,
        report_id: i64,
        at: DateTime<Utc>,
        told: Option<&str>,
    ) -> sqlx::Result<()> {
        let event = self.shown();
        event.record(conn, report_id, at).await?;
        notify::followers(state, conn, report_id, event.kind, told).await
    }
}
