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
    responses((status = 200, description = "A page of procedures", body = ProcedurePage)),
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
        (status = 404, description = "No procedure has this code", body = ApiErrorBody),
    ),
    tag = "catalogue"
)]
pub async fn get_procedure(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<ProcedureDetail>, ApiError> {
    store::find_by_code(&state.pool, code.trim())
        .await?
        .map(Json)
        .ok_or(ApiError(AppError::NotFound))
}
