//! The builder's rule editor: a rule put together from the rows of a plain
//! form ("when these answers… then do this"), so a designer never has to
//! write JSON for the usual rules; every rule listed back in words, and
//! removed by its place. The builder's checks ([`super::check_design`])
//! judge the rule once it is in the draft, as they judge the JSON editor's.

use crate::eforms::logic::{Action, Comparison, Condition, Expr, Operator, Rule};
use crate::eforms::{FieldKind, FormDefinition, Localised};

/// Where a rule sits: it is read over the whole form, when a page is on
/// the route (only these may skip or exit), or in each item of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulePlace {
    Form,
    Page(String),
    Group(String),
}

impl RulePlace {
    /// `form`, `page:<key>`, `group:<name>`: the value the editor posts.
    pub fn parse(text: &str) -> Option<RulePlace> {
        match text.split_once(':') {
            None if text == "form" => Some(RulePlace::Form),
            Some(("page", key)) if !key.is_empty() => Some(RulePlace::Page(key.into())),
            Some(("group", name)) if !name.is_empty() => Some(RulePlace::Group(name.into())),
            _ => None,
        }
    }

    pub fn code(&self) -> String {
        match self {
            RulePlace::Form => "form".into(),
            RulePlace::Page(key) => format!("page:{key}"),
            RulePlace::Group(name) => format!("group:{name}"),
        }
    }
}

/// One "answer … is …" row of the editor.
#[derive(Clone, Debug, Default)]
pub struct ConditionRow<'a> {
    pub field: &'a str,
    /// `eq`, `ne`, `in`, `lt`, `le`, `gt`, `ge`, `empty`, `filled`, or one
    /// of the four comparisons on the age from a date (`age_lt`, …).
    pub op: &'a str,
    pub value: &'a str,
}

/// What the editor posts.
#[derive(Clone, Debug, Default)]
pub struct NewRule<'a> {
    pub place: &'a str,
    /// `all` (every row holds) or `any`.
    pub combine: &'a str,
    /// Rows with no field chosen are left out.
    pub rows: Vec<ConditionRow<'a>>,
    /// `show`, `hide`, `require`, `set`, `prevent`, `skip_to`, `exit_to`.
    pub action: &'a str,
    /// The field (show, hide, require, set) or page (skip, exit) acted on.
    pub target: &'a str,
    /// The value `set` gives.
    pub value: &'a str,
    /// What `prevent` says, in both languages.
    pub message_vi: &'a str,
    pub message_en: &'a str,
}

/// Why the editor's rows do not make a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleRefusal {
    /// No row names a field.
    NoCondition,
    /// A comparison that needs a value has none.
    NoValue,
    UnknownOperator,
    UnknownAction,
    /// No field or page chosen for the action.
    NoTarget,
    /// "Prevent" without its message in both languages.
    NoMessage,
    /// The place is not a page or group of the form.
    UnknownPlace,
    /// Skips and exits belong to a page's rules.
    RouteOutsidePage,
}

/// The operators the editor offers, by the value it posts.
pub const OPERATORS: [&str; 13] = [
    "eq", "ne", "in", "lt", "le", "gt", "ge", "empty", "filled", "age_lt", "age_le", "age_gt",
    "age_ge",
];

/// The actions the editor offers.
pub const ACTIONS: [&str; 7] = [
    "show", "hide", "require", "set", "prevent", "skip_to", "exit_to",
];

/// Adds the rule at the end of its place's rules.
pub fn add_rule(form: &mut FormDefinition, new: &NewRule) -> Result<(), RuleRefusal> {
    let place = RulePlace::parse(new.place).ok_or(RuleRefusal::UnknownPlace)?;
    let rule = Rule {
        when: condition(new)?,
        then: vec![action(new)?],
    };
    if !matches!(place, RulePlace::Page(_))
        && matches!(rule.then[0], Action::SkipTo { .. } | Action::ExitTo { .. })
    {
        return Err(RuleRefusal::RouteOutsidePage);
    }
    rules_at(form, &place)
        .ok_or(RuleRefusal::UnknownPlace)?
        .push(rule);
    Ok(())
}

/// Removes the `index`th rule of `place`; `false` when there is none.
pub fn remove_rule(form: &mut FormDefinition, place: &RulePlace, index: usize) -> bool {
    match rules_at(form, place) {
        Some(rules) if index < rules.len() => {
            rules.remove(index);
            true
        }
        _ => false,
    }
}

/// Every rule of the form with its place and index there, in reading
/// order: the form's, then each page's and the groups on it.
pub fn all_rules(form: &FormDefinition) -> Vec<(RulePlace, usize, &Rule)> {
    let mut all: Vec<(RulePlace, usize, &Rule)> = form
        .rules
        .iter()
        .enumerate()
        .map(|(index, rule)| (RulePlace::Form, index, rule))
        .collect();
    for (number, section) in form.sections.iter().enumerate() {
        let key = section.key(number);
        all.extend(
            section
                .rules
                .iter()
                .enumerate()
                .map(|(index, rule)| (RulePlace::Page(key.clone()), index, rule)),
        );
        for field in &section.fields {
            if let FieldKind::Group { rules, .. } = &field.kind {
                all.extend(
                    rules
                        .iter()
                        .enumerate()
                        .map(|(index, rule)| (RulePlace::Group(field.name.clone()), index, rule)),
                );
            }
        }
    }
    all
}

fn rules_at<'f>(form: &'f mut FormDefinition, place: &RulePlace) -> Option<&'f mut Vec<Rule>> {
    match place {
        RulePlace::Form => Some(&mut form.rules),
        RulePlace::Page(key) => {
            let index = form.page_index(key)?;
            Some(&mut form.sections[index].rules)
        }
        RulePlace::Group(name) => form
            .sections
            .iter_mut()
            .flat_map(|section| section.fields.iter_mut())
            .find(|field| field.name == *name)
            .and_then(|field| match &mut field.kind {
                FieldKind::Group { rules, .. } => Some(rules),
                _ => None,
            }),
    }
}

fn condition(new: &NewRule) -> Result<Condition, RuleRefusal> {
    let mut compared = Vec::new();
    for row in new.rows.iter().filter(|row| !row.field.trim().is_empty()) {
        compared.push(Condition::Compare(comparison(row)?));
    }
    match compared.len() {
        0 => Err(RuleRefusal::NoCondition),
        1 => Ok(compared.remove(0)),
        _ if new.combine == "any" => Ok(Condition::Any { any: compared }),
        _ => Ok(Condition::All { all: compared }),
    }
}

fn comparison(row: &ConditionRow) -> Result<Comparison, RuleRefusal> {
    let (age, op) = match row.op.strip_prefix("age_") {
        Some(op) => (true, op),
        None => (false, row.op),
    };
    let op = match op {
        "eq" => Operator::Eq,
        "ne" => Operator::Ne,
        "in" => Operator::In,
        "lt" => Operator::Lt,
        "le" => Operator::Le,
        "gt" => Operator::Gt,
        "ge" => Operator::Ge,
        "empty" => Operator::Empty,
        "filled" => Operator::Filled,
        _ => return Err(RuleRefusal::UnknownOperator),
    };
    if age
        && !matches!(
            op,
            Operator::Lt | Operator::Le | Operator::Gt | Operator::Ge
        )
    {
        return Err(RuleRefusal::UnknownOperator);
    }
    let text = row.value.trim();
    let value = match op {
        Operator::Empty | Operator::Filled => serde_json::Value::Null,
        _ if text.is_empty() => return Err(RuleRefusal::NoValue),
        Operator::In => text
            .split(',')
            .map(|item| serde_json::Value::String(item.trim().to_string()))
            .collect(),
        // A number compares as a number; a date (`dd/mm/yyyy`) as a date.
        Operator::Lt | Operator::Le | Operator::Gt | Operator::Ge => {
            match (text.parse::<i64>(), text.replace(',', ".").parse::<f64>()) {
                (Ok(whole), _) => serde_json::json!(whole),
                (_, Ok(number)) => serde_json::json!(number),
                _ => serde_json::Value::String(text.to_string()),
            }
        }
        _ => serde_json::Value::String(text.to_string()),
    };
    Ok(Comparison {
        field: row.field.trim().to_string(),
        op,
        value,
        age,
    })
}

fn action(new: &NewRule) -> Result<Action, RuleRefusal> {
    let target = new.target.trim().to_string();
    let needs_target = new.action != "prevent";
    if needs_target && target.is_empty() && ACTIONS.contains(&new.action) {
        return Err(RuleRefusal::NoTarget);
    }
    Ok(match new.action {
        "show" => Action::Show { field: target },
        "hide" => Action::Hide { field: target },
        "require" => Action::Require { field: target },
        "set" => Action::Set {
            field: target,
            value: Expr::Literal(serde_json::Value::String(new.value.trim().to_string())),
        },
        "prevent" => {
            let (vi, en) = (new.message_vi.trim(), new.message_en.trim());
            if vi.is_empty() || en.is_empty() {
                return Err(RuleRefusal::NoMessage);
            }
            Action::Prevent {
                message: Localised {
                    vi: vi.into(),
                    en: en.into(),
                },
            }
        }
        "skip_to" => Action::SkipTo { page: target },
        "exit_to" => Action::ExitTo { page: target },
        _ => return Err(RuleRefusal::UnknownAction),
    })
}
