//! Statistics exports: Biểu 06 exactly as `/thong-ke` shows it, as a file
//! from the page and from the API (`/api/v1/reports/bieu-06`).

mod csv;
mod downloads;
pub mod exports;
pub mod json;
mod pdf;
pub mod xlsx;

use crate::state::AppState;
use app::paths;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::REPORT_06_CSV, get(downloads::csv))
        .route(paths::REPORT_06_XLSX, get(downloads::xlsx))
        .route(paths::REPORT_06_PDF, get(downloads::pdf))
}
