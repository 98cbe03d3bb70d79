//! Dossiers on the server: codes and PINs, and (with the filing pages) the
//! handlers that create and change them.

pub mod appointments;
pub mod codes;
mod control_slip;
pub mod drafts;
pub mod filing;
pub mod notice_slip;
mod rating;
mod slip;
mod withdrawal;

use crate::state::AppState;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/nop-ho-so/{code}", post(filing::file))
        .route("/ho-so/{code}/rut", post(withdrawal::withdraw))
        .route("/ho-so/{code}/danh-gia", post(rating::rate))
        .route(
            "/ho-so/{code}/phieu-tiep-nhan.pdf",
            axum::routing::get(slip::receipt_slip),
        )
        .route(
            "/ho-so/{code}/phieu-kiem-soat.pdf",
            axum::routing::get(control_slip::control_slip),
        )
        .route(
            "/ho-so/{code}/phieu/{entry}",
            axum::routing::get(notice_slip::notice_slip),
        )
}
