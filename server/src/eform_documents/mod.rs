//! E-forms as versioned documents (issue 19): the store every change goes
//! through, and the builder's routes under `/quan-tri/bieu-mau` — create,
//! save the draft (as a document or field by field), restore, publish by a
//! second person, archive, export and import, test submissions.

mod access;
mod creation;
mod drafting;
mod exchange;
mod publishing;
mod rule_changes;
pub mod store;
mod trial;

use crate::state::AppState;
use app::paths;
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::FORMS_ADMIN, post(creation::create))
        .route(paths::SAVE_FORM_DRAFT, post(drafting::save_document))
        .route(paths::EDIT_FORM_OUTLINE, post(drafting::edit_outline))
        .route(paths::RESTORE_FORM, post(drafting::restore))
        .route(paths::PUBLISH_FORM, post(publishing::publish))
        .route(paths::ARCHIVE_FORM, post(publishing::archive))
        .route(paths::FORM_JSON, get(exchange::export))
        .route(paths::IMPORT_FORM, post(exchange::import))
        .route(paths::TRY_FORM, post(trial::try_form))
}
