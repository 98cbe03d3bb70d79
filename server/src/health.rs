//! `GET /health`: is this instance able to serve? Load balancers ask this.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use sqlx::PgPool;
use std::time::Duration;

#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    status: &'static str,
    database: &'static str,
}

/// Reports 200 when the database answers within two seconds, 503 otherwise.
#[utoipa::path(get, path = "/health", responses(
    (status = 200, description = "Ready", body = Health),
    (status = 503, description = "The database does not answer", body = Health),
))]
pub async fn health(State(pool): State<PgPool>) -> (StatusCode, Json<Health>) {
    let ping = sqlx::query_scalar!("SELECT 1 AS \"one!\"").fetch_one(&pool);
    match tokio::time::timeout(Duration::from_secs(2), ping).await {
        Ok(Ok(_)) => (
            StatusCode::OK,
            Json(Health {
                status: "ok",
                database: "ok",
            }),
        ),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(Health {
                status: "unavailable",
                database: "unavailable",
            }),
        ),
    }
}
