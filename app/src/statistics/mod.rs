//! Statistics for managers (`/thong-ke`): Biểu 06 for a period and the
//! agencies in scope, on screen and as CSV. See [`bieu06`] for what each
//! column counts.

pub mod bieu06;
pub mod charts;
pub mod columns;
pub mod drill;
pub mod drill_page;
pub mod index_cards;
pub mod operations;
pub mod operations_page;
pub mod page;
pub mod period;
pub mod period_fields;
pub mod report_tables;
pub mod service_index;
#[cfg(feature = "ssr")]
pub mod store;

use bieu06::Bieu06;
use serde::{Deserialize, Serialize};

/// The report page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub report: Bieu06,
    pub charts: charts::ReportCharts,
    /// The service index's cards (empty in exports).
    pub index: Vec<service_index::GroupScore>,
    /// The agencies the manager may report on (code, name).
    pub agencies: Vec<(String, String)>,
    pub agency_code: String,
    /// As date inputs take them (`yyyy-mm-dd`).
    pub from_input: String,
    pub to_input: String,
    /// Why the period asked for was not used (reversed, unreadable).
    pub period_problem: Option<String>,
}

/// What a report asks for, as the page and the export both read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub agency: Option<String>,
    /// `linh-vuc` or `co-quan` (the API's `sector` or `agency`).
    pub by: Option<String>,
}

/// Biểu 06 for the signed-in manager (server only): the period asked for
/// (this month so far when none, or when it cannot be used, saying why),
/// the agency asked for when in scope (their own otherwise); with the
/// charts when the page shows them (the exports have none).
#[cfg(feature = "ssr")]
pub async fn report_for(
    pool: &sqlx::PgPool,
    user: &crate::access::SignedInUser,
    query: &ReportQuery,
    today: chrono::NaiveDate,
    lang: crate::i18n::Lang,
    with_charts: bool,
) -> crate::error::AppResult<ReportView> {
    use crate::access::Role;
    use crate::error::AppError;
    let scope = user.agencies_for(Role::Manager).to_vec();
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    let agencies: Vec<(String, String)> = sqlx::query!(
        "SELECT code, name FROM agencies WHERE id = ANY($1) ORDER BY id = $2 DESC, kind, name",
        &scope,
        user.agency_id.unwrap_or_default()
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.code, row.name))
    .collect();
    let agency_code = query
        .agency
        .clone()
        .filter(|code| agencies.iter().any(|(known, _)| known == code))
        .or_else(|| agencies.first().map(|(code, _)| code.clone()))
        .ok_or(AppError::Forbidden)?;
    let (period, period_problem) =
        period::Period::asked(query.from.as_deref(), query.to.as_deref(), today, lang);
    let (agency_name, ids) = store::subtree_in_scope(pool, &scope, &agency_code)
        .await?
        .ok_or(AppError::Forbidden)?;
    let by = bieu06::Breakdown::parse(query.by.as_deref());
    // The table, the charts and the index's own counts at once, each on
    // its own connection.
    let (rows, charts, inputs) = if with_charts {
        let (rows, charts, inputs) = tokio::try_join!(
            store::bieu06_rows(pool, &ids, period.from, period.to, by),
            store::report_charts(pool, &ids, period.from, period.to),
            store::index_inputs(pool, &ids, period.from, period.to),
        )?;
        (rows, charts, Some(inputs))
    } else {
        let rows = store::bieu06_rows(pool, &ids, period.from, period.to, by).await?;
        (rows, charts::ReportCharts::default(), None)
    };
    let total = bieu06::Bieu06Row::total(&rows, lang.texts().statistics.total_row);
    let index = inputs
        .map(|inputs| service_index::scores(&store::with_totals(inputs, &total)))
        .unwrap_or_default();
    Ok(ReportView {
        report: Bieu06 {
            from: period.from.format("%d/%m/%Y").to_string(),
            to: period.to.format("%d/%m/%Y").to_string(),
            agency_name,
            by,
            rows,
            total,
        },
        charts,
        index,
        agencies,
        agency_code,
        from_input: period.from.to_string(),
        to_input: period.to.to_string(),
        period_problem,
    })
}
