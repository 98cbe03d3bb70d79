//! How the evaluator reads answers: a field's key in its scope, several
//! choices, numbers and dates written the Vietnamese way.

use crate::eforms::{keys, Answers};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// The answers as the rules see them, from one place in the form.
pub(super) struct Reading<'a> {
    pub view: &'a Answers,
    pub today: NaiveDate,
    /// Inside one item of a repeating group: the group's key, its fields'
    /// names and the item's index.
    pub item: Option<(&'a str, &'a BTreeSet<String>, usize)>,
    /// Fields answered with several choices (`checkboxes`), by name.
    pub multiple: &'a BTreeSet<String>,
}

impl Reading<'_> {
    /// The answer key of `name` here: the item's own field when the group
    /// has one of that name, else the form's.
    pub fn key(&self, name: &str) -> String {
        match self.item {
            Some((group, names, index)) if names.contains(name) => {
                keys::group_item_key(group, index, name)
            }
            _ => name.to_string(),
        }
    }

    /// The non-empty answers of `name`: one, or each choice of a field
    /// answered with several.
    pub fn answers_of(&self, name: &str) -> Vec<String> {
        let raw = self
            .view
            .get(&self.key(name))
            .map(|answer| answer.trim())
            .unwrap_or("");
        if raw.is_empty() {
            Vec::new()
        } else if self.multiple.contains(name) {
            raw.split(',')
                .map(str::trim)
                .filter(|choice| !choice.is_empty())
                .map(String::from)
                .collect()
        } else {
            vec![raw.to_string()]
        }
    }
}

/// A number as people write it: `1.500.000`, `2,5`, `2.5`, `-3`.
pub fn read_number(text: &str) -> Option<f64> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return None;
    }
    let thousands = text.contains('.')
        && text
            .trim_start_matches('-')
            .split('.')
            .enumerate()
            .all(|(i, part)| {
                part.chars().all(|c| c.is_ascii_digit())
                    && if i == 0 {
                        (1..=3).contains(&part.len())
                    } else {
                        part.len() == 3
                    }
            });
    let plain = if text.contains(',') || thousands {
        text.replace('.', "").replace(',', ".")
    } else {
        text
    };
    let valid = plain
        .trim_start_matches('-')
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.');
    if !valid {
        return None;
    }
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A date as the forms ask for it (`dd/mm/yyyy`) or as ISO (`yyyy-mm-dd`).
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

/// A computed number as the forms write it: whole numbers plainly,
/// others with a decimal comma and at most two decimals.
pub fn write_number(number: f64) -> String {
    if !number.is_finite() {
        return String::new();
    }
    let rounded = (number * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.2}")
            .trim_end_matches('0')
            .replace('.', ",")
    }
}
