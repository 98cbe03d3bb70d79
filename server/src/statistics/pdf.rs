//! Biểu 06 as a PDF in the official layout: the letterhead of the agency,
//! the form number, title and period, and the table on landscape A4 with
//! its group headings over their columns, as the paper template has it.
//! Always in Vietnamese: it is the agency's report.

use crate::documents::layout::{
    Align, Column, Document, DocumentError, HeaderGroup, Orientation, Style,
};
use crate::documents::letterhead::letterhead;
use app::i18n::Lang;
use app::money::grouped;
use app::statistics::bieu06::Bieu06;
use app::statistics::columns::{self, percent_text, Cell, Heading};
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

    let headings = columns::headings(s);
    let mut groups = vec![HeaderGroup {
        title: None,
        span: 1,
    }];
    let mut leaves = vec![Column {
        header: columns::row_heading(s, report.by),
        width: 0.09,
        align: Align::Left,
    }];
    for heading in &headings {
        match heading {
            Heading::Single(single) => {
                groups.push(HeaderGroup {
                    title: None,
                    span: 1,
                });
                leaves.push(number_column(single.short));
            }
            Heading::Group { title, columns } => {
                groups.push(HeaderGroup {
                    title: Some(title),
                    span: columns.len(),
                });
                leaves.extend(columns.iter().map(|column| number_column(column.short)));
            }
        }
    }
    // The amount needs room for billions of đồng, the rates for "100,0%".
    for column in leaves.iter_mut() {
        if column.header == s.amount {
            column.width = 0.075;
        } else if column.header == s.online_rate || column.header == s.satisfaction {
            column.width = 0.05;
        }
    }
    let texts: Vec<Vec<String>> = report
        .rows
        .iter()
        .chain(std::iter::once(&report.total))
        .map(|row| {
            std::iter::once(row.name.clone())
                .chain(columns::cells(row).into_iter().map(|cell| match cell {
                    Cell::Count(number) | Cell::Money(number) => grouped(number),
                    Cell::Percent(value) => percent_text(value),
                }))
                .collect()
        })
        .collect();
    let rows: Vec<Vec<&str>> = texts
        .iter()
        .map(|row| row.iter().map(String::as_str).collect())
        .collect();
    doc.grouped_table(&groups, &leaves, &rows, TABLE_SIZE);
    if report.rows.is_empty() {
        doc.text(s.no_data, Style::BODY.centered());
    }
    doc.finish()
}

fn number_column(header: &str) -> Column<'_> {
    Column {
        header,
        width: 0.042,
        align: Align::Right,
    }
}
