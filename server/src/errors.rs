//! One error type for page, form and file handlers, so they end with `?`.
//!
//! - What the user can fix, or may not see: 4xx with the error page in their
//!   language ([`HandlerError::not_found`], [`HandlerError::bad_request`],
//!   [`HandlerError::forbidden`], a [`Refusal`], an [`AppError`]).
//! - A fault on our side (a bug): 500, the cause logged with the request id.
//! - A dependency really down (database unreachable or its pool exhausted,
//!   virus scanner, file store): 503, logged the same way.
//!
//! Database errors sort themselves (see [`app::error::database_unreachable`]);
//! anything else that `?` turns into a `HandlerError` is a 500 unless the
//! handler says [`HandlerError::unavailable`].

use crate::access::extractors::Refusal;
use crate::error_page;
use app::error::AppError;
use app::i18n::Lang;
use axum::response::{IntoResponse, Response};

/// What a page, form or file handler returns.
pub type HandlerResult<T = Response> = Result<T, HandlerError>;

#[derive(Debug)]
pub struct HandlerError(Failure);

#[derive(Debug)]
enum Failure {
    /// The user's side: the page says why (or sends them to sign in).
    Refused(Refusal),
    /// Our side (`Internal` or `Unavailable`), with the cause for the log.
    Failed {
        shown: AppError,
        cause: anyhow::Error,
    },
}

impl HandlerError {
    pub fn not_found() -> Self {
        AppError::NotFound.into()
    }

    pub fn bad_request() -> Self {
        AppError::BadRequest.into()
    }

    pub fn forbidden() -> Self {
        AppError::Forbidden.into()
    }

    /// A fault on our side: 500.
    pub fn internal(cause: impl Into<anyhow::Error>) -> Self {
        HandlerError(Failure::Failed {
            shown: AppError::Internal,
            cause: cause.into(),
        })
    }

    /// A dependency cannot be reached right now: 503.
    pub fn unavailable(cause: impl Into<anyhow::Error>) -> Self {
        HandlerError(Failure::Failed {
            shown: AppError::Unavailable,
            cause: cause.into(),
        })
    }

    /// What the user is told.
    pub fn shown(&self) -> AppError {
        match &self.0 {
            Failure::Refused(refusal) => refusal.error.clone(),
            Failure::Failed { shown, .. } => shown.clone(),
        }
    }
}

impl From<Refusal> for HandlerError {
    fn from(refusal: Refusal) -> Self {
        HandlerError(Failure::Refused(refusal))
    }
}

/// An error from the shared code: its own cause was logged where it arose.
impl From<AppError> for HandlerError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::Internal | AppError::Unavailable => HandlerError(Failure::Failed {
                cause: anyhow::Error::new(error.clone()),
                shown: error,
            }),
            // The language is the request's: the error page middleware sets it.
            error => Refusal::page(error, Lang::default()).into(),
        }
    }
}

impl From<sqlx::Error> for HandlerError {
    fn from(error: sqlx::Error) -> Self {
        if app::error::database_unreachable(&error) {
            HandlerError::unavailable(error)
        } else {
            HandlerError::internal(error)
        }
    }
}

/// Looks through the cause chain: a database that cannot be reached, or an
/// [`AppError`] from the shared code, keeps its meaning; the rest is ours.
impl From<anyhow::Error> for HandlerError {
    fn from(error: anyhow::Error) -> Self {
        let shown = error
            .chain()
            .find_map(|cause| {
                if let Some(database) = cause.downcast_ref::<sqlx::Error>() {
                    return Some(if app::error::database_unreachable(database) {
                        AppError::Unavailable
                    } else {
                        AppError::Internal
                    });
                }
                cause.downcast_ref::<AppError>().cloned()
            })
            .unwrap_or(AppError::Internal);
        match shown {
            AppError::Internal | AppError::Unavailable => HandlerError(Failure::Failed {
                shown,
                cause: error,
            }),
            shown => shown.into(),
        }
    }
}

/// The file store: a missing object is our fault (the database points at
/// it), anything else means the store cannot be reached.
impl From<object_store::Error> for HandlerError {
    fn from(error: object_store::Error) -> Self {
        match error {
            object_store::Error::NotFound { .. } => HandlerError::internal(error),
            error => HandlerError::unavailable(error),
        }
    }
}

/// A document (PDF) that cannot be drawn is a fault in our templates.
impl From<crate::documents::layout::DocumentError> for HandlerError {
    fn from(error: crate::documents::layout::DocumentError) -> Self {
        HandlerError::internal(error)
    }
}

/// Sessions live in the database: a store that fails is the database.
impl From<tower_sessions::session::Error> for HandlerError {
    fn from(error: tower_sessions::session::Error) -> Self {
        match error {
            tower_sessions::session::Error::Store(_) => HandlerError::unavailable(error),
            error => HandlerError::internal(error),
        }
    }
}

impl IntoResponse for HandlerError {
    fn into_response(self) -> Response {
        match self.0 {
            Failure::Refused(refusal) => refusal.into_response(),
            Failure::Failed { shown, cause } => {
                let cause = format!("{cause:#}");
                match shown {
                    AppError::Unavailable => {
                        tracing::error!(error = cause, "a dependency is unavailable")
                    }
                    _ => tracing::error!(error = cause, "request failed"),
                }
                error_page::page(&shown, Lang::default())
            }
        }
    }
}
