//! Counter filing (tiếp nhận trực tiếp): the forms behind
//! `/can-bo/tiep-nhan`. The reception officer records a walk-in applicant,
//! picks the procedure, then fills the same e-form and document slots as
//! online filing on the applicant's behalf; submitting accepts at once.

mod walk_in;

use crate::dossiers::filing::file;
use crate::files::{scripted_upload, upload::upload};
use crate::state::AppState;
use app::paths;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::COUNTER_WALK_IN, post(walk_in::record))
        .route(paths::COUNTER_START_FILING, get(walk_in::start_filing))
        .route(paths::COUNTER_FILE, post(file))
        .route(
            paths::COUNTER_UPLOAD,
            post(upload)
                .layer(DefaultBodyLimit::disable())
                .layer(middleware::from_fn(
                    scripted_upload::answer_scripts_with_location,
                )),
        )
}
