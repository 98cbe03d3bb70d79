//! `GET /thong-ke/dieu-hanh/phan-anh.xlsx?tu=&den=`: the field reports'
//! part of the operations view as a workbook, for the same people and the
//! same period as the page — today's figures per agency and category, the
//! open reports per commune, and each agency's outcomes over the period.
//! Every count is a number, the headings stay in view.

use crate::access::extractors::SignedIn;
use crate::errors::HandlerResult;
use crate::forms::Asker;
use crate::state::AppState;
use app::field_reports::operations::{store, AgencyOutcome, ReportOperations, ReportTally};
use app::i18n::{Lang, ReportOperationsTexts};
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;

pub async fn download(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
    Query(query): Query<HashMap<String, String>>,
) -> HandlerResult {
    let figures = store::report_operations(
        &state.pool,
        &user,
        query.get("tu").map(String::as_str),
        query.get("den").map(String::as_str),
        state.clock.now(),
        asker.lang,
    )
    .await?;
    let bytes = render(&figures, asker.lang, &state.config.place).map_err(anyhow::Error::from)?;
    let file_name = format!("phan-anh-{}-{}.xlsx", figures.from_input, figures.to_input);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

struct Formats {
    title: Format,
    header: Format,
    name: Format,
    total: Format,
    count: Format,
    total_count: Format,
    decimal: Format,
}

impl Formats {
    fn new() -> Formats {
        let bordered = Format::new().set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: bordered
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xDDE7F3)),
            name: bordered.clone().set_text_wrap(),
            total: bordered.clone().set_bold(),
            count: bordered.clone().set_num_format("#,##0"),
            total_count: bordered.clone().set_bold().set_num_format("#,##0"),
            decimal: bordered.set_num_format("0.0"),
        }
    }
}

pub fn render(figures: &ReportOperations, lang: Lang, place: &str) -> Result<Vec<u8>, XlsxError> {
    let r = &lang.texts().report_operations;
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    today_sheet(workbook.add_worksheet(), figures, r, &formats, place)?;
    communes_sheet(workbook.add_worksheet(), figures, r, &formats)?;
    outcomes_sheet(workbook.add_worksheet(), figures, r, &formats)?;
    workbook.save_to_buffer()
}

/// Writes the heading row at `row` and keeps it (and what is above) in view.
fn headings(
    sheet: &mut Worksheet,
    row: u32,
    names: &[&str],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (column, name) in names.iter().enumerate() {
        sheet.write_string_with_format(row, column as u16, *name, &formats.header)?;
    }
    sheet.set_column_width(0, 42)?;
    for column in 1..names.len() {
        sheet.set_column_width(column as u16, 16)?;
    }
    Ok(())
}

fn tally_row(
    sheet: &mut Worksheet,
    row: u32,
    tally: &ReportTally,
    name: &str,
    bold: bool,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let (name_format, count_format) = if bold {
        (&formats.total, &formats.total_count)
    } else {
        (&formats.name, &formats.count)
    };
    sheet.write_string_with_format(row, 0, name, name_format)?;
    for (column, value) in [
        tally.new_today,
        tally.resolved_today,
        tally.open,
        tally.overdue,
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_number_with_format(row, column as u16 + 1, value as f64, count_format)?;
    }
    Ok(())
}

/// Today, per agency then per category, each table with its total.
fn today_sheet(
    sheet: &mut Worksheet,
    figures: &ReportOperations,
    r: &ReportOperationsTexts,
    formats: &Formats,
    place: &str,
) -> Result<(), XlsxError> {
    sheet.set_name(r.sheet_today)?;
    sheet.write_string_with_format(
        0,
        0,
        (r.workbook_title)(place, &figures.today),
        &formats.title,
    )?;
    let mut row = 2;
    for (first, tallies) in [
        (r.agency, &figures.by_agency),
        (r.category, &figures.by_category),
    ] {
        headings(
            sheet,
            row,
            &[first, r.new_today, r.resolved_today, r.open, r.overdue],
            formats,
        )?;
        row += 1;
        for tally in tallies {
            tally_row(sheet, row, tally, &tally.name, false, formats)?;
            row += 1;
        }
        tally_row(sheet, row, &figures.total, r.total, true, formats)?;
        row += 2;
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

fn communes_sheet(
    sheet: &mut Worksheet,
    figures: &ReportOperations,
    r: &ReportOperationsTexts,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(r.sheet_communes)?;
    sheet.write_string_with_format(0, 0, r.by_commune, &formats.title)?;
    headings(sheet, 2, &[r.commune, r.open, r.overdue], formats)?;
    for (row, tally) in (3..).zip(&figures.by_commune) {
        sheet.write_string_with_format(row, 0, &tally.name, &formats.name)?;
        sheet.write_number_with_format(row, 1, tally.open as f64, &formats.count)?;
        sheet.write_number_with_format(row, 2, tally.overdue as f64, &formats.count)?;
    }
    sheet.set_freeze_panes(3, 1)?;
    Ok(())
}

fn outcomes_sheet(
    sheet: &mut Worksheet,
    figures: &ReportOperations,
    r: &ReportOperationsTexts,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(r.sheet_outcomes)?;
    sheet.write_string_with_format(0, 0, r.outcomes, &formats.title)?;
    sheet.write_string(1, 0, figures.period_caption(r))?;
    headings(
        sheet,
        3,
        &[
            r.agency,
            r.resolved,
            r.on_time,
            r.on_time_rate,
            r.ratings,
            r.average_rating,
        ],
        formats,
    )?;
    for (row, outcome) in (4..).zip(&figures.outcomes) {
        outcome_row(sheet, row, outcome, formats)?;
    }
    sheet.set_freeze_panes(4, 1)?;
    Ok(())
}

fn outcome_row(
    sheet: &mut Worksheet,
    row: u32,
    outcome: &AgencyOutcome,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, 0, &outcome.agency, &formats.name)?;
    sheet.write_number_with_format(row, 1, outcome.resolved as f64, &formats.count)?;
    sheet.write_number_with_format(row, 2, outcome.on_time as f64, &formats.count)?;
    // No rate or average without anything to take it of: an empty cell,
    // not a zero that reads as a bad score.
    match outcome.on_time_percent() {
        Some(rate) => sheet.write_number_with_format(row, 3, rate, &formats.decimal)?,
        None => sheet.write_blank(row, 3, &formats.decimal)?,
    };
    sheet.write_number_with_format(row, 4, outcome.ratings as f64, &formats.count)?;
    match outcome.average_rating {
        Some(average) => sheet.write_number_with_format(row, 5, average, &formats.decimal)?,
        None => sheet.write_blank(row, 5, &formats.decimal)?,
    };
    Ok(())
}
