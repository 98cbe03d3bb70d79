//! Conditions on answers: comparisons combined with "all of" and "any of".

use super::reading::{read_date, read_number, Reading};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// When a rule fires or a question is asked. Written in JSON as
/// `{"field": "relationship", "op": "eq", "value": "father"}` (the old
/// `{"field": …, "equals": …}` still reads), `{"all": [...]}`,
/// `{"any": [...]}` or `{"not": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    All { all: Vec<Condition> },
    Any { any: Vec<Condition> },
    Not { not: Box<Condition> },
    Compare(Comparison),
}

/// One answer compared with a value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// The field's name; inside a repeating group, a field of the same
    /// item when the group has one of that name.
    pub field: String,
    #[serde(default)]
    pub op: Operator,
    /// A text, a number, a date (`dd/mm/yyyy`), or a list for `in`.
    #[serde(default, alias = "equals")]
    pub value: serde_json::Value,
    /// Compare the age in whole years on the day of filing, from the
    /// answer read as a date of birth ("member's age < 14").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub age: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    #[default]
    Eq,
    Ne,
    In,
    Lt,
    Le,
    Gt,
    Ge,
    Empty,
    Filled,
}

impl Condition {
    /// The simple "field is value" condition.
    pub fn equals(field: &str, value: &str) -> Self {
        Condition::Compare(Comparison {
            field: field.into(),
            op: Operator::Eq,
            value: serde_json::Value::String(value.into()),
            age: false,
        })
    }

    /// `Some((field, value))` when this is a plain "field is value".
    pub fn as_equality(&self) -> Option<(&str, String)> {
        match self {
            Condition::Compare(Comparison {
                field,
                op: Operator::Eq,
                value,
                age: false,
            }) => Some((field, text_of(value))),
            _ => None,
        }
    }

    /// Every field the condition reads.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            Condition::All { all: list } | Condition::Any { any: list } => {
                list.iter().flat_map(Condition::fields).collect()
            }
            Condition::Not { not } => not.fields(),
            Condition::Compare(comparison) => vec![comparison.field.as_str()],
        }
    }

    pub(super) fn holds(&self, reading: &Reading) -> bool {
        match self {
            Condition::All { all } => all.iter().all(|c| c.holds(reading)),
            Condition::Any { any } => any.iter().any(|c| c.holds(reading)),
            Condition::Not { not } => !not.holds(reading),
            Condition::Compare(comparison) => comparison.holds(reading),
        }
    }
}

impl Comparison {
    fn holds(&self, reading: &Reading) -> bool {
        let answers = reading.answers_of(&self.field);
        if self.age {
            let age = answers
                .first()
                .and_then(|answer| read_date(answer))
                .map(|born| age_on(born, reading.today) as f64);
            let wanted = read_number(&text_of(&self.value));
            return match (age, wanted) {
                (Some(age), Some(wanted)) => order_holds(self.op, age.total_cmp(&wanted)),
                _ => self.op == Operator::Empty && age.is_none(),
            };
        }
        match self.op {
            Operator::Empty => answers.is_empty(),
            Operator::Filled => !answers.is_empty(),
            Operator::Eq => answers.iter().any(|a| same(a, &text_of(&self.value))),
            Operator::Ne => !answers.iter().any(|a| same(a, &text_of(&self.value))),
            Operator::In => {
                let list = match &self.value {
                    serde_json::Value::Array(items) => items.iter().map(text_of).collect(),
                    other => vec![text_of(other)],
                };
                answers
                    .iter()
                    .any(|answer| list.iter().any(|item| same(answer, item)))
            }
            op => answers.first().is_some_and(|answer| {
                let wanted = text_of(&self.value);
                compare(answer, &wanted, reading.today)
                    .is_some_and(|ordering| order_holds(op, ordering))
            }),
        }
    }
}

/// A JSON value as the text an answer would be.
pub(super) fn text_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Equal as texts, or as numbers when both are numbers ("5" and "5,0").
fn same(answer: &str, wanted: &str) -> bool {
    answer == wanted
        || matches!((read_number(answer), read_number(wanted)), (Some(a), Some(b)) if a == b)
}

/// Answers order as numbers, or as dates ("today" is the day of filing).
fn compare(answer: &str, wanted: &str, today: NaiveDate) -> Option<std::cmp::Ordering> {
    if let (Some(a), Some(b)) = (read_number(answer), read_number(wanted)) {
        return Some(a.total_cmp(&b));
    }
    let wanted = if wanted == "today" {
        Some(today)
    } else {
        read_date(wanted)
    };
    Some(read_date(answer)?.cmp(&wanted?))
}

fn order_holds(op: Operator, ordering: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        Operator::Lt => ordering == Less,
        Operator::Le => ordering != Greater,
        Operator::Gt => ordering == Greater,
        Operator::Ge => ordering != Less,
        Operator::Eq | Operator::In => ordering == Equal,
        Operator::Ne => ordering != Equal,
        Operator::Empty | Operator::Filled => false,
    }
}

/// Whole years from `born` to `today` (a birthday counts on its day).
pub fn age_on(born: NaiveDate, today: NaiveDate) -> i32 {
    let mut age = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}
