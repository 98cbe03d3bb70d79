//! Statistics exports: Biểu 06 exactly as `/thong-ke` shows it.

mod csv;

use crate::state::AppState;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route("/thong-ke/bieu-06.csv", get(csv::bieu06_csv))
}
