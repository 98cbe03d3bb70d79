//! Dossiers on the server: codes and PINs, and (with the filing pages) the
//! handlers that create and change them.

pub mod appointments;
pub mod codes;
mod control_slip;
pub mod drafts;
pub mod filing;
pub mod notice_slip;
mod rating;
pub mod receipt;
pub mod registers;
mod withdrawal;

use crate::state::AppState;
use app::paths;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::FILE_DOSSIER, post(filing::file))
        .route(paths::FILING_CHECK, post(filing::confirm::confirm))
        .route(paths::WITHDRAW, post(withdrawal::withdraw))
        .route(paths::RATE, post(rating::rate))
        .route(
            paths::DOSSIER_SLIP,
            axum::routing::get(receipt::receipt_slip),
        )
        .route(
            paths::CONTROL_SLIP,
            axum::routing::get(control_slip::control_slip),
        )
        .route(
            paths::NOTICE_SLIP,
            axum::routing::get(notice_slip::notice_slip),
        )
}
