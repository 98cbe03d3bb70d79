//! Errors as the user meets them: a small set of stable codes that the
//! interface translates. Causes are logged on the server and never shown.

use crate::i18n::Texts;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or the user may not know it exists).
    #[error("not found")]
    NotFound,
    /// The request itself is malformed.
    #[error("bad request")]
    BadRequest,
    /// Something on our side failed; the details are in the server log.
    #[error("service unavailable")]
    Unavailable,
    /// The page or action needs a signed-in user.
    #[error("sign-in required")]
    SignInRequired,
    /// The signed-in user may not do this (wrong role or agency).
    #[error("forbidden")]
    Forbidden,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// The sentence shown to the user, in their language.
    pub fn message(&self, texts: &Texts) -> &'static str {
        match self {
            AppError::NotFound => texts.not_found_body,
            AppError::BadRequest => texts.error_bad_request,
            AppError::Unavailable => texts.error_unavailable,
            AppError::SignInRequired => texts.error_sign_in_required,
            AppError::Forbidden => texts.error_forbidden,
        }
    }

    /// The HTTP status a server-rendered page or API answer carries.
    pub fn status(&self) -> http::StatusCode {
        match self {
            AppError::NotFound => http::StatusCode::NOT_FOUND,
            AppError::BadRequest => http::StatusCode::BAD_REQUEST,
            AppError::Unavailable => http::StatusCode::SERVICE_UNAVAILABLE,
            AppError::SignInRequired => http::StatusCode::UNAUTHORIZED,
            AppError::Forbidden => http::StatusCode::FORBIDDEN,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            _ => AppError::Unavailable,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(error = %error, "database error");
        AppError::Unavailable
    }
}
