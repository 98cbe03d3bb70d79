//! `GET /api/v1/procedures` and `GET /api/v1/procedures/{code}`.

use super::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use app::catalogue::model::{ProcedureDetail, ProcedurePage};
use app::catalogue::query::{CatalogueQuery, RawCatalogueParams};
use app::catalogue::store;
use app::error::AppError;
use axum::extract::{Path, Query, State};
use axum::Json;

/// Searches the procedures in force today, best match first.
#[utoipa::path(
    get,
    path = "/api/v1/procedures",
    params(RawCatalogueParams),
    responses(
        (status = 200, description = "A page of procedures", body = ProcedurePage),
        (status = 400, description = "The address carries a NUL byte", body = ApiErrorBody),
    ),
    tag = "catalogue"
)]
pub async fn list_procedures(
    State(state): State<AppState>,
    Query(params): Query<RawCatalogueParams>,
) -> Result<Json<ProcedurePage>, ApiError> {
    let query = CatalogueQuery::from_api_params(&params);
    Ok(Json(store::search(&state.pool, &query).await?))
}

/// One procedure with its documents, fees, processing time, cut-off and online level.
#[utoipa::path(
    get,
    path = "/api/v1/procedures/{code}",
    params(("code" = String, Path, description = "National procedure code, e.g. 1.001193")),
    responses(
        (status = 200, description = "The procedure", body = ProcedureDetail),
        (status = 400, description = "The address carries a NUL byte", body = ApiErrorBody),
        (status = 404, description = "No procedure has this code", body = ApiErrorBody),
    ),
    tag = "catalogue"
)]
pub async fn get_procedure(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<ProcedureDetail>, ApiError> {
    store::find_by_code(&state.pool, code.trim(), state.clock.now_in_vietnam())
        .await?
        .map(Json)
        .ok_or(ApiError(AppError::NotFound))
}

/// The appointment for a dossier of this procedure received at a moment.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct AppointmentAnswer {
    pub procedure_code: String,
    /// The receipt moment, in Vietnam time (RFC 3339).
    pub received_at: String,
    /// The working day the dossier counts as received on (`YYYY-MM-DD`).
    pub counted_from: String,
    /// The appointment date (`YYYY-MM-DD`).
    pub appointment_date: String,
    /// The moment the result is due, Vietnam time (RFC 3339).
    pub due_at: String,
    /// The appointment lies in a year whose public holidays are only
    /// proposed (from the Labour Code), not yet confirmed: it may move.
    pub provisional: bool,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AppointmentParams {
    /// When the dossier is received, RFC 3339 (e.g. `2026-02-13T09:30:00+07:00`); default now.
    #[param(format = DateTime)]
    pub received_at: Option<String>,
    /// The receiving agency's electronic code (e.g. `000.01.40.H34`): its
    /// office hours count the working hours; default 08:00–12:00, 13:00–17:00.
    pub agency: Option<String>,
}

/// When the result of a dossier received at `received_at` is due: working days
/// skip weekends and holidays, count make-up days, and respect the cut-off.
#[utoipa::path(
    get,
    path = "/api/v1/procedures/{code}/appointment",
    params(("code" = String, Path, description = "National procedure code"), AppointmentParams),
    responses(
        (status = 200, description = "The appointment", body = AppointmentAnswer),
        (status = 400, description = "received_at is not RFC 3339", body = ApiErrorBody),
        (status = 404, description = "No procedure or agency has this code", body = ApiErrorBody),
    ),
    tag = "catalogue"
)]
pub async fn get_appointment(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(params): Query<AppointmentParams>,
) -> Result<Json<AppointmentAnswer>, ApiError> {
    let received = match params.received_at.as_deref().map(str::trim) {
        None => state.clock.now(),
        Some(text) => chrono::DateTime::parse_from_rfc3339(text)
            .map_err(|_| ApiError(AppError::BadRequest))?
            .with_timezone(&chrono::Utc),
    };
    let procedure = store::find_by_code(&state.pool, code.trim(), state.clock.now_in_vietnam())
        .await?
        .ok_or(ApiError(AppError::NotFound))?;
    // In the office hours of the agency asked about, if any.
    let hours = match params.agency.as_deref().map(str::trim) {
        Some(agency) if !agency.is_empty() => sqlx::query_scalar!(
            "SELECT array_to_string(office_hours, ',') AS \"hours!\" FROM agencies WHERE code = $1",
            agency
        )
        .fetch_optional(&state.pool)
        .await?
        .ok_or(ApiError(AppError::NotFound))?,
        _ => String::new(),
    };
    let calendar = app::deadlines::store::working_calendar(&state.pool)
        .await?
        .with_periods(app::deadlines::office_hours::parse_office_hours(&hours).unwrap_or_default());
    let local = app::deadlines::vietnam_local(received);
    let appointment = app::deadlines::appointment(
        &calendar,
        local,
        procedure.processing_time.into(),
        app::deadlines::parse_cutoff(procedure.cutoff.as_deref()),
    );
    Ok(Json(AppointmentAnswer {
        procedure_code: procedure.code,
        received_at: format!("{}+07:00", local.format("%Y-%m-%dT%H:%M:%S")),
        counted_from: appointment.counted_from.to_string(),
        appointment_date: appointment.due.date().to_string(),
        due_at: format!("{}+07:00", appointment.due.format("%Y-%m-%dT%H:%M:%S")),
        provisional: calendar.is_provisional(appointment.due.date()),
    }))
}
