//! Gateways' server-to-server notifications (IPN). Each is kept as it
//! arrived, checked by the gateway's adapter, applied through
//! [`super::settle`] and answered in the gateway's terms (`RspCode`).

use super::gateway::VerifyError;
use super::settle::{self, Verdict};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};

/// `POST /api/v1/payments/sandbox/ipn?signature=`, a JSON body.
pub async fn sandbox_ipn(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    receive(&state, "sandbox", query.unwrap_or_default(), body).await
}

/// `GET /api/v1/payments/vnpay/ipn?vnp_…`.
pub async fn vnpay_ipn(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    receive(&state, "vnpay", query.unwrap_or_default(), Bytes::new()).await
}

async fn receive(state: &AppState, gateway_name: &str, query: String, body: Bytes) -> Response {
    let gateway = super::configured_gateway(state);
    if gateway.name() != gateway_name {
        return StatusCode::NOT_FOUND.into_response();
    }
    let raw = format!("{query}\n{}", String::from_utf8_lossy(&body));
    let (reference, verdict) = match gateway.verify(&query, &body) {
        Ok(report) => match settle::apply(state, gateway_name, &report).await {
            Ok(verdict) => (Some(report.reference), Some(verdict)),
            Err(error) => {
                tracing::error!(%error, "payment notification not applied");
                (Some(report.reference), None)
            }
        },
        Err(VerifyError::BadSignature) => (None, Some(Verdict::BadSignature)),
        Err(VerifyError::Malformed) => (None, None),
    };
    let recorded = record(
        state,
        gateway_name,
        reference.as_deref(),
        "ipn",
        &raw,
        verdict,
    )
    .await;
    if let Err(error) = recorded {
        tracing::error!(%error, "payment notification not kept for audit");
    }
    match verdict {
        Some(verdict) => {
            Json(serde_json::json!({ "RspCode": verdict.code(), "Message": verdict.message() }))
        }
        None => Json(serde_json::json!({ "RspCode": "99", "Message": "Unknown error" })),
    }
    .into_response()
}

/// Keeps what a gateway said and what the portal made of it.
pub async fn record(
    state: &AppState,
    gateway: &str,
    reference: Option<&str>,
    source: &str,
    raw: &str,
    verdict: Option<Verdict>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO payment_notifications (gateway, reference, source, raw, verdict) VALUES ($1, $2, $3, $4, $5)",
        gateway,
        reference,
        source,
        raw,
        verdict.map_or("error", Verdict::as_str),
    )
    .execute(&state.pool)
    .await?;
    Ok(())
}
