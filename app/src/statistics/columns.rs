//! The columns of Biểu 06 as the page and the exports print them: the
//! headings, single or grouped under a merged heading as in the official
//! template, and each row's cells in the same order. The form's own
//! columns ([`form_headings`]) are apart from the figures the portal adds
//! beside it ([`extra_headings`]: refusals, withdrawals, stops,
//! supplements, payments, rates), which never go inside the form. The
//! page, the Excel, PDF and CSV exports all read these lists, so they
//! cannot disagree about what column 7 is.

use super::bieu06::{Bieu06Row, Breakdown};
use crate::i18n::StatisticsTexts;

/// A column under its heading: `short` where a group heading stands above
/// it, `full` where it stands alone (a CSV header, a JSON key's label).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub short: &'static str,
    pub full: String,
    /// A heading between the group's and this one, shared with its
    /// neighbours (the form's "new in the period" over its channels).
    pub under: Option<&'static str>,
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

fn column(short: &'static str, full: impl Into<String>) -> Column {
    Column {
        short,
        full: full.into(),
        under: None,
    }
}

fn single(label: &'static str) -> Heading {
    Heading::Single(column(label, label))
}

/// The form's headings after the STT and the rows' own, in the order of
/// [`form_cells`]: received (total; carried over; new in the period
/// online, at the counter or by post), resolved (total; early; on time;
/// late), pending (total; within; overdue). A group's first column is its
/// total, which stands for the group.
pub fn form_headings(s: &StatisticsTexts) -> Vec<Heading> {
    let total = |title: &'static str| column(s.total_column, title);
    let new = |short: &'static str, full: &'static str| Column {
        under: Some(s.new_in_period),
        ..column(short, full)
    };
    vec![
        Heading::Group {
            title: s.received,
            columns: vec![
                total(s.received),
                column(s.carried_over, s.carried_over),
                new(s.channel_online, s.new_online),
                new(s.channel_counter_or_post, s.new_counter),
            ],
        },
        Heading::Group {
            title: s.resolved,
            columns: vec![
                total(s.resolved),
                column(s.early, s.early),
                column(s.on_time, s.on_time),
                column(s.late, s.late),
            ],
        },
        Heading::Group {
            title: s.pending,
            columns: vec![
                total(s.pending),
                column(s.within, s.within),
                column(s.overdue, s.overdue),
            ],
        },
    ]
}

/// How many counts the form has: [`Bieu06Row::counts`] begins with them.
pub const FORM_COUNTS: usize = 11;

/// A row's cells in the form, in the order of [`form_headings`].
pub fn form_cells(row: &Bieu06Row) -> Vec<Cell> {
    row.counts()[..FORM_COUNTS]
        .iter()
        .copied()
        .map(Cell::Count)
        .collect()
}

/// The figures the portal adds beside the form, in their own table and
/// sheet, in the order of [`extra_cells`].
pub fn extra_headings(s: &StatisticsTexts) -> Vec<Heading> {
    vec![
        single(s.refused),
        single(s.withdrawn),
        single(s.stopped),
        single(s.supplements),
        Heading::Group {
            title: s.paid_online_group,
            columns: vec![
                column(
                    s.transactions,
                    format!("{}: {}", s.paid_online_group, s.transactions),
                ),
                column(s.amount, format!("{}: {}", s.paid_online_group, s.amount)),
            ],
        },
        single(s.online_rate),
        single(s.satisfaction),
    ]
}

/// A row's figures beside the form, in the order of [`extra_headings`].
pub fn extra_cells(row: &Bieu06Row) -> Vec<Cell> {
    row.counts()[FORM_COUNTS..]
        .iter()
        .copied()
        .map(Cell::Count)
        .chain([
            Cell::Count(row.paid_online),
            Cell::Money(row.paid_online_amount),
            Cell::Percent(row.online_rate()),
            Cell::Percent(row.satisfaction()),
        ])
        .collect()
}

/// Headings, each column as it stands alone.
pub fn flatten(headings: Vec<Heading>) -> Vec<Column> {
    headings
        .into_iter()
        .flat_map(|heading| match heading {
            Heading::Single(column) => vec![column],
            Heading::Group { columns, .. } => columns,
        })
        .collect()
}

/// Every column, the form's then the extras, as it stands alone (a CSV's
/// one header line).
pub fn columns(s: &StatisticsTexts) -> Vec<Column> {
    let mut all = flatten(form_headings(s));
    all.extend(flatten(extra_headings(s)));
    all
}

/// A row's cells in the order of [`columns`].
pub fn cells(row: &Bieu06Row) -> Vec<Cell> {
    let mut all = form_cells(row);
    all.extend(extra_cells(row));
    all
}

/// The form's column numbers, "(1)" for the STT to "(13)" for the last
/// count: the row under the headings that the form's notes refer to.
pub fn column_numbers() -> Vec<String> {
    (1..=FORM_COUNTS + 2).map(|n| format!("({n})")).collect()
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
        let s_ = &crate::i18n::Lang::Vi.texts().statistics;
        // The form: received, resolved, pending and nothing else.
        let form = flatten(form_headings(s_));
        assert_eq!(form.len(), FORM_COUNTS);
        assert_eq!(form_cells(&Bieu06Row::default()).len(), FORM_COUNTS);
        assert_eq!(form[2].under, Some(s_.new_in_period));
        assert_eq!(form[3].under, Some(s_.new_in_period));
        assert_eq!(form[3].full, s_.new_counter);
        assert!(form
            .iter()
            .all(|column| column.full != s_.refused && column.full != s_.supplements));
        assert_eq!(column_numbers().first().map(String::as_str), Some("(1)"));
        assert_eq!(column_numbers().last().map(String::as_str), Some("(13)"));
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
