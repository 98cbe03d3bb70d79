//! Errors as the user meets them: a small set of stable codes that the
//! interface translates. Causes are logged on the server and never shown.

use crate::i18n::Texts;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::{Bytes, Encodes};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or the user may not know it exists).
    #[error("not found")]
    NotFound,
    /// The request itself is malformed.
    #[error("bad request")]
    BadRequest,
    /// A service we depend on (database, virus scanner, file store) cannot
    /// be reached right now; trying again later may work.
    #[error("service unavailable")]
    Unavailable,
    /// A fault on our side (a bug); the details are in the server log.
    #[error("internal error")]
    Internal,
    /// The page or action needs a signed-in user.
    #[error("sign-in required")]
    SignInRequired,
    /// The signed-in user may not do this (wrong role or agency).
    #[error("forbidden")]
    Forbidden,
    /// An official whose roles need a second factor has not set it up, or
    /// not checked it in this session: their roles wait for it.
    #[error("second factor required")]
    SecondFactorRequired,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// The sentence shown to the user, in their language.
    pub fn message(&self, texts: &Texts) -> &'static str {
        match self {
            AppError::NotFound => texts.not_found_body,
            AppError::BadRequest => texts.error_bad_request,
            AppError::Unavailable => texts.error_unavailable,
            AppError::Internal => texts.error_internal,
            AppError::SignInRequired => texts.error_sign_in_required,
            AppError::Forbidden => texts.error_forbidden,
            AppError::SecondFactorRequired => texts.second_factor.required,
        }
    }

    /// The HTTP status a server-rendered page, server function or API
    /// answer carries.
    pub fn status(&self) -> http::StatusCode {
        match self {
            AppError::NotFound => http::StatusCode::NOT_FOUND,
            AppError::BadRequest => http::StatusCode::BAD_REQUEST,
            AppError::Unavailable => http::StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal => http::StatusCode::INTERNAL_SERVER_ERROR,
            AppError::SignInRequired => http::StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::SecondFactorRequired => http::StatusCode::FORBIDDEN,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            // In the browser: the server could not be reached or answered garbage.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Unavailable,
            _ => AppError::Internal,
        }
    }

    /// Encodes the error for the caller. On the server this runs inside the
    /// server function's request, where it also gives the response the
    /// error's status: server_fn answers every error with 500 otherwise.
    fn ser(&self) -> Bytes {
        #[cfg(feature = "ssr")]
        set_server_fn_status(self.status());
        JsonEncoding::encode(self).unwrap_or_else(|_| Bytes::from_static(b"\"Internal\""))
    }
}

/// A plain `<form>` post (no JavaScript) is redirected back to its page by
/// Leptos, with the error in the address; its status must stay the redirect.
#[cfg(feature = "ssr")]
fn set_server_fn_status(status: http::StatusCode) {
    let plain_form_post = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|accept| accept.to_str().ok())
                .map(|accept| accept.contains("text/html"))
        })
        .unwrap_or(false);
    if !plain_form_post {
        crate::http_status::set_status(status);
    }
}

/// Whether a database failure means the database cannot be reached right
/// now (503, try again) rather than a fault in our query or data (500).
#[cfg(feature = "ssr")]
pub fn database_unreachable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        // Connection exceptions (08…), too many connections (53300), and the
        // server shutting down or starting up (57P01–57P03).
        sqlx::Error::Database(error) => error.code().is_some_and(|code| {
            code.starts_with("08") || code == "53300" || code.starts_with("57P0")
        }),
        _ => false,
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        if database_unreachable(&error) {
            tracing::error!(error = %error, "database unreachable");
            AppError::Unavailable
        } else {
            tracing::error!(error = %error, "database error");
            AppError::Internal
        }
    }
}
