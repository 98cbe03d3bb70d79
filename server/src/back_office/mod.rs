//! The back office's form posts. Pages live in `app::back_office`; every
//! state change is an action in [`actions`], one file each.

pub mod actions;
mod comments;
pub mod digest;
pub mod notices;
mod register;
mod results;

use crate::state::AppState;
use app::paths;
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::OFFICE_ACTION, post(actions::act))
        .route(paths::OFFICE_REGISTER_PDF, get(register::register))
        .route(paths::OFFICE_COMMENT, post(comments::comment))
        .route(paths::SUPPLEMENT, post(actions::supplement::supplement))
}
