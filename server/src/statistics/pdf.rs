//! Biểu 06 as a PDF in the official layout: the letterhead of the agency,
//! the form number, title and period, "Đơn vị tính: hồ sơ", and the form's
//! table on landscape A4 (STT, its group headings over their columns, the
//! column numbers (1), (2), …), then the signature block; the portal's
//! further figures on a page of their own. Always in Vietnamese: it is the
//! agency's report.

use crate::documents::layout::{
    Align, Band, Cell as LayoutCell, Column, Document, DocumentError, HeaderGroup, Orientation,
    Style,
};
use crate::documents::letterhead::letterhead;
use app::i18n::{Lang, StatisticsTexts};
use app::money::grouped;
use app::statistics::bieu06::{Bieu06, Bieu06Row};
use app::statistics::columns::{self, percent_text, Cell, Column as ColumnHeading, Heading};
use chrono::NaiveDate;

/// Twenty columns of numbers fit a landscape page at this size.
const TABLE_SIZE: f32 = 7.5;

pub fn render(
    report: &Bieu06,
    place: &str,
    issued_on: NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let s = &Lang::Vi.texts().statistics;
    let mut doc = Document::oriented("Biểu 06", issued_on, Orientation::Landscape);
    letterhead(
        &mut doc,
        &report.agency_name,
        &format!("{}/BC", issued_on.format("%Y")),
        place,
        issued_on,
    );
    doc.text(s.form_number, Style::BODY.right().size(10.0));
    doc.text(&format!("BÁO CÁO {}", s.report_title), Style::TITLE);
    doc.text(
        &(s.caption)(&report.agency_name, &report.from, &report.to),
        Style::BODY.centered(),
    );
    doc.gap(2.0);

    doc.text(s.unit, Style::BODY.right().size(10.0));
    let form = columns::form_headings(s);
    let numbers = columns::column_numbers();
    let mut lines = vec![numbers.clone()];
    lines.extend(rows_of(report, columns::form_cells));
    table(&mut doc, s, report, &form, &lines, 0.2);
    if report.rows.is_empty() {
        doc.text(s.no_data, Style::BODY.centered());
    }
    signatures(&mut doc, s, place, issued_on);

    // The portal's further figures, apart from the form.
    doc.page_break();
    doc.text(s.extras_heading, Style::HEADING.centered());
    doc.text(s.extras_lead, Style::BODY.centered().size(10.0));
    doc.gap(2.0);
    let extras = columns::extra_headings(s);
    table(
        &mut doc,
        s,
        report,
        &extras,
        &rows_of(report, columns::extra_cells),
        0.23,
    );
    doc.finish()
}

/// Each line's STT (none for the totals), name and cells as text.
fn rows_of(report: &Bieu06, cells: fn(&Bieu06Row) -> Vec<Cell>) -> Vec<Vec<String>> {
    report
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (Some(index + 1), row))
        .chain(std::iter::once((None, &report.total)))
        .map(|(number, row)| {
            [
                number.map(|n| n.to_string()).unwrap_or_default(),
                row.name.clone(),
            ]
            .into_iter()
            .chain(cells(row).into_iter().map(|cell| match cell {
                Cell::Count(number) | Cell::Money(number) => grouped(number),
                Cell::Percent(value) => percent_text(value),
            }))
            .collect()
        })
        .collect()
}

/// STT, the rows' own column (`name_width` of the page) and `headings`
/// under their group titles. A column under a shared sub-heading (the
/// form's new dossiers by channel) takes its full name, on two lines.
fn table(
    doc: &mut Document,
    s: &StatisticsTexts,
    report: &Bieu06,
    headings: &[Heading],
    lines: &[Vec<String>],
    name_width: f32,
) {
    let mut groups = vec![
        HeaderGroup {
            title: None,
            span: 1,
        },
        HeaderGroup {
            title: None,
            span: 1,
        },
    ];
    let mut leaves = vec![
        Column {
            header: s.stt,
            width: 0.035,
            align: Align::Right,
        },
        Column {
            header: columns::row_heading(s, report.by),
            width: name_width,
            align: Align::Left,
        },
    ];
    let leaf = |column: &ColumnHeading| {
        if column.under.is_some() {
            column.full.clone()
        } else {
            column.short.to_string()
        }
    };
    let mut names: Vec<String> = Vec::new();
    for heading in headings {
        match heading {
            Heading::Single(single) => {
                groups.push(HeaderGroup {
                    title: None,
                    span: 1,
                });
                names.push(single.short.to_string());
            }
            Heading::Group { title, columns } => {
                groups.push(HeaderGroup {
                    title: Some(title),
                    span: columns.len(),
                });
                names.extend(columns.iter().map(leaf));
            }
        }
    }
    let width = (1.0 - 0.035 - name_width) / names.len() as f32;
    leaves.extend(names.iter().map(|name| Column {
        header: name,
        width,
        align: Align::Right,
    }));
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .map(|row| row.iter().map(String::as_str).collect())
        .collect();
    doc.grouped_table(&groups, &leaves, &rows, TABLE_SIZE);
}

/// Who drew the form up, and the head of the unit under the place and date.
fn signatures(doc: &mut Document, s: &StatisticsTexts, place: &str, issued_on: NaiveDate) {
    let date = (s.signed_on)(place, Some(issued_on));
    doc.gap(4.0);
    doc.row(&[LayoutCell::new(
        Band::RIGHT_HALF,
        Style::NOTE.centered(),
        &date,
    )]);
    doc.row(&[
        LayoutCell::new(Band::LEFT_HALF, Style::BODY.bold().centered(), s.preparer),
        LayoutCell::new(
            Band::RIGHT_HALF,
            Style::BODY.bold().centered(),
            s.head_of_unit,
        ),
    ]);
    doc.row(&[
        LayoutCell::new(Band::LEFT_HALF, Style::NOTE.centered(), s.preparer_hint),
        LayoutCell::new(Band::RIGHT_HALF, Style::NOTE.centered(), s.head_hint),
    ]);
}
