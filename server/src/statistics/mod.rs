//! Statistics exports: Biểu 06 exactly as `/thong-ke` shows it, as a file
//! from the page and from the API (`/api/v1/reports/bieu-06`).

mod csv;
mod downloads;
pub mod exports;
pub mod json;
mod pdf;
pub mod xlsx;

use crate::state::AppState;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/thong-ke/bieu-06.csv", get(downloads::csv))
        .route("/thong-ke/bieu-06.xlsx", get(downloads::xlsx))
        .route("/thong-ke/bieu-06.pdf", get(downloads::pdf))
}
