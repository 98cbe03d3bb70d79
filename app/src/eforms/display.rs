//! Answers as people read them: the label of the field, then the choice's
//! label rather than its code, the address written out, and each item of a
//! group on its own line.

use super::definition::{Field, FieldKind, FormDefinition};
use super::keys;
use super::validation::Answers;
use crate::i18n::Lang;

/// `(label, answer)` for every answered field, in form order.
pub fn answer_rows(form: &FormDefinition, answers: &Answers, lang: Lang) -> Vec<(String, String)> {
    keyed_answer_rows(form, answers, lang)
        .into_iter()
        .map(|(_, label, answer)| (label, answer))
        .collect()
}

/// `(key, label, answer)` for every answered field, in form order: the key
/// of the field, or of the group item (`residences.1`), which the form's
/// ids are made from, so a summary can link back to it.
pub fn keyed_answer_rows(
    form: &FormDefinition,
    answers: &Answers,
    lang: Lang,
) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for field in form.fields() {
        match &field.kind {
            FieldKind::Group {
                fields, item_label, ..
            } => {
                let count = answers
                    .get(&keys::group_items_key(&field.name))
                    .and_then(|count| count.parse::<usize>().ok())
                    .unwrap_or(0);
                for index in 0..count {
                    let parts: Vec<String> = fields
                        .iter()
                        .filter_map(|inner| {
                            let key = keys::group_item_key(&field.name, index, &inner.name);
                            let shown = shown(inner, &key, answers, lang)?;
                            Some(format!("{}: {shown}", inner.label.get(lang)))
                        })
                        .collect();
                    if !parts.is_empty() {
                        rows.push((
                            format!("{}.{index}", field.name),
                            format!("{} {}", item_label.get(lang), index + 1),
                            parts.join("; "),
                        ));
                    }
                }
            }
            _ => {
                if let Some(value) = shown(field, &field.name, answers, lang) {
                    rows.push((field.name.clone(), field.label.get(lang).to_string(), value));
                }
            }
        }
    }
    rows
}

fn shown(field: &Field, key: &str, answers: &Answers, lang: Lang) -> Option<String> {
    let value = answers.get(key);
    Some(match &field.kind {
        FieldKind::Select { options } | FieldKind::Radio { options } => {
            let value = value?;
            options
                .iter()
                .find(|choice| &choice.value == value)
                .map(|choice| choice.label.get(lang).to_string())
                .unwrap_or_else(|| value.clone())
        }
        FieldKind::Checkboxes { options, .. } => {
            let value = value?;
            value
                .split(',')
                .map(|chosen| {
                    options
                        .iter()
                        .find(|choice| choice.value == chosen)
                        .map(|choice| choice.label.get(lang).to_string())
                        .unwrap_or_else(|| chosen.to_string())
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
        FieldKind::YesNo => match value?.as_str() {
            "yes" => lang.texts().eforms.yes.to_string(),
            "no" => lang.texts().eforms.no.to_string(),
            other => other.to_string(),
        },
        FieldKind::Heading | FieldKind::Statement { .. } => return None,
        // Words, not a tick: every font of the printed slips has them, and
        // screen readers say them.
        FieldKind::Checkbox => {
            value?;
            lang.texts().eforms.checked.to_string()
        }
        // The server stores the address written out under the field's key;
        // a draft may hold only the street so far.
        FieldKind::Address => value
            .or_else(|| answers.get(&keys::address_part(key, "street")))?
            .clone(),
        _ => value?.clone(),
    })
}
