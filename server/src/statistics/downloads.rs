//! `GET /thong-ke/bieu-06.{csv,xlsx,pdf}?tu=&den=&co-quan=&theo=`: the report on
//! `/thong-ke` as a file, for the same period and agency (the page's
//! download links carry its query).

use super::exports::{respond, ExportFormat};
use crate::access::extractors::SignedIn;
use crate::errors::HandlerResult;
use crate::forms::Asker;
use crate::state::AppState;
use app::statistics::{report_for, ReportQuery};
use axum::extract::{Query, State};
use std::collections::HashMap;

pub async fn csv(
    state: State<AppState>,
    asker: Asker,
    user: SignedIn,
    query: Query<HashMap<String, String>>,
) -> HandlerResult {
    download(state, asker, user, query, ExportFormat::Csv).await
}

pub async fn xlsx(
    state: State<AppState>,
    asker: Asker,
    user: SignedIn,
    query: Query<HashMap<String, String>>,
) -> HandlerResult {
    download(state, asker, user, query, ExportFormat::Xlsx).await
}

pub async fn pdf(
    state: State<AppState>,
    asker: Asker,
    user: SignedIn,
    query: Query<HashMap<String, String>>,
) -> HandlerResult {
    download(state, asker, user, query, ExportFormat::Pdf).await
}

async fn download(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
    Query(query): Query<HashMap<String, String>>,
    format: ExportFormat,
) -> HandlerResult {
    let query = ReportQuery {
        from: query.get("tu").cloned(),
        to: query.get("den").cloned(),
        agency: query.get("co-quan").cloned(),
        by: query.get("theo").cloned(),
    };
    let view = report_for(
        &state.pool,
        &user,
        &query,
        state.clock.today_in_vietnam(),
        asker.lang,
        false,
    )
    .await?;
    Ok(respond(&view, format, asker.lang, &state.config.place)?)
}
