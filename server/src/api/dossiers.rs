//! `GET /api/v1/dossiers/{code}?pin=`: the public tracking view as JSON.

use super::error::{ApiError, ApiErrorBody, ApiFailure};
use crate::access::client_ip::client_ip;
use crate::state::AppState;
use app::access::refusals;
use app::access::throttle::{self, Kind, Subject};
use app::dossiers::DossierCode;
use app::error::AppError;
use app::i18n::Lang;
use app::tracking::PublicDossier;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PinParam {
    /// The six-digit PIN printed on slip 01.
    pub pin: String,
}

/// A dossier's status and timeline for whoever holds its code and PIN; no
/// personal data. Wrong PINs are throttled per dossier and per address (429).
#[utoipa::path(
    get,
    path = "/api/v1/dossiers/{code}",
    params(("code" = String, Path, description = "Dossier code, e.g. 000.01.40.H34-261122-0001"), PinParam),
    responses(
        (status = 200, description = "The dossier", body = PublicDossier),
        (status = 400, description = "The PIN is missing, or the address carries a NUL byte", body = ApiErrorBody),
        (status = 404, description = "No dossier has this code and PIN", body = ApiErrorBody),
        (status = 429, description = "Too many wrong PINs; try later", body = ApiErrorBody),
    ),
    tag = "tracking"
)]
pub async fn get_dossier(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(params): Query<PinParam>,
    parts: Parts,
) -> Result<Response, ApiError> {
    let not_found = ApiError(AppError::NotFound);
    let code = DossierCode::parse(&code).ok_or(not_found.clone())?;
    let ip = client_ip(&parts, state.config.trusted_proxy);
    let subject = Subject::Dossier(code.as_str());
    let reservation = match throttle::reserve(&state.pool, Kind::TrackingPin, subject, ip).await? {
        Ok(reservation) => reservation,
        Err(_) => {
            return Ok(ApiFailure {
                status: StatusCode::TOO_MANY_REQUESTS,
                error: "too_many_attempts",
                vi: Lang::Vi.texts().filing.lookup_too_many,
                en: Lang::En.texts().filing.lookup_too_many,
            }
            .into_response());
        }
    };
    match app::tracking::store::public_dossier(
        &state.pool,
        code.as_str(),
        params.pin.trim(),
        Lang::Vi,
    )
    .await?
    {
        Some(dossier) => {
            reservation.succeeded(&state.pool).await?;
            Ok(Json(dossier).into_response())
        }
        None => {
            reservation.keep();
            // Nested under /api/v1: the path as asked is the original one.
            let route = parts
                .extensions
                .get::<OriginalUri>()
                .map_or(parts.uri.path(), |uri| uri.path());
            let refused = refusals::Refused {
                user_id: parts
                    .extensions
                    .get::<app::access::Visitor>()
                    .and_then(|visitor| visitor.user())
                    .map(|user| user.id),
                ip,
                route,
                object: &format!("dossier {} (wrong PIN)", code.as_str()),
                status: 404,
            };
            refusals::record(&state.pool, &refused).await?;
            Err(not_found)
        }
    }
}
