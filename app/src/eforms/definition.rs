//! What an e-form is made of.

use super::logic::{Condition, Expr, Rule};
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
    /// Rules over the whole form (a page's own are in its section).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// One question page per section, then "check your answers"; without
    /// it every section is on one page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paged: bool,
}

/// A part of the form; a page when the form is paged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The name routes use (`SkipTo`, `ExitTo`); `page-N` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub title: Localised,
    pub fields: Vec<Field>,
    /// Rules read when this page is on the route; only these may skip
    /// ahead or exit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// An exit page: reached only by an `ExitTo`, it says (with its
    /// statements) why the form cannot be filed, and the form ends there.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exit: bool,
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
    /// Shown (and checked) only while the condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    /// A number with decimals (`2,5`), at most `places` of them.
    Decimal {
        #[serde(default)]
        min: Option<i64>,
        #[serde(default)]
        max: Option<i64>,
        #[serde(default = "two")]
        places: u8,
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
    /// Two dates, from and to: answered under `{name}.from` and
    /// `{name}.to`; the server adds `{name}` as "from – to".
    DateRange,
    /// A time of day, `hh:mm`.
    Time,
    Select {
        options: Vec<Choice>,
    },
    Radio {
        options: Vec<Choice>,
    },
    /// Several choices; answered as their values joined by commas.
    Checkboxes {
        options: Vec<Choice>,
        #[serde(default)]
        min_choices: Option<usize>,
        #[serde(default)]
        max_choices: Option<usize>,
    },
    /// "Có" or "Không", answered `yes` or `no`.
    YesNo,
    Checkbox,
    CitizenId,
    Phone,
    Email,
    /// Mã số thuế: 10 digits, or 10 and a 3-digit branch (`0101234567-001`).
    TaxCode,
    /// Biển số xe (`29A-123.45`, `30E-12345`, `29-B1 123.45`).
    VehiclePlate,
    /// A heading inside a section; asks nothing.
    Heading,
    /// Text to read (markdown: paragraphs, lists, bold); asks nothing.
    Statement {
        text: Localised,
    },
    /// A fixed value kept with the answers, never shown.
    Hidden {
        value: String,
    },
    /// A value computed from other answers, shown read-only and kept.
    Calculated {
        formula: Expr,
    },
    /// One or several files (a portrait, a drawing), uploaded on the filing
    /// page. The answer is the files' names, written by the server from the
    /// files it holds for the question, never taken from a post.
    File {
        /// The kinds it takes; every kind the portal takes when empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        accept: Vec<FileType>,
        #[serde(default = "one")]
        max_files: usize,
        /// Per file, under the portal's own limit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_mb: Option<u32>,
    },
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
        /// Rules read in each item on its own: a field of the group named
        /// in them is that item's ("member's age < 14" acts on that member).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        rules: Vec<Rule>,
    },
}

/// A kind of file a file question takes; the server decides a file's kind
/// from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
}

impl FileType {
    pub const ALL: [FileType; 3] = [FileType::Pdf, FileType::Jpeg, FileType::Png];

    pub fn mime(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
        }
    }

    /// The name people know the kind by.
    pub fn name(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF",
            FileType::Jpeg => "JPEG",
            FileType::Png => "PNG",
        }
    }

    /// What a file input's `accept` lists for it.
    fn accept(self) -> &'static str {
        match self {
            FileType::Pdf => ".pdf,application/pdf",
            FileType::Jpeg => ".jpg,.jpeg,image/jpeg",
            FileType::Png => ".png,image/png",
        }
    }

    /// The kinds a question takes (all when it names none).
    pub fn taken(accept: &[FileType]) -> &[FileType] {
        if accept.is_empty() {
            &FileType::ALL
        } else {
            accept
        }
    }

    /// A file input's `accept` for the kinds a question takes.
    pub fn accept_list(accept: &[FileType]) -> String {
        FileType::taken(accept)
            .iter()
            .map(|kind| kind.accept())
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn two() -> u8 {
    2
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

/// Where a field's first value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    FullName,
    CitizenId,
    DateOfBirth,
    Phone,
    Email,
    /// The permanent address (an address field's province, commune and
    /// street), which an account holds only from a verified identity.
    Address,
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

    /// The index of the section whose key (or `page-N`) is `key`.
    pub fn page_index(&self, key: &str) -> Option<usize> {
        self.sections
            .iter()
            .enumerate()
            .position(|(index, section)| section.key(index) == key)
    }

    /// The names of fields answered with several choices, groups' too.
    pub fn multiple_choice_names(&self) -> std::collections::BTreeSet<String> {
        let mut names = std::collections::BTreeSet::new();
        for field in self.fields() {
            let inner = match &field.kind {
                FieldKind::Group { fields, .. } => fields.iter().collect(),
                _ => vec![field],
            };
            for field in inner {
                if matches!(field.kind, FieldKind::Checkboxes { .. }) {
                    names.insert(field.name.clone());
                }
            }
        }
        names
    }

    /// The file questions (never inside a group: the builder refuses it).
    pub fn file_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields()
            .filter(|field| matches!(field.kind, FieldKind::File { .. }))
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

impl Section {
    /// The name routes use for this section, the `index`th of its form.
    pub fn key(&self, index: usize) -> String {
        self.key
            .clone()
            .unwrap_or_else(|| format!("page-{}", index + 1))
    }
}

impl FieldKind {
    /// Whether the field asks the citizen anything (headings, statements,
    /// hidden and calculated values do not).
    pub fn asks(&self) -> bool {
        !matches!(
            self,
            FieldKind::Heading
                | FieldKind::Statement { .. }
                | FieldKind::Hidden { .. }
                | FieldKind::Calculated { .. }
        )
    }
}
