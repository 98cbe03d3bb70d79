//! One report, four formats: Biểu 06 exactly as `/thong-ke` shows it for
//! the same period and agency, as JSON, CSV, Excel or PDF.

use super::{csv, json, pdf, xlsx};
use crate::forms::unavailable;
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
/// a plain body.
pub fn respond(view: &ReportView, format: ExportFormat, lang: Lang, place: &str) -> Response {
    let bytes: Result<Vec<u8>, String> = match format {
        ExportFormat::Json => return Json(json::render(view)).into_response(),
        ExportFormat::Csv => Ok(csv::render(&view.report, lang).into_bytes()),
        ExportFormat::Xlsx => xlsx::render(&view.report, lang).map_err(|error| error.to_string()),
        ExportFormat::Pdf => {
            let issued_on = app::deadlines::parse_day(&view.to_input).unwrap_or_default();
            pdf::render(&view.report, place, issued_on).map_err(|error| error.to_string())
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return unavailable(error, lang),
    };
    let file_name = format!(
        "bieu-06-{}-{}-{}.{}",
        view.agency_code,
        view.from_input,
        view.to_input,
        format.extension()
    );
    (
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
