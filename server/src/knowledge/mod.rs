//! The knowledge base's editing routes under `/quan-tri/hoi-dap`: creating
//! an article, and one article's changes (save, review, publish by a second
//! person, return, archive, restore). Every change goes through `store`.

mod changes;
mod creation;
mod drafts;
pub mod store;

use crate::state::AppState;
use app::paths;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ARTICLES_ADMIN, post(creation::create))
        .route(paths::ARTICLE_ADMIN, post(changes::change))
}
