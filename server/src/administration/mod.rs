//! Administrators manage official accounts (`/quan-tri/nguoi-dung`) and
//! the API tokens of managers (`/quan-tri/ma-api`).

mod api_tokens;
mod officials;

use crate::state::AppState;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/nguoi-dung", post(officials::create))
        .route("/quan-tri/ma-api", post(api_tokens::issue))
        .route("/quan-tri/ma-api/{id}/thu-hoi", post(api_tokens::revoke))
        .route("/quan-tri/nguoi-dung/{id}", post(officials::update))
        .route("/quan-tri/nguoi-dung/{id}/khoa", post(officials::disable))
        .route("/quan-tri/nguoi-dung/{id}/mo-khoa", post(officials::enable))
}
