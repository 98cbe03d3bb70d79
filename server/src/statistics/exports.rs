//! One report, four formats: Biểu 06 exactly as `/thong-ke` shows it for
//! the same period and agency, as JSON, CSV, Excel or PDF.

use super::{csv, json, pdf, xlsx};
use app::i18n::Lang;
use app::statistics::ReportView;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    Xlsx,
    Pdf,
}

impl ExportFormat {
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            "pdf" => Some(ExportFormat::Pdf),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Pdf => "pdf",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            ExportFormat::Pdf => "application/pdf",
        }
    }
}

/// The report as a download named after the agency and the period
/// (`bieu-06-000.01.40.H34-2026-10-01-2026-12-31.xlsx`); JSON answers as
/// a plain body. A file that cannot be written is a fault of ours.
pub fn respond(
    view: &ReportView,
    format: ExportFormat,
    lang: Lang,
    place: &str,
) -> anyhow::Result<Response> {
    // Dated the period's last day, as the report drawn up for it.
    let issued_on = app::deadlines::parse_day(&view.to_input).unwrap_or_default();
    let bytes = match format {
        ExportFormat::Json => return Ok(Json(json::render(view)).into_response()),
        ExportFormat::Csv => csv::render(&view.report, lang).into_bytes(),
        ExportFormat::Xlsx => xlsx::render(&view.report, lang, place, issued_on)?,
        ExportFormat::Pdf => pdf::render(&view.report, place, issued_on)?,
    };
    let file_name = format!(
        "bieu-06-{}-{}-{}.{}",
        view.agency_code,
        view.from_input,
        view.to_input,
        format.extension()
    );
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
