//! The account pages. Each form posts to a plain server route (see the
//! server's `accounts` module), which answers with a redirect.

mod account_page;
mod confirm_email_page;
mod forgot_password_page;
mod passkey_proof;
mod personal_data_page;
mod privacy_notice_page;
mod register_page;
mod reset_password_page;
mod second_factor_page;
mod sessions_page;
mod sign_in_code_page;
mod sign_in_page;

pub use account_page::AccountPage;
pub use confirm_email_page::ConfirmEmailPage;
pub use forgot_password_page::ForgotPasswordPage;
pub use personal_data_page::{PersonalDataPage, CORRECTION_FORM};
pub use privacy_notice_page::{ConsentField, ConsentForm, PrivacyNoticePage, CONSENT_FORM};
pub use register_page::RegisterPage;
pub use reset_password_page::ResetPasswordPage;
pub use second_factor_page::{SecondFactorPage, StepUpField};
pub use sessions_page::SessionsPage;
pub use sign_in_code_page::SignInCodePage;
pub use sign_in_page::SignInPage;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A query parameter of the current address (`tiep`, `ma`).
fn query_value(name: &'static str) -> String {
    use_query_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}
