//! The back office's form posts. Pages live in `app::back_office`; every
//! state change is an action in [`actions`], one file each.

pub mod actions;
mod comments;
pub mod digest;
pub mod notices;
mod register;
mod results;

use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/can-bo/ho-so/{code}/thao-tac", post(actions::act))
        .route("/can-bo/so-theo-doi.pdf", get(register::register))
        .route("/can-bo/ho-so/{code}/y-kien", post(comments::comment))
        .route(
            "/ho-so/{code}/bo-sung",
            post(actions::supplement::supplement),
        )
}
