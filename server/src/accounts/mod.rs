//! The account forms' handlers. Each is a plain form post that answers with a
//! redirect (303), so every one works without JavaScript; the pages that show
//! the forms are Leptos components in `app::accounts::pages`.

mod digest_preference;
mod email_confirmation;
mod password_reset;
mod profile;
mod registration;
mod sign_in;
mod sign_out;
pub mod tokens;

use crate::state::AppState;
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dang-nhap", post(sign_in::sign_in))
        .route("/dang-xuat", post(sign_out::sign_out))
        .route("/dang-ky", post(registration::register))
        .route("/xac-nhan-email", post(email_confirmation::confirm))
        .route(
            "/tai-khoan/gui-lai-xac-nhan",
            post(email_confirmation::resend),
        )
        .route("/quen-mat-khau", post(password_reset::request_reset))
        .route("/dat-lai-mat-khau", post(password_reset::reset))
        .route("/tai-khoan/lien-he", post(profile::change_contact))
        .route("/tai-khoan/mat-khau", post(profile::change_password))
        .route(
            "/tai-khoan/thu-tong-hop",
            post(digest_preference::set_digest),
        )
}
