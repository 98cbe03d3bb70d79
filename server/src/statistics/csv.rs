//! `GET /thong-ke/bieu-06.csv?tu=&den=&co-quan=`: Biểu 06 as CSV, UTF-8
//! with a byte-order mark so Excel reads the Vietnamese right; numbers as
//! plain digits.

use crate::access::extractors::{Refusal, SignedIn};
use crate::forms::{unavailable, Asker};
use crate::state::AppState;
use app::error::AppError;
use app::statistics::bieu06::Bieu06Row;
use app::statistics::{report_for, ReportQuery};
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

pub async fn bieu06_csv(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let query = ReportQuery {
        from: query.get("tu").cloned(),
        to: query.get("den").cloned(),
        agency: query.get("co-quan").cloned(),
    };
    let view = match report_for(&state.pool, &user, &query, asker.lang).await {
        Ok(view) => view,
        Err(AppError::Unavailable) => {
            return unavailable("the report could not be read", asker.lang)
        }
        Err(error) => return Refusal::page(error, asker.lang).into_response(),
    };
    let s = &asker.lang.texts().statistics;
    let report = &view.report;
    let mut out = String::from("\u{feff}");
    line(
        &mut out,
        &[&(s.caption)(&report.agency_name, &report.from, &report.to)],
    );
    let headers = [
        s.sector,
        s.received,
        s.carried_over,
        s.new_online,
        s.new_counter,
        s.resolved,
        s.early,
        s.on_time,
        s.late,
        s.pending,
        s.within,
        s.overdue,
        s.refused,
        s.withdrawn,
        s.stopped,
        s.supplements,
        s.paid_online,
        "VND",
        s.online_rate,
        s.satisfaction,
    ];
    line(&mut out, &headers);
    for row in report.rows.iter().chain(std::iter::once(&report.total)) {
        line(
            &mut out,
            &cells(row).iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"bieu-06-{}-{}.csv\"",
                    view.from_input, view.to_input
                ),
            ),
        ],
        out,
    )
        .into_response()
}

fn cells(row: &Bieu06Row) -> Vec<String> {
    let percent = |value: Option<f64>| value.map(|value| value.to_string()).unwrap_or_default();
    let mut cells = vec![row.sector_name.clone()];
    cells.extend(
        row.counts()
            .into_iter()
            .chain([row.paid_online, row.paid_online_amount])
            .map(|count| count.to_string()),
    );
    cells.push(percent(row.online_rate()));
    cells.push(percent(row.satisfaction()));
    cells
}

/// One CSV line (RFC 4180 quoting).
fn line(out: &mut String, fields: &[&str]) {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.to_string()
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}
