//! Biểu 06 as an Excel workbook, laid out like the official template: a
//! title, the agency and the period, a two-line header whose group
//! headings are merged over their columns (and single headings over both
//! lines), frozen so it stays in view; every count and amount a number,
//! not text, so the manager can add and chart them.

use app::i18n::Lang;
use app::statistics::bieu06::Bieu06;
use app::statistics::columns::{self, Cell, Heading};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// The rows above the table: form number, title, agency and period.
const TITLE_ROWS: u32 = 4;

pub fn render(report: &Bieu06, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let s = &lang.texts().statistics;
    let headings = columns::headings(s);
    let leaves = columns::columns(s).len() as u16;
    let last_column = leaves; // column 0 names the row's sector or agency

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Bieu 06")?;

    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let centered = Format::new().set_align(FormatAlign::Center);
    let italic_right = Format::new().set_italic().set_align(FormatAlign::Right);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xDDE7F3));
    let name = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let count = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("#,##0");
    let percent = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0.0");
    let bold = |format: &Format| format.clone().set_bold();

    sheet.write_string_with_format(0, last_column, s.form_number, &italic_right)?;
    sheet.merge_range(1, 0, 1, last_column, s.report_title, &title)?;
    sheet.merge_range(
        2,
        0,
        2,
        last_column,
        &(s.caption)(&report.agency_name, &report.from, &report.to),
        &centered,
    )?;

    // Two header lines; a single heading spans both.
    let (upper, lower) = (TITLE_ROWS, TITLE_ROWS + 1);
    sheet.merge_range(
        upper,
        0,
        lower,
        0,
        columns::row_heading(s, report.by),
        &header,
    )?;
    let mut column: u16 = 1;
    for heading in &headings {
        match heading {
            Heading::Single(single) => {
                sheet.merge_range(upper, column, lower, column, &single.full, &header)?;
                column += 1;
            }
            Heading::Group { title, columns } => {
                let last = column + columns.len() as u16 - 1;
                sheet.merge_range(upper, column, upper, last, title, &header)?;
                for (offset, part) in columns.iter().enumerate() {
                    sheet.write_string_with_format(
                        lower,
                        column + offset as u16,
                        part.short,
                        &header,
                    )?;
                }
                column = last + 1;
            }
        }
    }
    sheet.set_row_height(lower, 45)?;
    sheet.set_freeze_panes(lower + 1, 1)?;
    sheet.set_column_width(0, 34)?;
    for column in 1..=last_column {
        sheet.set_column_width(column, 12)?;
    }

    let total = std::iter::once((&report.total, true));
    let lines = report.rows.iter().map(|row| (row, false)).chain(total);
    for (at, (row, is_total)) in (lower + 1..).zip(lines) {
        let (name, count, percent) = if is_total {
            (bold(&name), bold(&count), bold(&percent))
        } else {
            (name.clone(), count.clone(), percent.clone())
        };
        sheet.write_string_with_format(at, 0, &row.name, &name)?;
        for (offset, cell) in columns::cells(row).into_iter().enumerate() {
            let column = 1 + offset as u16;
            match cell {
                Cell::Count(number) | Cell::Money(number) => {
                    sheet.write_number_with_format(at, column, number as f64, &count)?
                }
                Cell::Percent(Some(value)) => {
                    sheet.write_number_with_format(at, column, value, &percent)?
                }
                Cell::Percent(None) => sheet.write_blank(at, column, &percent)?,
            };
        }
    }
    workbook.save_to_buffer()
}
