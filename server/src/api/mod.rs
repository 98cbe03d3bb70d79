//! The public JSON API under `/api/v1`, described by OpenAPI at
//! `/api/v1/openapi.json`.

mod dossiers;
mod error;
mod openapi;
mod procedure_versions;
mod procedures;
mod reports;

use crate::state::AppState;
use axum::routing::get;
use axum::Router;

pub use error::{carries_nul, ApiError, ApiFailure};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures", get(procedures::list_procedures))
        .route("/procedures/{code}", get(procedures::get_procedure))
        .route(
            "/procedures/{code}/appointment",
            get(procedures::get_appointment),
        )
        .route(
            "/procedures/{code}/versions",
            get(procedure_versions::list_versions),
        )
        .route("/dossiers/{code}", get(dossiers::get_dossier))
        .route("/reports/bieu-06", get(reports::bieu06))
        .route("/openapi.json", get(openapi::openapi_json))
        .fallback(|| async { ApiError(app::error::AppError::NotFound) })
        .layer(axum::middleware::from_fn(error::refuse_nul))
        .layer(axum::middleware::from_fn(error::uniform))
}
