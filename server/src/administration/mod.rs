//! Administrators manage official accounts: `/quan-tri/nguoi-dung`.

mod officials;

use crate::state::AppState;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/nguoi-dung", post(officials::create))
        .route("/quan-tri/nguoi-dung/{id}", post(officials::update))
        .route("/quan-tri/nguoi-dung/{id}/khoa", post(officials::disable))
        .route("/quan-tri/nguoi-dung/{id}/mo-khoa", post(officials::enable))
}
