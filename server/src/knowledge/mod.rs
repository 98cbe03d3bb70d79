//! The knowledge base's editing routes under `/quan-tri/hoi-dap`: creating
//! an article, and one article's changes (save, review, publish by a second
//! person, return, archive, restore). Every change goes through `store`.
//! Also questions from people: asked on `/hoi-dap/dat-cau-hoi`, answered
//! on `/can-bo/cau-hoi/{id}`.

mod answering;
mod changes;
mod creation;
mod drafts;
mod questions;
pub mod store;

use crate::state::AppState;
use app::paths;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ARTICLES_ADMIN, post(creation::create))
        .route(paths::ARTICLE_ADMIN, post(changes::change))
        .route(paths::ASK_AGENCY, post(questions::ask))
        .route(paths::QUESTION, post(answering::answer))
}
