//! The e-form builder (`/quan-tri/bieu-mau`): forms as versioned
//! documents that designers edit as a draft — field by field or as a
//! whole JSON document — preview as a citizen, and publish with a second
//! person's eyes. Changes are plain POSTs (`server/src/eform_documents/`).

pub mod server_fns;

/// Why a posted document is not a form, in the designer's language: where
/// it breaks, never the parser's own (English) words.
pub fn document_refusal(error: &serde_json::Error, lang: crate::i18n::Lang) -> String {
    let t = &lang.texts().forms_admin;
    let place = (error.line(), error.column());
    match error.classify() {
        serde_json::error::Category::Data => (t.not_a_form)(place.0, place.1),
        _ => (t.not_json)(place.0, place.1),
    }
}

use crate::eforms::design::FormState;
use crate::eforms::FormDefinition;
use serde::{Deserialize, Serialize};

/// One form in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormRow {
    pub code: String,
    pub title: String,
    pub state: FormState,
    /// The number of its live version, if published.
    pub live_version: Option<i32>,
    /// Its owning agency; `None`: the province's own.
    pub agency: Option<String>,
    /// How many procedure versions in force are filed with it.
    pub procedures: i64,
    pub standard: bool,
}

/// `/quan-tri/bieu-mau`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormsAdmin {
    pub rows: Vec<FormRow>,
    /// The agencies the viewer designs for, to own a new form (code, name);
    /// the first is the province (an empty code).
    pub owners: Vec<(String, String)>,
}

/// One published version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub number: i32,
    pub published_at: String,
    pub written_by: Option<String>,
    pub published_by: Option<String>,
}

/// One save of the draft, restorable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveRow {
    pub id: i64,
    pub kind: String,
    pub saved_at: String,
    pub saved_by: Option<String>,
}

/// A field as the outline lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineField {
    pub key: String,
    pub label: String,
    /// Both labels, for the field's edit form.
    pub label_vi: String,
    pub label_en: String,
    pub kind: String,
    pub required: bool,
    /// Shown only under a condition or a rule.
    pub conditional: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineSection {
    pub key: String,
    pub title: String,
    pub fields: Vec<OutlineField>,
}

/// One rule of the draft, as the rule editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleLine {
    /// Where it sits (`form`, `page:<key>`, `group:<name>`) and its index
    /// there: what its remove button posts.
    pub place: String,
    pub index: usize,
    pub place_words: String,
    pub words: String,
}

/// What the rule editor offers and lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEditor {
    pub rules: Vec<RuleLine>,
    /// Where a rule may go (code, words).
    pub places: Vec<(String, String)>,
    /// The questions a rule may read or act on (key, label); a group's
    /// own as "Group › question".
    pub questions: Vec<(String, String)>,
    /// The pages a route may go to (key, title).
    pub pages: Vec<(String, String)>,
}

/// `/quan-tri/bieu-mau/{code}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormBuilder {
    pub code: String,
    pub title: String,
    pub state: FormState,
    pub standard: bool,
    pub agency: Option<String>,
    pub versions: Vec<VersionRow>,
    pub saves: Vec<SaveRow>,
    /// The draft as pretty JSON, for the document editor.
    pub draft_json: Option<String>,
    pub outline: Vec<OutlineSection>,
    pub rule_editor: RuleEditor,
    /// What keeps the draft from being published, in words.
    pub problems: Vec<String>,
    /// Who saved the draft last, and when.
    pub draft_saved: Option<(String, String)>,
    /// Whether the viewer may publish the draft (not its last author).
    pub may_publish: bool,
    /// Procedures in force filed with it (code, name).
    pub procedures: Vec<(String, String)>,
}

/// `/quan-tri/bieu-mau/{code}/xem-truoc`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormPreview {
    pub code: String,
    pub title: String,
    /// `None`: the draft; otherwise the version's number.
    pub version: Option<i32>,
    pub form: FormDefinition,
    pub places: crate::filing::AddressChoices,
    /// The phone-width frame (`?khung=dien-thoai`).
    pub phone: bool,
}
