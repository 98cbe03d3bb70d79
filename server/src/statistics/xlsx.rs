//! Biểu 06 as an Excel workbook, laid out like the form (Circular
//! 01/2018/TT-VPCP, Biểu 06; docs/legal-basis.md "Statistics"): the
//! reporting unit and the form number, the title and the period, "Đơn vị
//! tính: hồ sơ", the STT column, headings on three lines merged over their
//! columns (received: carried over, new in the period online / at the
//! counter or by post; resolved: early, on time, late; pending: within,
//! overdue), the column numbers (1), (2), …, a line per sector or agency
//! and the totals, then the signature block (người lập biểu, thủ trưởng
//! đơn vị). Every count is a number, not text, and the header stays in
//! view. The portal's further figures (refusals, supplements, payments,
//! rates) are on a sheet of their own, never inside the form.

use app::i18n::{Lang, StatisticsTexts};
use app::statistics::bieu06::{Bieu06, Bieu06Row};
use app::statistics::columns::{self, Cell, Heading};
use chrono::NaiveDate;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// The form sheet's lines: unit and form number, title, caption, "Đơn vị
/// tính", three heading lines, the column numbers; the rows begin after.
const HEADING_TOP: u32 = 4;
const NUMBERS_ROW: u32 = HEADING_TOP + 3;
/// The further figures' sheet: title, caption, a blank, two heading lines.
const EXTRAS_TOP: u32 = 3;

struct Formats {
    title: Format,
    centered: Format,
    italic_right: Format,
    bold: Format,
    header: Format,
    numbers: Format,
    name: Format,
    count: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        let bordered = Format::new().set_border(FormatBorder::Thin);
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            centered: Format::new().set_align(FormatAlign::Center),
            italic_right: Format::new().set_italic().set_align(FormatAlign::Right),
            bold: Format::new().set_bold().set_align(FormatAlign::Center),
            header: bordered
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDE7F3)),
            numbers: bordered.clone().set_italic().set_align(FormatAlign::Center),
            name: bordered.clone().set_text_wrap(),
            count: bordered.clone().set_num_format("#,##0"),
            percent: bordered.set_num_format("0.0"),
        }
    }
}

pub fn render(
    report: &Bieu06,
    lang: Lang,
    place: &str,
    issued_on: NaiveDate,
) -> Result<Vec<u8>, XlsxError> {
    let s = &lang.texts().statistics;
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    form_sheet(
        workbook.add_worksheet(),
        report,
        s,
        &formats,
        place,
        issued_on,
    )?;
    extras_sheet(workbook.add_worksheet(), report, s, &formats)?;
    workbook.save_to_buffer()
}

/// A merged range, or the one cell when it is only one.
fn put(
    sheet: &mut Worksheet,
    (top, left, bottom, right): (u32, u16, u32, u16),
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if top == bottom && left == right {
        sheet.write_string_with_format(top, left, text, format)?;
    } else {
        sheet.merge_range(top, left, bottom, right, text, format)?;
    }
    Ok(())
}

/// The headings from `column` on, between lines `top` and `bottom`: a
/// group's title on the top line, a shared sub-heading (`under`) on the
/// next when there are three lines, each column's own on the last; a
/// heading with nothing above or below it spans down to the last line.
fn write_headings(
    sheet: &mut Worksheet,
    headings: &[Heading],
    (top, bottom): (u32, u32),
    mut column: u16,
    header: &Format,
) -> Result<u16, XlsxError> {
    for heading in headings {
        match heading {
            Heading::Single(single) => {
                put(sheet, (top, column, bottom, column), &single.full, header)?;
                column += 1;
            }
            Heading::Group { title, columns } => {
                let last = column + columns.len() as u16 - 1;
                put(sheet, (top, column, top, last), title, header)?;
                let mut index = 0;
                while index < columns.len() {
                    let at = column + index as u16;
                    match columns[index].under.filter(|_| bottom >= top + 2) {
                        Some(under) => {
                            let run = columns[index..]
                                .iter()
                                .take_while(|part| part.under == Some(under))
                                .count();
                            put(
                                sheet,
                                (top + 1, at, top + 1, at + run as u16 - 1),
                                under,
                                header,
                            )?;
                            for (offset, part) in columns[index..index + run].iter().enumerate() {
                                put(
                                    sheet,
                                    (bottom, at + offset as u16, bottom, at + offset as u16),
                                    part.short,
                                    header,
                                )?;
                            }
                            index += run;
                        }
                        None => {
                            put(
                                sheet,
                                (top + 1, at, bottom, at),
                                columns[index].short,
                                header,
                            )?;
                            index += 1;
                        }
                    }
                }
                column = last + 1;
            }
        }
    }
    Ok(column)
}

/// The report's lines and its totals, each with its STT (none for the
/// totals), from line `first`; returns the line after the last.
fn write_rows(
    sheet: &mut Worksheet,
    report: &Bieu06,
    first: u32,
    formats: &Formats,
    cells: fn(&Bieu06Row) -> Vec<Cell>,
) -> Result<u32, XlsxError> {
    let lines = report
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (Some(index + 1), row))
        .chain(std::iter::once((None, &report.total)));
    let mut at = first;
    for (number, row) in lines {
        let bold = |format: &Format| match number {
            None => format.clone().set_bold(),
            Some(_) => format.clone(),
        };
        match number {
            Some(number) => {
                sheet.write_number_with_format(at, 0, number as f64, &bold(&formats.count))?
            }
            None => sheet.write_blank(at, 0, &formats.count)?,
        };
        sheet.write_string_with_format(at, 1, &row.name, &bold(&formats.name))?;
        for (offset, cell) in cells(row).into_iter().enumerate() {
            let column = 2 + offset as u16;
            match cell {
                Cell::Count(number) | Cell::Money(number) => sheet.write_number_with_format(
                    at,
                    column,
                    number as f64,
                    &bold(&formats.count),
                )?,
                Cell::Percent(Some(value)) => {
                    sheet.write_number_with_format(at, column, value, &bold(&formats.percent))?
                }
                Cell::Percent(None) => sheet.write_blank(at, column, &formats.percent)?,
            };
        }
        at += 1;
    }
    Ok(at)
}

fn form_sheet(
    sheet: &mut Worksheet,
    report: &Bieu06,
    s: &StatisticsTexts,
    formats: &Formats,
    place: &str,
    issued_on: NaiveDate,
) -> Result<(), XlsxError> {
    sheet.set_name("Bieu 06")?;
    let last = 1 + columns::FORM_COUNTS as u16;
    let left_half = last / 2 - 1;
    put(
        sheet,
        (0, 0, 0, left_half),
        &(s.reporting_unit)(&report.agency_name),
        &formats.bold,
    )?;
    put(
        sheet,
        (0, left_half + 2, 0, last),
        s.form_number,
        &formats.italic_right,
    )?;
    put(sheet, (1, 0, 1, last), s.report_title, &formats.title)?;
    put(
        sheet,
        (2, 0, 2, last),
        &(s.caption)(&report.agency_name, &report.from, &report.to),
        &formats.centered,
    )?;
    put(sheet, (3, last - 3, 3, last), s.unit, &formats.italic_right)?;

    let bottom = HEADING_TOP + 2;
    put(sheet, (HEADING_TOP, 0, bottom, 0), s.stt, &formats.header)?;
    put(
        sheet,
        (HEADING_TOP, 1, bottom, 1),
        columns::row_heading(s, report.by),
        &formats.header,
    )?;
    write_headings(
        sheet,
        &columns::form_headings(s),
        (HEADING_TOP, bottom),
        2,
        &formats.header,
    )?;
    for (column, number) in (0u16..).zip(columns::column_numbers()) {
        sheet.write_string_with_format(NUMBERS_ROW, column, &number, &formats.numbers)?;
    }
    sheet.set_row_height(bottom, 30)?;
    sheet.set_freeze_panes(NUMBERS_ROW + 1, 2)?;
    sheet.set_column_width(0, 5)?;
    sheet.set_column_width(1, 34)?;
    for column in 2..=last {
        sheet.set_column_width(column, 11)?;
    }
    let after = write_rows(sheet, report, NUMBERS_ROW + 1, formats, columns::form_cells)?;

    // The signature block: who drew the form up, and the head of the unit
    // under the place and date.
    let signed = after + 1;
    let date = Some(issued_on);
    let right = (left_half + 2, last);
    put(
        sheet,
        (signed, right.0, signed, right.1),
        &(s.signed_on)(place, date),
        &formats.centered.clone().set_italic(),
    )?;
    put(
        sheet,
        (signed + 1, 0, signed + 1, left_half),
        s.preparer,
        &formats.bold,
    )?;
    put(
        sheet,
        (signed + 1, right.0, signed + 1, right.1),
        s.head_of_unit,
        &formats.bold,
    )?;
    put(
        sheet,
        (signed + 2, 0, signed + 2, left_half),
        s.preparer_hint,
        &formats.centered.clone().set_italic(),
    )?;
    put(
        sheet,
        (signed + 2, right.0, signed + 2, right.1),
        s.head_hint,
        &formats.centered.clone().set_italic(),
    )?;
    Ok(())
}

fn extras_sheet(
    sheet: &mut Worksheet,
    report: &Bieu06,
    s: &StatisticsTexts,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(s.extras_sheet)?;
    let headings = columns::extra_headings(s);
    let last = 1 + columns::flatten(headings.clone()).len() as u16;
    put(sheet, (0, 0, 0, last), s.extras_heading, &formats.title)?;
    put(
        sheet,
        (1, 0, 1, last),
        &(s.caption)(&report.agency_name, &report.from, &report.to),
        &formats.centered,
    )?;
    let bottom = EXTRAS_TOP + 1;
    put(sheet, (EXTRAS_TOP, 0, bottom, 0), s.stt, &formats.header)?;
    put(
        sheet,
        (EXTRAS_TOP, 1, bottom, 1),
        columns::row_heading(s, report.by),
        &formats.header,
    )?;
    write_headings(sheet, &headings, (EXTRAS_TOP, bottom), 2, &formats.header)?;
    sheet.set_row_height(bottom, 30)?;
    sheet.set_freeze_panes(bottom + 1, 2)?;
    sheet.set_column_width(0, 5)?;
    sheet.set_column_width(1, 34)?;
    for column in 2..=last {
        sheet.set_column_width(column, 13)?;
    }
    write_rows(sheet, report, bottom + 1, formats, columns::extra_cells)?;
    Ok(())
}
