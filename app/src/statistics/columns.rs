//! The columns of Biểu 06 as the exports print them: the headings, single
//! or grouped under a merged heading as in the official template, and each
//! row's cells in the same order. The Excel, PDF, CSV and JSON exports all
//! read this one list, so they cannot disagree about what column 7 is.

use super::bieu06::{Bieu06Row, Breakdown};
use crate::i18n::StatisticsTexts;

/// A column under its heading: `short` where a group heading stands above
/// it, `full` where it stands alone (a CSV header, a JSON key's label).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub short: &'static str,
    pub full: String,
}

/// A heading of the table: one column, or a group of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Heading {
    Single(Column),
    Group {
        title: &'static str,
        columns: Vec<Column>,
    },
}

/// What a cell holds, so each format can print it its own way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    Count(i64),
    /// Whole đồng.
    Money(i64),
    /// A percentage with one decimal; none when nothing was counted.
    Percent(Option<f64>),
}

/// The heading of the rows' own column: sector or agency.
pub fn row_heading(s: &StatisticsTexts, by: Breakdown) -> &'static str {
    match by {
        Breakdown::Sector => s.sector,
        Breakdown::Agency => s.agency,
    }
}

/// The headings after the rows' own, in the order of [`cells`].
pub fn headings(s: &StatisticsTexts) -> Vec<Heading> {
    let single = |label: &'static str| {
        Heading::Single(Column {
            short: label,
            full: label.to_string(),
        })
    };
    // A group's first column is its total, which stands for the group.
    let group = |title: &'static str, parts: &[&'static str]| Heading::Group {
        title,
        columns: std::iter::once(Column {
            short: s.total_column,
            full: title.to_string(),
        })
        .chain(parts.iter().map(|part| Column {
            short: part,
            full: part.to_string(),
        }))
        .collect(),
    };
    vec![
        group(s.received, &[s.carried_over, s.new_online, s.new_counter]),
        group(s.resolved, &[s.early, s.on_time, s.late]),
        group(s.pending, &[s.within, s.overdue]),
        single(s.refused),
        single(s.withdrawn),
        single(s.stopped),
        single(s.supplements),
        Heading::Group {
            title: s.paid_online_group,
            columns: vec![
                Column {
                    short: s.transactions,
                    full: format!("{}: {}", s.paid_online_group, s.transactions),
                },
                Column {
                    short: s.amount,
                    full: format!("{}: {}", s.paid_online_group, s.amount),
                },
            ],
        },
        single(s.online_rate),
        single(s.satisfaction),
    ]
}

/// Every column, left to right, as it stands alone.
pub fn columns(s: &StatisticsTexts) -> Vec<Column> {
    headings(s)
        .into_iter()
        .flat_map(|heading| match heading {
            Heading::Single(column) => vec![column],
            Heading::Group { columns, .. } => columns,
        })
        .collect()
}

/// A row's cells, in the order of [`headings`].
pub fn cells(row: &Bieu06Row) -> Vec<Cell> {
    row.counts()
        .into_iter()
        .map(Cell::Count)
        .chain([
            Cell::Count(row.paid_online),
            Cell::Money(row.paid_online_amount),
            Cell::Percent(row.online_rate()),
            Cell::Percent(row.satisfaction()),
        ])
        .collect()
}

/// A percentage as Vietnamese write it: `80,5%`, or `—` for none.
pub fn percent_text(value: Option<f64>) -> String {
    value
        .map(|value| format!("{value:.1}%").replace('.', ","))
        .unwrap_or_else(|| "—".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_heading_has_a_cell_and_groups_start_with_their_total() {
        let s = &crate::i18n::Lang::Vi.texts().statistics;
        let row = Bieu06Row {
            carried_over: 1,
            new_online: 2,
            paid_online: 3,
            paid_online_amount: 150_000,
            ..Bieu06Row::default()
        };
        let columns = columns(s);
        let cells = cells(&row);
        assert_eq!(columns.len(), cells.len());
        assert_eq!(columns[0].full, s.received);
        assert_eq!(columns[1].full, s.carried_over);
        assert_eq!(cells[0], Cell::Count(3));
        let amount = columns
            .iter()
            .position(|column| column.short == s.amount)
            .unwrap();
        assert_eq!(cells[amount], Cell::Money(150_000));
        assert_eq!(cells[amount - 1], Cell::Count(3));
        assert_eq!(percent_text(Some(66.7)), "66,7%");
        assert_eq!(percent_text(None), "—");
    }
}
