//! `GET /api/v1/reports/bieu-06?from=&to=&agency=&format=`: Biểu 06 for
//! managers, the same numbers as `/thong-ke`, as JSON (default), CSV,
//! Excel or PDF. Signed in with a session, or with an API token an
//! administrator issued (`Authorization: Bearer mc_…`), acting as the
//! manager it was issued for and seeing only their agencies.

use super::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use crate::statistics::exports::{respond, ExportFormat};
use app::access::Visitor;
use app::error::AppError;
use app::i18n::Lang;
use app::statistics::{report_for, ReportQuery};
use axum::extract::{Query, State};
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// First day, `yyyy-mm-dd` (default: the first of this month).
    #[param(format = Date)]
    pub from: Option<String>,
    /// Last day, `yyyy-mm-dd` (default: today).
    #[param(format = Date)]
    pub to: Option<String>,
    /// Agency code; the report covers it and the agencies below it
    /// (default: the manager's own agency).
    pub agency: Option<String>,
    /// `json` (default), `csv`, `xlsx` or `pdf`.
    #[param(pattern = "^(json|csv|xlsx|pdf)$")]
    pub format: Option<String>,
    /// Rows per `sector` (default) or per `agency` of the subtree.
    #[param(pattern = "^(sector|agency)$")]
    pub by: Option<String>,
}

/// Biểu 06 for a period and an agency subtree in the manager's scope.
#[utoipa::path(
    get,
    path = "/api/v1/reports/bieu-06",
    params(ReportParams),
    responses(
        (status = 200, description = "The report (JSON here; a file for the other formats)", body = crate::statistics::json::ReportJson),
        (status = 400, description = "Unknown format, an unreadable period, or a NUL byte in the address", body = ApiErrorBody),
        (status = 401, description = "No session and no valid API token", body = ApiErrorBody),
        (status = 403, description = "Not a manager, or the agency is outside their scope", body = ApiErrorBody),
    ),
    security(("api_token" = [])),
    tag = "statistics"
)]
pub async fn bieu06(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let format = ExportFormat::parse(params.format.as_deref().unwrap_or("json"))
        .ok_or(AppError::BadRequest)?;
    let user = visitor.0.ok_or(AppError::SignInRequired)?;
    let query = ReportQuery {
        from: params.from,
        to: params.to,
        agency: params.agency,
        by: params.by,
    };
    // An agency outside the scope is refused here, where the page would
    // quietly show the manager's own: a program should not get other
    // numbers than it asked for.
    let view = report_for(
        &state.pool,
        &user,
        &query,
        state.clock.today_in_vietnam(),
        Lang::Vi,
        false,
    )
    .await?;
    if query
        .agency
        .as_deref()
        .is_some_and(|asked| asked != view.agency_code)
    {
        return Err(AppError::Forbidden.into());
    }
    if view.period_problem.is_some() {
        return Err(AppError::BadRequest.into());
    }
    respond(&view, format, Lang::Vi, &state.config.place).map_err(|error| {
        tracing::error!(
            error = format!("{error:#}"),
            "the report file could not be written"
        );
        AppError::Internal.into()
    })
}
