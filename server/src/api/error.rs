use app::error::AppError;
use app::i18n::Lang;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An API failure: the HTTP status, a stable machine-readable code, and a
/// Vietnamese message for people reading the response.
#[derive(Debug, Clone)]
pub struct ApiError(pub AppError);

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    /// Stable code: `not_found`, `bad_request`, `unavailable`, `internal`, `too_many_attempts`…
    pub error: &'static str,
    pub message: &'static str,
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let code = match self.0 {
            AppError::NotFound => "not_found",
            AppError::BadRequest => "bad_request",
            AppError::Unavailable => "unavailable",
            AppError::Internal => "internal",
            AppError::SignInRequired => "sign_in_required",
            AppError::Forbidden => "forbidden",
            AppError::SecondFactorRequired => "second_factor_required",
        };
        let body = ApiErrorBody {
            error: code,
            message: self.0.message(Lang::Vi.texts()),
        };
        (self.0.status(), Json(body)).into_response()
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError(AppError::from(error))
    }
}
