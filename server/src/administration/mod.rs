//! Administrators manage official accounts (`/quan-tri/nguoi-dung`) and
//! the API tokens of managers (`/quan-tri/ma-api`).

mod api_tokens;
mod officials;

use crate::state::AppState;
use app::paths;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::OFFICIALS, post(officials::create))
        .route(paths::API_TOKENS, post(api_tokens::issue))
        .route(paths::REVOKE_API_TOKEN, post(api_tokens::revoke))
        .route(paths::OFFICIAL, post(officials::update))
        .route(paths::DISABLE_OFFICIAL, post(officials::disable))
        .route(paths::ENABLE_OFFICIAL, post(officials::enable))
}
