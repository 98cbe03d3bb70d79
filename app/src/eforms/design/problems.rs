//! The checks, each a [`DesignProblem`] the builder shows next to the part
//! of the form it is about.

use crate::eforms::logic::{Action, Condition, Expr, Rule};
use crate::eforms::{Field, FieldKind, FormDefinition};
use std::collections::BTreeSet;

/// One thing that keeps a form from being saved or published.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DesignProblem {
    /// The form asks nothing.
    NoQuestions,
    /// A key must be lower-case letters, digits and `_`, starting with a letter.
    BadKey(String),
    DuplicateKey(String),
    /// A field without a Vietnamese or English label.
    MissingLabel(String),
    /// A choice question (select, radio, checkboxes) with no options, or
    /// options whose values repeat or are not keys.
    BadOptions(String),
    /// A repeating group inside a group, or one without fields, or with
    /// more items required than allowed.
    BadGroup(String),
    /// A pattern that does not compile.
    BadPattern(String),
    /// A condition or action names a field the form does not have (rule
    /// place, field named).
    UnknownField(String, String),
    /// A route names a page the form does not have.
    UnknownPage(String),
    /// A "skip to" that goes back or to the same page, or to an exit page
    /// (exit pages are reached by "exit to" only).
    RouteBackwards(String),
    /// An "exit to" a page that is not an exit page.
    NotAnExitPage(String),
    /// A skip or exit outside a page's rules (form or group rules).
    RouteOutsidePage,
    /// An exit page that asks something (it may only say why).
    ExitPageAsks(String),
    /// A page key that repeats.
    DuplicatePage(String),
    /// A file question inside a repeating group, or allowing no files.
    BadFileQuestion(String),
}

/// Every problem of `form`, in reading order; empty when it may be saved.
pub fn check_design(form: &FormDefinition) -> Vec<DesignProblem> {
    let mut problems = Vec::new();
    let mut keys = BTreeSet::new();
    let top: BTreeSet<&str> = form.fields().map(|field| field.name.as_str()).collect();
    if !form.fields().any(|field| field.kind.asks()) {
        problems.push(DesignProblem::NoQuestions);
    }
    let mut pages = BTreeSet::new();
    for (index, section) in form.sections.iter().enumerate() {
        let key = section.key(index);
        if !pages.insert(key.clone()) {
            problems.push(DesignProblem::DuplicatePage(key.clone()));
        }
        if section.exit && section.fields.iter().any(|field| field.kind.asks()) {
            problems.push(DesignProblem::ExitPageAsks(key));
        }
    }
    for field in form.fields() {
        check_field(field, &mut keys, &mut problems, false);
        if let FieldKind::Group { fields, rules, .. } = &field.kind {
            let inner: BTreeSet<&str> = fields.iter().map(|inner| inner.name.as_str()).collect();
            let mut item_keys = BTreeSet::new();
            for inner_field in fields {
                check_field(inner_field, &mut item_keys, &mut problems, true);
            }
            for rule in rules {
                check_rule(
                    rule,
                    &field.name,
                    &|name| inner.contains(name) || top.contains(name),
                    &mut problems,
                );
                if rule.then.iter().any(|action| action.page().is_some()) {
                    problems.push(DesignProblem::RouteOutsidePage);
                }
            }
            check_expressions(
                fields,
                &field.name,
                &|name| inner.contains(name) || top.contains(name),
                &mut problems,
            );
        }
    }
    check_expressions(
        &form.fields().cloned().collect::<Vec<_>>(),
        "",
        &|name| top.contains(name),
        &mut problems,
    );
    for rule in &form.rules {
        check_rule(rule, "", &|name| top.contains(name), &mut problems);
        if rule.then.iter().any(|action| action.page().is_some()) {
            problems.push(DesignProblem::RouteOutsidePage);
        }
    }
    for (index, section) in form.sections.iter().enumerate() {
        let place = section.key(index);
        for rule in &section.rules {
            check_rule(rule, &place, &|name| top.contains(name), &mut problems);
            for action in &rule.then {
                check_route(form, index, action, &mut problems);
            }
        }
    }
    problems
}

fn check_field(
    field: &Field,
    keys: &mut BTreeSet<String>,
    problems: &mut Vec<DesignProblem>,
    in_group: bool,
) {
    let name = &field.name;
    if !is_key(name) {
        problems.push(DesignProblem::BadKey(name.clone()));
    }
    if !keys.insert(name.clone()) {
        problems.push(DesignProblem::DuplicateKey(name.clone()));
    }
    if field.label.vi.trim().is_empty() || field.label.en.trim().is_empty() {
        problems.push(DesignProblem::MissingLabel(name.clone()));
    }
    match &field.kind {
        FieldKind::Select { options }
        | FieldKind::Radio { options }
        | FieldKind::Checkboxes { options, .. } => {
            let values: BTreeSet<&str> = options.iter().map(|o| o.value.as_str()).collect();
            let bad = options.is_empty()
                || values.len() != options.len()
                || options.iter().any(|option| {
                    option.value.is_empty()
                        || option.value.contains(',')
                        || option.label.vi.trim().is_empty()
                });
            if bad {
                problems.push(DesignProblem::BadOptions(name.clone()));
            }
        }
        FieldKind::Group {
            fields,
            min_items,
            max_items,
            ..
        } => {
            let nested = fields
                .iter()
                .any(|inner| matches!(inner.kind, FieldKind::Group { .. }));
            if in_group || nested || fields.is_empty() || min_items > max_items {
                problems.push(DesignProblem::BadGroup(name.clone()));
            }
        }
        FieldKind::Text {
            pattern: Some(pattern),
            ..
        } if !pattern.compiles() => problems.push(DesignProblem::BadPattern(name.clone())),
        // Files are held per question of the dossier, not per item.
        FieldKind::File {
            max_files, max_mb, ..
        } if in_group || *max_files == 0 || *max_mb == Some(0) => {
            problems.push(DesignProblem::BadFileQuestion(name.clone()))
        }
        _ => {}
    }
}

/// `child_name`, `members`, `q1`.
fn is_key(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.len() <= 64
}

fn check_rule(
    rule: &Rule,
    place: &str,
    known: &dyn Fn(&str) -> bool,
    problems: &mut Vec<DesignProblem>,
) {
    let mut unknown = |name: &str| {
        if !known(name) {
            problems.push(DesignProblem::UnknownField(
                place.to_string(),
                name.to_string(),
            ));
        }
    };
    condition_fields(&rule.when)
        .into_iter()
        .for_each(&mut unknown);
    for action in &rule.then {
        if let Some(name) = action.field() {
            unknown(name);
        }
        if let Action::Set { value, .. } = action {
            value.fields().into_iter().for_each(&mut unknown);
        }
    }
}

fn condition_fields(condition: &Condition) -> Vec<&str> {
    condition.fields()
}

/// Conditions on fields and computed values name fields that exist.
fn check_expressions(
    fields: &[Field],
    place: &str,
    known: &dyn Fn(&str) -> bool,
    problems: &mut Vec<DesignProblem>,
) {
    for field in fields {
        let mut named: Vec<&str> = field
            .visible_when
            .as_ref()
            .map(Condition::fields)
            .unwrap_or_default();
        if let FieldKind::Calculated { formula } = &field.kind {
            named.extend(Expr::fields(formula));
        }
        for name in named {
            if !known(name) {
                problems.push(DesignProblem::UnknownField(
                    if place.is_empty() {
                        field.name.clone()
                    } else {
                        place.to_string()
                    },
                    name.to_string(),
                ));
            }
        }
    }
}

fn check_route(
    form: &FormDefinition,
    from: usize,
    action: &Action,
    problems: &mut Vec<DesignProblem>,
) {
    let Some(target) = action.page() else {
        return;
    };
    let Some(index) = form.page_index(target) else {
        problems.push(DesignProblem::UnknownPage(target.to_string()));
        return;
    };
    let exit = form.sections[index].exit;
    match action {
        Action::SkipTo { .. } if index <= from || exit => {
            problems.push(DesignProblem::RouteBackwards(target.to_string()))
        }
        Action::ExitTo { .. } if !exit => {
            problems.push(DesignProblem::NotAnExitPage(target.to_string()))
        }
        _ => {}
    }
}
