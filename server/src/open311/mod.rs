//! Open311 GeoReport v2 (a subset, <https://wiki.open311.org/GeoReport_v2>):
//! other systems — a city's app, a chatbot, the hotline's software — read
//! the report categories as services, file reports with an API key an
//! administrator issued (`/quan-tri/ma-api`, purpose Open311), and read
//! public reports back. JSON only (`.json`); errors are Open311's list of
//! `{code, description}`.
//!
//! Mounted outside the browser's protections (sessions, the same-origin
//! check), as the payment callbacks are: a caller is another system,
//! identified by its key, never by a cookie.

pub(crate) mod filing;
pub(crate) mod requests;
pub(crate) mod services;

use crate::state::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/open311/v2/services.json", get(services::list))
        .route("/open311/v2/services/{file}", get(services::definition))
        .route(
            "/open311/v2/requests.json",
            get(requests::list).post(filing::file),
        )
        .route("/open311/v2/requests/{file}", get(requests::one))
        .layer(axum::middleware::from_fn(refuse_nul))
}

/// An address with a NUL byte is refused in Open311's error shape before
/// any handler reads it (see `api::carries_nul`).
async fn refuse_nul(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if crate::api::carries_nul(&request) {
        return Open311Error::new(StatusCode::BAD_REQUEST, "Địa chỉ chứa ký tự không hợp lệ.")
            .into_response();
    }
    next.run(request).await
}

/// `PA-2026-000123.json` → `PA-2026-000123`: the routes name resources
/// with the format, and only JSON is served.
fn json_name(file: &str) -> Result<&str, Open311Error> {
    file.strip_suffix(".json")
        .filter(|name| !name.is_empty())
        .ok_or_else(|| Open311Error::new(StatusCode::NOT_FOUND, "Chỉ hỗ trợ định dạng .json."))
}

/// One Open311 error, answered as the specification lists them.
#[derive(Debug)]
pub struct Open311Error {
    status: StatusCode,
    description: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Open311ErrorBody {
    /// The HTTP status again, as Open311 puts it in the body.
    pub code: u16,
    pub description: String,
}

impl Open311Error {
    pub fn new(status: StatusCode, description: impl Into<String>) -> Self {
        Open311Error {
            status,
            description: description.into(),
        }
    }
}

impl IntoResponse for Open311Error {
    fn into_response(self) -> Response {
        let body = vec![Open311ErrorBody {
            code: self.status.as_u16(),
            description: self.description,
        }];
        (self.status, Json(body)).into_response()
    }
}

impl From<sqlx::Error> for Open311Error {
    fn from(error: sqlx::Error) -> Self {
        Open311Error::from(anyhow::Error::from(error))
    }
}

impl From<anyhow::Error> for Open311Error {
    fn from(error: anyhow::Error) -> Self {
        tracing::error!(error = %error, "open311 request failed");
        Open311Error::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Lỗi hệ thống, vui lòng thử lại sau.",
        )
    }
}

impl From<app::error::AppError> for Open311Error {
    fn from(error: app::error::AppError) -> Self {
        Open311Error::new(error.status(), error.message(app::i18n::Lang::Vi.texts()))
    }
}

/// An instant as Open311 writes it: ISO 8601 in Vietnam time.
fn datetime(at: chrono::DateTime<chrono::Utc>) -> String {
    app::deadlines::vietnam_local(at)
        .format("%Y-%m-%dT%H:%M:%S+07:00")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::{datetime, json_name};
    use chrono::TimeZone;

    #[test]
    fn only_json_names_are_served() {
        assert_eq!(json_name("PA-2026-000001.json").unwrap(), "PA-2026-000001");
        assert!(json_name("PA-2026-000001.xml").is_err());
        assert!(json_name(".json").is_err());
    }

    #[test]
    fn times_are_written_in_vietnam_time_with_their_offset() {
        let at = chrono::Utc
            .with_ymd_and_hms(2026, 12, 6, 20, 30, 0)
            .unwrap();
        assert_eq!(datetime(at), "2026-12-07T03:30:00+07:00");
    }
}
