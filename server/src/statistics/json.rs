//! Biểu 06 as JSON for other systems: every column under a stable English
//! key, the derived totals and rates included, so a reader need not know
//! how the columns add up.

use app::statistics::bieu06::Bieu06Row;
use app::statistics::ReportView;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportJson {
    /// The agency reported on (its subtree included), code and name.
    pub agency_code: String,
    pub agency_name: String,
    /// The period, inclusive, `yyyy-mm-dd` (Vietnam time).
    pub from: String,
    pub to: String,
    /// What the rows are: `sector` or `agency`.
    pub by: &'static str,
    /// One row per sector or agency.
    pub rows: Vec<RowJson>,
    pub total: RowJson,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RowJson {
    /// The sector's or agency's code (empty for the totals) and name.
    pub code: String,
    pub name: String,
    pub received: i64,
    pub carried_over: i64,
    pub new_online: i64,
    pub new_counter_or_post: i64,
    pub resolved: i64,
    pub resolved_early: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub pending: i64,
    pub pending_within: i64,
    pub pending_overdue: i64,
    pub refused: i64,
    pub withdrawn: i64,
    pub stopped: i64,
    pub supplements_requested: i64,
    pub paid_online: i64,
    /// Whole đồng.
    pub paid_online_amount: i64,
    /// Percentages with one decimal; null when there is nothing to count.
    pub online_rate: Option<f64>,
    pub on_time_rate: Option<f64>,
    pub ratings: i64,
    pub satisfaction: Option<f64>,
}

impl From<&Bieu06Row> for RowJson {
    fn from(row: &Bieu06Row) -> Self {
        RowJson {
            code: row.code.clone(),
            name: row.name.clone(),
            received: row.received(),
            carried_over: row.carried_over,
            new_online: row.new_online,
            new_counter_or_post: row.new_counter,
            resolved: row.resolved(),
            resolved_early: row.resolved_early,
            resolved_on_time: row.resolved_on_time,
            resolved_late: row.resolved_late,
            pending: row.pending(),
            pending_within: row.pending_within,
            pending_overdue: row.pending_overdue,
            refused: row.refused,
            withdrawn: row.withdrawn,
            stopped: row.stopped,
            supplements_requested: row.supplements,
            paid_online: row.paid_online,
            paid_online_amount: row.paid_online_amount,
            online_rate: row.online_rate(),
            on_time_rate: row.on_time_rate(),
            ratings: row.ratings,
            satisfaction: row.satisfaction(),
        }
    }
}

pub fn render(view: &ReportView) -> ReportJson {
    ReportJson {
        agency_code: view.agency_code.clone(),
        agency_name: view.report.agency_name.clone(),
        from: view.from_input.clone(),
        to: view.to_input.clone(),
        by: view.report.by.as_api(),
        rows: view.report.rows.iter().map(RowJson::from).collect(),
        total: RowJson::from(&view.report.total),
    }
}
