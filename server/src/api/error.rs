//! One error shape for every 4xx and 5xx the API answers: a stable code,
//! the message in Vietnamese and English, and the request's id to quote
//! when reporting a problem. Handlers answer [`ApiError`] (or an
//! [`ApiFailure`] of their own); [`uniform`] writes the body on the way
//! out, and gives the same shape to what the framework refuses by itself
//! (a wrong method, with its `Allow` header; a missing or malformed query
//! parameter; an unknown path under `/api/v1`).

use crate::request_id;
use app::error::AppError;
use app::i18n::Lang;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An API failure from the portal's own errors.
#[derive(Debug, Clone)]
pub struct ApiError(pub AppError);

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    /// Stable code: `not_found`, `bad_request`, `method_not_allowed`,
    /// `unavailable`, `internal`, `too_many_attempts`…
    pub error: &'static str,
    pub message: ApiMessage,
    /// The request's id (also in the `x-request-id` header).
    pub request_id: String,
}

/// The same sentence for people, in both languages.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiMessage {
    pub vi: &'static str,
    pub en: &'static str,
}

/// What went wrong, kept on the response until [`uniform`] writes it.
#[derive(Debug, Clone, Copy)]
pub struct ApiFailure {
    pub status: StatusCode,
    pub error: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError(error)
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError(AppError::from(error))
    }
}

impl ApiError {
    fn code(&self) -> &'static str {
        match self.0 {
            AppError::NotFound => "not_found",
            AppError::BadRequest => "bad_request",
            AppError::Unavailable => "unavailable",
            AppError::Internal => "internal",
            AppError::SignInRequired => "sign_in_required",
            AppError::Forbidden => "forbidden",
            AppError::SecondFactorRequired => "second_factor_required",
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.failure().into_response()
    }
}

/// The failure a status stands for when nothing more was said (the
/// framework's own refusals).
fn from_status(status: StatusCode) -> ApiFailure {
    let (error, vi, en) = match status {
        StatusCode::NOT_FOUND => return ApiError(AppError::NotFound).failure(),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            "Địa chỉ này không nhận phương thức đó; các phương thức được nhận có trong tiêu đề Allow.",
            "This address does not take that method; the ones it takes are in the Allow header.",
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            "unsupported_media_type",
            "Nội dung gửi lên không đúng kiểu (cần application/json).",
            "The request body has the wrong type (application/json is expected).",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "payload_too_large",
            "Nội dung gửi lên quá lớn.",
            "The request body is too large.",
        ),
        StatusCode::TOO_MANY_REQUESTS => (
            "too_many_requests",
            "Quá nhiều yêu cầu; vui lòng thử lại sau.",
            "Too many requests; please try again later.",
        ),
        status if status.is_server_error() => return ApiError(AppError::Internal).failure(),
        // 400 and 422: a parameter missing, malformed or out of range.
        _ => return ApiError(AppError::BadRequest).failure(),
    };
    ApiFailure {
        status,
        error,
        vi,
        en,
    }
}

impl ApiError {
    fn failure(self) -> ApiFailure {
        ApiFailure {
            status: self.0.status(),
            error: self.code(),
            vi: self.0.message(Lang::Vi.texts()),
            en: self.0.message(Lang::En.texts()),
        }
    }
}

/// Whether a request's address carries a NUL byte (`%00`), which no code,
/// date or search has, and which PostgreSQL's text cannot even hold.
pub fn carries_nul(request: &Request) -> bool {
    let uri = request.uri();
    let has = |text: &str| text.to_ascii_lowercase().contains("%00");
    has(uri.path()) || uri.query().is_some_and(has)
}

/// Refuses an address with a NUL byte (400) before any handler reads it.
pub async fn refuse_nul(request: Request, next: Next) -> Response {
    if carries_nul(&request) {
        return ApiError(AppError::BadRequest).into_response();
    }
    next.run(request).await
}

/// Writes every failure's body in the one shape, with the request's id.
/// Headers the failure carries (`Allow`, `Retry-After`) stay.
pub async fn uniform(request: Request, next: Next) -> Response {
    let request_id = request_id::of(&request).to_string();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let failure = response
        .extensions()
        .get::<ApiFailure>()
        .copied()
        .unwrap_or_else(|| from_status(status));
    let body = ApiErrorBody {
        error: failure.error,
        message: ApiMessage {
            vi: failure.vi,
            en: failure.en,
        },
        request_id,
    };
    let (mut parts, _) = response.into_parts();
    parts.status = failure.status;
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    let json = serde_json::to_vec(&body).unwrap_or_default();
    Response::from_parts(parts, Body::from(json))
}
