//! What the rules read of a form, and nothing else: the browser's copy.
//! The filing page's island receives this, not the whole definition, whose
//! labels, options and checks would cost the bundle about 80 KiB of
//! deserialisers (bench/README.md, "Browser bundle"); the server derives it
//! from the definition with [`FormDefinition::logic`], so both evaluate the
//! same thing.

use super::{Condition, Expr, Rule};
use crate::eforms::{FieldKind, FormDefinition};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogicForm {
    pub sections: Vec<LogicSection>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogicSection {
    /// The section's route key (`page-N` when the form gives none).
    pub key: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exit: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    pub fields: Vec<LogicField>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogicField {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_when: Option<Condition>,
    /// A several-choice field: its choices' values (answered `{name}.{value}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// The value the form gives it: a calculated field's formula, a hidden
    /// field's literal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<LogicGroup>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogicGroup {
    pub fields: Vec<LogicField>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    pub min_items: usize,
    pub max_items: usize,
}

impl LogicForm {
    /// The index of the section whose key is `key`.
    pub fn page_index(&self, key: &str) -> Option<usize> {
        self.sections.iter().position(|section| section.key == key)
    }

    /// Every field, section by section.
    pub fn fields(&self) -> impl Iterator<Item = &LogicField> {
        self.sections
            .iter()
            .flat_map(|section| section.fields.iter())
    }

    /// The names of several-choice fields, groups' too.
    pub fn multiple_choice_names(&self) -> std::collections::BTreeSet<String> {
        self.fields()
            .flat_map(|field| match &field.group {
                Some(group) => group.fields.iter().collect(),
                None => vec![field],
            })
            .filter(|field| !field.choices.is_empty())
            .map(|field| field.name.clone())
            .collect()
    }
}

impl LogicForm {
    /// The answers in a form post as the browser has them (`FormData`):
    /// the first value of each name, and each several-choice field's
    /// ticked `{name}.{value}` boxes joined as the server reads them
    /// (`keys::posted_answers`).
    pub fn posted(&self, pairs: &[(String, String)]) -> crate::eforms::Answers {
        let choices: std::collections::BTreeMap<&str, &[String]> = self
            .fields()
            .flat_map(|field| match &field.group {
                Some(group) => group.fields.iter().collect(),
                None => vec![field],
            })
            .filter(|field| !field.choices.is_empty())
            .map(|field| (field.name.as_str(), field.choices.as_slice()))
            .collect();
        // A value the form gives is never read from a post.
        let given = |name: &str| {
            self.fields().any(|field| {
                (field.value.is_some() && field.name == name)
                    || field.group.as_ref().is_some_and(|group| {
                        name.split_once('.').is_some_and(|(head, rest)| {
                            head == field.name
                                && rest.split_once('.').is_some_and(|(_, inner)| {
                                    group
                                        .fields
                                        .iter()
                                        .any(|f| f.value.is_some() && f.name == inner)
                                })
                        })
                    })
            })
        };
        let mut answers = crate::eforms::Answers::new();
        let mut ticked: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
        for (name, value) in pairs
            .iter()
            .filter(|(name, value)| !value.is_empty() && !given(name))
        {
            let choice = name.rsplit_once('.').filter(|(key, choice)| {
                let field = key.rsplit('.').next().unwrap_or(key);
                choices
                    .get(field)
                    .is_some_and(|values| values.iter().any(|value| value == choice))
            });
            match choice {
                Some((key, choice)) => ticked.entry(key.to_string()).or_default().push(choice),
                None => {
                    answers.entry(name.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        for (key, mut chosen) in ticked {
            let field = key.rsplit('.').next().unwrap_or(&key).to_string();
            let order = choices.get(field.as_str()).copied().unwrap_or_default();
            chosen.sort_by_key(|choice| order.iter().position(|value| value == choice));
            chosen.dedup();
            answers.insert(key, chosen.join(","));
        }
        answers
    }
}

impl FormDefinition {
    /// What the rules read of this form.
    pub fn logic(&self) -> LogicForm {
        LogicForm {
            sections: self
                .sections
                .iter()
                .enumerate()
                .map(|(index, section)| LogicSection {
                    key: section.key(index),
                    exit: section.exit,
                    rules: section.rules.clone(),
                    fields: section.fields.iter().map(logic_field).collect(),
                })
                .collect(),
            rules: self.rules.clone(),
        }
    }
}

fn logic_field(field: &crate::eforms::Field) -> LogicField {
    let mut logic = LogicField {
        name: field.name.clone(),
        visible_when: field.visible_when.clone(),
        ..LogicField::default()
    };
    match &field.kind {
        FieldKind::Checkboxes { options, .. } => {
            logic.choices = options.iter().map(|option| option.value.clone()).collect();
        }
        FieldKind::Calculated { formula } => logic.value = Some(formula.clone()),
        FieldKind::Hidden { value } => {
            logic.value = Some(Expr::Literal(serde_json::Value::String(value.clone())));
        }
        FieldKind::Group {
            fields,
            rules,
            min_items,
            max_items,
            ..
        } => {
            logic.group = Some(LogicGroup {
                fields: fields.iter().map(logic_field).collect(),
                rules: rules.clone(),
                min_items: *min_items,
                max_items: (*max_items).max(*min_items),
            });
        }
        _ => {}
    }
    logic
}
