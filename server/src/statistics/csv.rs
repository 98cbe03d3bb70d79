//! Biểu 06 as CSV: UTF-8 with a byte-order mark, so Excel reads the
//! Vietnamese right; a caption line, one header line (each column as it
//! stands alone), a line per sector (or agency) and the totals; numbers as plain digits.

use app::i18n::Lang;
use app::statistics::bieu06::Bieu06;
use app::statistics::columns::{self, Cell};

pub fn render(report: &Bieu06, lang: Lang) -> String {
    let s = &lang.texts().statistics;
    let mut out = String::from("\u{feff}");
    line(
        &mut out,
        [(s.caption)(&report.agency_name, &report.from, &report.to)],
    );
    line(
        &mut out,
        std::iter::once(columns::row_heading(s, report.by).to_string())
            .chain(columns::columns(s).into_iter().map(|column| column.full)),
    );
    for row in report.rows.iter().chain(std::iter::once(&report.total)) {
        line(
            &mut out,
            std::iter::once(row.name.clone()).chain(columns::cells(row).into_iter().map(cell_text)),
        );
    }
    out
}

fn cell_text(cell: Cell) -> String {
    match cell {
        Cell::Count(number) | Cell::Money(number) => number.to_string(),
        Cell::Percent(value) => value.map(|value| value.to_string()).unwrap_or_default(),
    }
}

/// One CSV line (RFC 4180 quoting).
fn line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let quoted: Vec<String> = fields
        .into_iter()
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}
