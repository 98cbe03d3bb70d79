//! What an e-form is made of.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// A text in both interface languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localised {
    pub vi: String,
    pub en: String,
}

impl Localised {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDefinition {
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub title: Localised,
    pub fields: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The key of the answer (`child_full_name`); unique in the form.
    pub name: String,
    pub label: Localised,
    #[serde(default)]
    pub help: Option<Localised>,
    #[serde(flatten)]
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// Shown (and checked) only when another field has a given answer.
    #[serde(default)]
    pub visible_when: Option<Condition>,
    /// Filled in from the citizen's profile when the form starts.
    #[serde(default)]
    pub prefill: Option<Prefill>,
    /// The applicant's declaration (cam đoan): asked last, after the
    /// documents and the fees, just before the dossier is checked and sent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub declaration: bool,
}

/// The kind of a field and its own limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    Text {
        #[serde(default)]
        min_length: Option<usize>,
        #[serde(default)]
        max_length: Option<usize>,
        /// A regular expression the whole answer must match, with an example
        /// of a good answer for the message ("tháng/năm, ví dụ 03/2010").
        #[serde(default, flatten)]
        pattern: Option<TextPattern>,
    },
    LongText {
        #[serde(default)]
        max_length: Option<usize>,
    },
    Number {
        #[serde(default)]
        min: Option<i64>,
        #[serde(default)]
        max: Option<i64>,
    },
    /// Whole đồng.
    Money {
        #[serde(default)]
        min: Option<i64>,
        #[serde(default)]
        max: Option<i64>,
    },
    /// A date; `before_today` for dates of birth and other past events,
    /// `not_before` names another date field it may not precede.
    Date {
        #[serde(default)]
        before_today: bool,
        #[serde(default)]
        not_before: Option<String>,
    },
    Select {
        options: Vec<Choice>,
    },
    Radio {
        options: Vec<Choice>,
    },
    Checkbox,
    CitizenId,
    Phone,
    Email,
    /// A place in Vietnam: province, then a commune of that province (the
    /// 2025 units), then house number and street or village. Answered under
    /// `{name}.province`, `{name}.commune` and `{name}.street`; the server
    /// adds `{name}` as the whole address written out.
    Address,
    /// The same few fields asked for each of several items (children, past
    /// residences). Item `i`'s answers are `{name}.{i}.{field}`; how many
    /// items there are is `{name}.items`.
    Group {
        fields: Vec<Field>,
        /// "Nơi cư trú" → buttons "Thêm nơi cư trú", legends "Nơi cư trú 2".
        item_label: Localised,
        #[serde(default = "one")]
        min_items: usize,
        #[serde(default = "ten")]
        max_items: usize,
    },
}

fn one() -> usize {
    1
}

fn ten() -> usize {
    10
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPattern {
    pub pattern: String,
    pub pattern_example: Localised,
}

impl TextPattern {
    /// Whether the expression compiles (checked when forms are seeded).
    pub fn compiles(&self) -> bool {
        regex_lite::Regex::new(&self.pattern).is_ok()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: Localised,
}

/// "Show this field when `field` is `equals`."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub field: String,
    pub equals: String,
}

/// Where a field's first value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    FullName,
    CitizenId,
    DateOfBirth,
    Phone,
    Email,
}

impl FormDefinition {
    /// Every field, section by section.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections
            .iter()
            .flat_map(|section| section.fields.iter())
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields().find(|field| field.name == name)
    }

    /// The repeatable group called `name`, with its limits.
    pub fn group(&self, name: &str) -> Option<(&[Field], usize, usize)> {
        match &self.field(name)?.kind {
            FieldKind::Group {
                fields,
                min_items,
                max_items,
                ..
            } => Some((fields, *min_items, (*max_items).max(*min_items))),
            _ => None,
        }
    }
}
