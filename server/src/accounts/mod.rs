//! The account forms' handlers. Each is a plain form post that answers with a
//! redirect (303), so every one works without JavaScript; the pages that show
//! the forms are Leptos components in `app::accounts::pages`.

mod active_sessions;
mod correction_requests;
mod data_deletion;
mod digest_preference;
mod email_confirmation;
pub mod national_identity;
mod password_reset;
mod personal_data;
mod personal_data_pdf;
mod privacy_consent;
mod profile;
mod registration;
pub mod retention;
pub mod second_factor;
mod sign_in;
mod sign_out;
pub mod tokens;

use crate::state::AppState;
use app::paths;
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::SIGN_IN, post(sign_in::sign_in))
        .route(
            paths::SIGN_IN_CODE,
            post(second_factor::sign_in_code::submit),
        )
        .route(
            paths::SECOND_FACTOR_BEGIN,
            post(second_factor::setup::begin),
        )
        .route(
            paths::SECOND_FACTOR_CONFIRM,
            post(second_factor::setup::confirm),
        )
        .route(
            paths::SECOND_FACTOR_CHECK,
            post(second_factor::setup::check),
        )
        .route(
            paths::RECOVERY_CODES,
            post(second_factor::setup::renew_codes),
        )
        .route(
            paths::PASSKEY_CHALLENGE,
            post(second_factor::passkeys::challenge::options),
        )
        .route(
            paths::PASSKEY_ADD,
            post(second_factor::passkeys::enrolment::add),
        )
        .route(
            paths::PASSKEY_REMOVE,
            post(second_factor::passkeys::enrolment::remove),
        )
        .route(
            paths::IDENTITY_SIGN_IN,
            get(national_identity::flow::start_sign_in),
        )
        .route(
            paths::IDENTITY_CALLBACK,
            get(national_identity::flow::callback),
        )
        .route(
            paths::IDENTITY_LINK,
            get(national_identity::flow::start_link),
        )
        .route(
            paths::IDENTITY_UNLINK,
            post(national_identity::unlink::unlink),
        )
        .route(paths::SIGN_OUT, post(sign_out::sign_out))
        .route(paths::PRIVACY_CONSENT, post(privacy_consent::agree))
        .route(paths::REGISTER, post(registration::register))
        .route(paths::CONFIRM_EMAIL, post(email_confirmation::confirm))
        .route(paths::RESEND_CONFIRMATION, post(email_confirmation::resend))
        .route(paths::FORGOT_PASSWORD, post(password_reset::request_reset))
        .route(paths::RESET_PASSWORD, post(password_reset::reset))
        .route(paths::CHANGE_CONTACT, post(profile::change_contact))
        .route(paths::CHANGE_PASSWORD, post(profile::change_password))
        .route(
            paths::DIGEST_PREFERENCE,
            post(digest_preference::set_digest),
        )
        .route(paths::END_SESSION, post(active_sessions::end_one))
        .route(paths::END_OTHER_SESSIONS, post(active_sessions::end_others))
        .route(paths::MY_DATA_JSON, get(personal_data::download))
        .route(paths::MY_DATA_PDF, get(personal_data_pdf::download))
        .route(paths::DELETE_MY_DRAFTS, post(data_deletion::delete_drafts))
        .route(
            paths::CORRECTION_REQUEST,
            post(correction_requests::request),
        )
        .route(
            paths::DELETE_MY_UNUSED_FILES,
            post(data_deletion::delete_unused_files),
        )
}
