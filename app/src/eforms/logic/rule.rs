//! Rules: when a condition holds, actions on fields, the submission or the
//! route through the pages; values computed from answers.

use super::condition::{age_on, text_of, Condition};
use super::reading::{read_date, read_number, write_number, Reading};
use crate::eforms::Localised;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub when: Condition,
    pub then: Vec<Action>,
}

/// What a rule does while its condition holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The field is asked only while a rule showing it fires.
    Show {
        field: String,
    },
    Hide {
        field: String,
    },
    Require {
        field: String,
    },
    /// The field's answer becomes the value (the citizen's is replaced).
    Set {
        field: String,
        value: Expr,
    },
    /// The form cannot be sent; the message says why.
    Prevent {
        message: Localised,
    },
    /// After this page, go on at `page` (a later one). Only in a page's rules.
    SkipTo {
        page: String,
    },
    /// After this page, the form ends at the exit page `page`, which says
    /// why it cannot be filed. Only in a page's rules.
    ExitTo {
        page: String,
    },
}

impl Action {
    /// The field the action works on, if it works on one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Action::Show { field }
            | Action::Hide { field }
            | Action::Require { field }
            | Action::Set { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The page the action routes to, if it routes.
    pub fn page(&self) -> Option<&str> {
        match self {
            Action::SkipTo { page } | Action::ExitTo { page } => Some(page),
            _ => None,
        }
    }
}

/// A value computed from answers: `{"sum": [...]}`, `{"multiply": [...]}`,
/// `{"subtract": [a, b, ...]}`, `{"age_of": "birth_date"}`,
/// `{"count_items": "members"}`, `{"field": "copies"}`, or a literal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Expr {
    Sum { sum: Vec<Expr> },
    Product { multiply: Vec<Expr> },
    Difference { subtract: Vec<Expr> },
    Age { age_of: String },
    Count { count_items: String },
    Field { field: String },
    Literal(serde_json::Value),
}

impl Expr {
    /// The value as an answer would be written; empty when an operand is
    /// missing or not a number.
    pub(super) fn compute(&self, reading: &Reading) -> String {
        match self {
            Expr::Literal(value) => text_of(value),
            Expr::Field { field } => reading.answers_of(field).join(","),
            _ => self.number(reading).map(write_number).unwrap_or_default(),
        }
    }

    fn number(&self, reading: &Reading) -> Option<f64> {
        let all = |list: &[Expr]| -> Option<Vec<f64>> {
            list.iter().map(|expr| expr.number(reading)).collect()
        };
        match self {
            Expr::Sum { sum } => Some(all(sum)?.iter().sum()),
            Expr::Product { multiply } => Some(all(multiply)?.iter().product()),
            Expr::Difference { subtract } => {
                let numbers = all(subtract)?;
                let (first, rest) = numbers.split_first()?;
                Some(rest.iter().fold(*first, |acc, n| acc - n))
            }
            Expr::Age { age_of } => {
                let born = read_date(reading.answers_of(age_of).first()?)?;
                Some(age_on(born, reading.today) as f64)
            }
            Expr::Count { count_items } => read_number(
                reading
                    .view
                    .get(&crate::eforms::keys::group_items_key(count_items))?,
            ),
            Expr::Field { field } => read_number(reading.answers_of(field).first()?),
            Expr::Literal(value) => read_number(&text_of(value)),
        }
    }

    /// Every field the value reads.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            Expr::Sum { sum: list }
            | Expr::Product { multiply: list }
            | Expr::Difference { subtract: list } => list.iter().flat_map(Expr::fields).collect(),
            Expr::Age { age_of: field }
            | Expr::Count { count_items: field }
            | Expr::Field { field } => vec![field],
            Expr::Literal(_) => Vec::new(),
        }
    }
}
