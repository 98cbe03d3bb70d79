//! A rule said in words, for the builder's list of rules: "Khi “Quan hệ
//! với trẻ” bằng “cha”: hiện “Họ tên cha”". Questions are named by their
//! labels and choices by theirs, so a designer reads the rule as a citizen
//! would meet it.

use super::rule_editing::RulePlace;
use crate::eforms::logic::{Action, Comparison, Condition, Expr, Operator, Rule};
use crate::eforms::{Field, FieldKind, FormDefinition};
use crate::i18n::Lang;

/// The rule in words.
pub fn describe(rule: &Rule, form: &FormDefinition, lang: Lang) -> String {
    let t = &lang.texts().form_rules;
    let actions: Vec<String> = rule
        .then
        .iter()
        .map(|action| action_words(action, form, lang))
        .collect();
    format!(
        "{} {}: {}",
        t.when,
        condition_words(&rule.when, form, lang),
        actions.join("; ")
    )
}

/// Where the rule applies, in words.
pub fn place_words(place: &RulePlace, form: &FormDefinition, lang: Lang) -> String {
    let t = &lang.texts().form_rules;
    match place {
        RulePlace::Form => t.place_form.to_string(),
        RulePlace::Page(key) => {
            let title = form
                .page_index(key)
                .map(|index| form.sections[index].title.get(lang).to_string())
                .unwrap_or_else(|| key.clone());
            (t.place_page)(&title)
        }
        RulePlace::Group(name) => (t.place_group)(&label(form, name, lang)),
    }
}

fn condition_words(condition: &Condition, form: &FormDefinition, lang: Lang) -> String {
    let t = &lang.texts().form_rules;
    let joined = |list: &[Condition], word: &str| {
        let parts: Vec<String> = list
            .iter()
            .map(|inner| match inner {
                Condition::Compare(_) => condition_words(inner, form, lang),
                _ => format!("({})", condition_words(inner, form, lang)),
            })
            .collect();
        parts.join(word)
    };
    match condition {
        Condition::All { all } => joined(all, t.and),
        Condition::Any { any } => joined(any, t.or),
        Condition::Not { not } => format!("{} ({})", t.not, condition_words(not, form, lang)),
        Condition::Compare(comparison) => comparison_words(comparison, form, lang),
    }
}

fn comparison_words(comparison: &Comparison, form: &FormDefinition, lang: Lang) -> String {
    let t = &lang.texts().form_rules;
    let name = label(form, &comparison.field, lang);
    let subject = if comparison.age {
        (t.age_of)(&name)
    } else {
        format!("“{name}”")
    };
    let field = find(form, &comparison.field);
    let value = |value: &serde_json::Value| match value {
        serde_json::Value::Array(items) => items
            .iter()
            .map(|item| choice(field, &text(item), lang))
            .collect::<Vec<_>>()
            .join(", "),
        other => choice(field, &text(other), lang),
    };
    let sign = match comparison.op {
        Operator::Empty => return format!("{subject} {}", t.is_empty),
        Operator::Filled => return format!("{subject} {}", t.is_filled),
        Operator::In => t.one_of,
        Operator::Eq => "=",
        Operator::Ne => "≠",
        Operator::Lt => "<",
        Operator::Le => "≤",
        Operator::Gt => ">",
        Operator::Ge => "≥",
    };
    format!("{subject} {sign} {}", value(&comparison.value))
}

fn action_words(action: &Action, form: &FormDefinition, lang: Lang) -> String {
    let t = &lang.texts().form_rules;
    let named = |word: &str, field: &str| format!("{word} “{}”", label(form, field, lang));
    let page = |word: &str, key: &str| {
        let title = form
            .page_index(key)
            .map(|index| form.sections[index].title.get(lang).to_string())
            .unwrap_or_else(|| key.to_string());
        format!("{word} “{title}”")
    };
    match action {
        Action::Show { field } => named(t.show, field),
        Action::Hide { field } => named(t.hide, field),
        Action::Require { field } => named(t.require, field),
        Action::Set {
            field,
            value: Expr::Literal(value),
        } => format!("{} = “{}”", named(t.set, field), text(value)),
        Action::Set { field, .. } => named(t.calculate, field),
        Action::Prevent { message } => format!("{} (“{}”)", t.prevent, message.get(lang)),
        Action::SkipTo { page: key } => page(t.skip_to, key),
        Action::ExitTo { page: key } => page(t.exit_to, key),
    }
}

/// A question anywhere in the form, groups' own included.
fn find<'f>(form: &'f FormDefinition, name: &str) -> Option<&'f Field> {
    form.fields().find_map(|field| {
        if field.name == name {
            return Some(field);
        }
        match &field.kind {
            FieldKind::Group { fields, .. } => fields.iter().find(|inner| inner.name == name),
            _ => None,
        }
    })
}

fn label(form: &FormDefinition, name: &str, lang: Lang) -> String {
    find(form, name)
        .map(|field| field.label.get(lang).to_string())
        .unwrap_or_else(|| name.to_string())
}

/// A choice's label rather than its value, where the question has choices.
fn choice(field: Option<&Field>, value: &str, lang: Lang) -> String {
    let options = match field.map(|field| &field.kind) {
        Some(
            FieldKind::Select { options }
            | FieldKind::Radio { options }
            | FieldKind::Checkboxes { options, .. },
        ) => options,
        Some(FieldKind::YesNo) => {
            let e = &lang.texts().eforms;
            return match value {
                "yes" => e.yes.to_string(),
                "no" => e.no.to_string(),
                other => other.to_string(),
            };
        }
        _ => return value.to_string(),
    };
    options
        .iter()
        .find(|option| option.value == value)
        .map(|option| option.label.get(lang).to_string())
        .unwrap_or_else(|| value.to_string())
}

fn text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}
