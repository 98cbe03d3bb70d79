//! What the rules make of a set of answers: which questions are asked,
//! which are required, the values they set or compute, whether the form
//! may be sent, and the route through its pages.

use super::form::{LogicField, LogicForm};
use super::reading::Reading;
use super::rule::{Action, Expr, Rule};
use crate::eforms::{keys, Answers, FormDefinition, Localised};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Keys not asked: a field's name, a group item's field
    /// (`members.1.school`), or a whole group or address (which hides
    /// every key under it).
    pub hidden: BTreeSet<String>,
    /// Keys a rule makes required.
    pub required: BTreeSet<String>,
    /// Values set by rules or computed (calculated and hidden fields).
    pub values: BTreeMap<String, String>,
    /// Why the form cannot be sent, from the rules that prevent it.
    pub prevented: Vec<Localised>,
    /// The pages (sections) the answers lead through, in order.
    pub pages: Vec<usize>,
    /// The exit page the answers end at, if any.
    pub exit: Option<usize>,
}

/// Rules that feed each other settle within a few rounds; rules that never
/// settle (one hiding what shows it) stop here, the same way in the
/// browser and on the server.
const ROUNDS: usize = 8;

/// Evaluates `form`'s logic on `answers` on the day `today`.
pub fn evaluate(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> Evaluation {
    evaluate_logic(&form.logic(), answers, today)
}

/// [`evaluate`] on what the rules read of a form (the browser's copy).
pub fn evaluate_logic(form: &LogicForm, answers: &Answers, today: NaiveDate) -> Evaluation {
    let multiple = form.multiple_choice_names();
    let mut current = Evaluation::default();
    for _ in 0..ROUNDS {
        let view = current.effective(answers);
        let next = round(form, &view, today, &multiple);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

impl Evaluation {
    /// Whether `key` is asked: neither it nor a group or address holding
    /// it is hidden.
    pub fn shows(&self, key: &str) -> bool {
        !self.hidden.iter().any(|hidden| {
            key == hidden
                || key
                    .strip_prefix(hidden.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    }

    pub fn requires(&self, key: &str) -> bool {
        self.required.contains(key)
    }

    /// The answers as the form keeps them: hidden ones dropped, set and
    /// computed values in place of what was typed.
    pub fn effective(&self, answers: &Answers) -> Answers {
        let mut view: Answers = answers
            .iter()
            .filter(|(key, _)| self.shows(key))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        for (key, value) in &self.values {
            if self.shows(key) {
                view.insert(key.clone(), value.clone());
            }
        }
        view
    }
}

fn round(
    form: &LogicForm,
    view: &Answers,
    today: NaiveDate,
    multiple: &BTreeSet<String>,
) -> Evaluation {
    let mut out = Evaluation::default();
    let top = Reading {
        view,
        today,
        item: None,
        multiple,
    };
    route(form, &top, &mut out);
    for (index, section) in form.sections.iter().enumerate() {
        if !out.pages.contains(&index) {
            out.hidden
                .extend(section.fields.iter().map(|field| field.name.clone()));
        }
    }
    let rules: Vec<&Rule> = form
        .rules
        .iter()
        .chain(
            out.pages
                .iter()
                .flat_map(|&page| form.sections[page].rules.iter()),
        )
        .collect();
    let on_route: Vec<&LogicField> = out
        .pages
        .iter()
        .flat_map(|&page| form.sections[page].fields.iter())
        .collect();
    apply(&rules, &top, &on_route, &mut out);
    for field in on_route {
        let Some(group) = &field.group else {
            continue;
        };
        if !out.shows(&field.name) {
            continue;
        }
        let names: BTreeSet<String> = group
            .fields
            .iter()
            .map(|inner| inner.name.clone())
            .collect();
        let inner: Vec<&LogicField> = group.fields.iter().collect();
        let rules: Vec<&Rule> = group.rules.iter().collect();
        let count = keys::group_len(view, &field.name, group.min_items, group.max_items);
        for index in 0..count {
            let reading = Reading {
                view,
                today,
                item: Some((&field.name, &names, index)),
                multiple,
            };
            apply(&rules, &reading, &inner, &mut out);
        }
    }
    out.prevented.dedup();
    out
}

/// The pages from the first, each followed by the next regular page unless
/// one of its rules skips ahead or exits. Skips only go forward, so the
/// route always ends.
fn route(form: &LogicForm, reading: &Reading, out: &mut Evaluation) {
    let count = form.sections.len();
    let regular = |index: usize| !form.sections[index].exit;
    let mut at = (0..count).find(|&index| regular(index));
    while let Some(page) = at {
        out.pages.push(page);
        let mut next = (page + 1..count).find(|&index| regular(index));
        'rules: for rule in &form.sections[page].rules {
            if !rule.when.holds(reading) {
                continue;
            }
            for action in &rule.then {
                match action {
                    Action::SkipTo { page: target } => {
                        if let Some(target) = form
                            .page_index(target)
                            .filter(|&target| target > page && regular(target))
                        {
                            next = Some(target);
                            break 'rules;
                        }
                    }
                    Action::ExitTo { page: target } => {
                        if let Some(target) =
                            form.page_index(target).filter(|&target| !regular(target))
                        {
                            out.exit = Some(target);
                            next = None;
                            break 'rules;
                        }
                    }
                    _ => {}
                }
            }
        }
        at = next;
    }
}

/// Applies `rules` read from `reading`'s place to the `fields` there.
fn apply(rules: &[&Rule], reading: &Reading, fields: &[&LogicField], out: &mut Evaluation) {
    // A field some rule shows is asked only while one of them fires.
    let mut shown: BTreeMap<String, bool> = BTreeMap::new();
    for rule in rules {
        let fires = rule.when.holds(reading);
        for action in &rule.then {
            if let Action::Prevent { message } = action {
                if fires {
                    out.prevented.push(message.clone());
                }
                continue;
            }
            let Some(name) = action.field() else {
                continue;
            };
            let key = reading.key(name);
            match action {
                Action::Show { .. } => *shown.entry(key).or_default() |= fires,
                Action::Hide { .. } if fires => {
                    out.hidden.insert(key);
                }
                Action::Require { .. } if fires => {
                    out.required.insert(key);
                }
                Action::Set { value, .. } if fires => {
                    out.values.insert(key, value.compute(reading));
                }
                _ => {}
            }
        }
    }
    out.hidden.extend(
        shown
            .into_iter()
            .filter(|(_, fired)| !fired)
            .map(|(key, _)| key),
    );
    for field in fields {
        let key = reading.key(&field.name);
        if field
            .visible_when
            .as_ref()
            .is_some_and(|condition| !condition.holds(reading))
        {
            out.hidden.insert(key.clone());
        }
        if let Some(value) = &field.value {
            out.values.insert(key, Expr::compute(value, reading));
        }
    }
}
