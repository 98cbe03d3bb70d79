//! Procedure versions as administrators keep them (`/quan-tri/thu-tuc`).
//!
//! A change to a procedure is a new version: a draft copied from the version
//! in force (documents, fees, blank forms and workflow come along), edited,
//! then published by a *second* administrator — the author cannot publish
//! their own draft (four eyes) — with an effective date today or later. Until
//! that date the previous version stays in force, and a dossier keeps the
//! version it was filed under. Online filing can be suspended with a reason
//! citizens are shown.

mod creation;
mod fees;
pub mod server_fns;
#[cfg(test)]
mod tests;
mod workflow;

pub use creation::{
    check_new_procedure, is_procedure_code, Choice, NewProcedure, NewProcedureOptions,
};
pub use fees::{check_fees, ExemptionLine, FeeLine, AMOUNT_LIMIT};
pub use workflow::{check_steps, check_workflow, processing_hours, StepLine};

use crate::dossiers::workflow_steps::WorkflowProblem;
use crate::i18n::ProcedureAdminTexts;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest name, note or line an administrator may type.
pub const TEXT_LIMIT: usize = 500;
/// The longest description, requirements or legal basis.
pub const LONG_TEXT_LIMIT: usize = 5000;

/// Where a version stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VersionState {
    Draft,
    /// Published, in force from a later day.
    Scheduled,
    InForce,
    /// Published, replaced by a later one.
    Superseded,
}

/// One required document, as the draft editor shows and takes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentLine {
    pub name: String,
    pub originals: i32,
    pub copies: i32,
    pub mandatory: bool,
    /// A note citizens read beside it ("Áp dụng nơi chưa có bản đồ địa
    /// chính."); empty for none.
    pub note: String,
    /// Needed only when an authorised person files for the applicant (the
    /// văn bản ủy quyền).
    pub when_represented: bool,
    /// Its blank form (mẫu đơn, tờ khai), offered beside its upload slot.
    pub template: Option<TemplateRef>,
}

/// A blank form stored in `template_files`: downloaded at
/// [`crate::paths::template_file`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRef {
    pub id: i64,
    pub file_name: String,
}

/// Cách thức thực hiện: the ways a version's dossiers may be filed, by
/// their [`crate::dossiers::Channel`] names (`online`, `counter`, `post`).
/// A file that leaves them out means all three, as most procedures offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Channels(pub Vec<String>);

impl Default for Channels {
    fn default() -> Self {
        Channels(
            crate::dossiers::Channel::ALL
                .iter()
                .map(|channel| channel.as_str().to_string())
                .collect(),
        )
    }
}

impl Channels {
    pub fn offers(&self, channel: crate::dossiers::Channel) -> bool {
        self.0.iter().any(|name| name == channel.as_str())
    }
}

/// What an administrator edits in a version (and what a catalogue file
/// gives for one; missing parts are empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VersionFields {
    pub name: String,
    /// Lĩnh vực: the sector's code.
    pub sector: String,
    /// Cấp thực hiện: `province` or `commune` (every commune implements
    /// it).
    pub level: String,
    /// For a provincial procedure, the implementing agency's code (the
    /// province's own, or empty, for its people's committee).
    pub agency: String,
    /// The name in English; empty when not given (pages then show the
    /// Vietnamese one).
    pub name_en: String,
    pub description: String,
    /// `same_day`, `working_days` or `working_hours`.
    pub time_unit: String,
    pub time_value: i32,
    /// `HH:MM`, or empty for none.
    pub cutoff: String,
    /// `full` (toàn trình) or `partial` (một phần).
    pub online_level: String,
    pub channels: Channels,
    /// The e-form it is filed with (the form's code); empty for the
    /// standard form.
    pub form: String,
    pub result_type: String,
    pub requirements: String,
    /// The applicant must file in person: no authorised representative
    /// (kết hôn, nhận cha mẹ con: Circular 04/2020/TT-BTP art. 3).
    pub representation_barred: bool,
    /// One instrument per line.
    pub legal_basis: Vec<String>,
    /// Trình tự thực hiện: one step per line, as citizens read it.
    pub steps: Vec<String>,
    pub documents: Vec<DocumentLine>,
    /// `submission` or `before_result`.
    pub payment_due: String,
    pub fees: Vec<FeeLine>,
    pub exemptions: Vec<ExemptionLine>,
    /// The four steps, in the state machine's order.
    pub workflow: Vec<StepLine>,
}

/// Why a draft's fields are refused, per field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRefusal {
    Missing,
    TooLong,
    TimeUnit,
    TimeValue,
    Cutoff,
    OnlineLevel,
    /// No way to file, or one we do not know.
    Channels,
    DocumentCount,
    PaymentDue,
    FeeKind,
    Amount,
    UnknownFormField,
    Beyond,
    ExemptionCode,
    PercentOff,
    UnknownDocument,
    Budget,
    ProcedureCode,
    CodeTaken,
    Level,
    UnknownChoice,
    /// A draft already waits for this procedure.
    DraftWaiting,
}

impl FieldRefusal {
    pub fn message(self, t: &ProcedureAdminTexts) -> &'static str {
        match self {
            FieldRefusal::Missing => t.missing,
            FieldRefusal::TooLong => t.too_long,
            FieldRefusal::TimeUnit => t.time_unit_invalid,
            FieldRefusal::TimeValue => t.time_value_invalid,
            FieldRefusal::Cutoff => t.cutoff_invalid,
            FieldRefusal::OnlineLevel => t.online_level_invalid,
            FieldRefusal::Channels => t.channels_invalid,
            FieldRefusal::DocumentCount => t.document_count_invalid,
            FieldRefusal::PaymentDue => t.content.payment_due_invalid,
            FieldRefusal::FeeKind => t.content.fee_kind_invalid,
            FieldRefusal::Amount => t.content.amount_invalid,
            FieldRefusal::UnknownFormField => t.content.per_field_unknown,
            FieldRefusal::Beyond => t.content.beyond_invalid,
            FieldRefusal::ExemptionCode => t.content.exemption_code_invalid,
            FieldRefusal::PercentOff => t.content.percent_off_invalid,
            FieldRefusal::UnknownDocument => t.content.evidence_unknown,
            FieldRefusal::Budget => t.content.budget_invalid,
            FieldRefusal::ProcedureCode => t.content.procedure_code_invalid,
            FieldRefusal::CodeTaken => t.content.procedure_code_taken,
            FieldRefusal::Level => t.content.level_invalid,
            FieldRefusal::UnknownChoice => t.content.choice_unknown,
            FieldRefusal::DraftWaiting => t.draft_exists,
        }
    }
}

/// The refusals of `fields`, each with the form field it belongs to; empty
/// when the draft may be saved. `form_fields` are the answers of the
/// version's form (a fee may be billed per unit of one of them).
pub fn check_fields(fields: &VersionFields, form_fields: &[String]) -> Vec<(String, FieldRefusal)> {
    let mut refused = Vec::new();
    let mut text = |name: &str, value: &str, limit: usize, required: bool| {
        if required && value.trim().is_empty() {
            refused.push((name.to_string(), FieldRefusal::Missing));
        } else if value.chars().count() > limit {
            refused.push((name.to_string(), FieldRefusal::TooLong));
        }
    };
    text("name", &fields.name, TEXT_LIMIT, true);
    text("name_en", &fields.name_en, TEXT_LIMIT, false);
    // "steps" on the form counts the workflow's rows.
    text(
        "procedure_steps",
        &fields.steps.join("\n"),
        LONG_TEXT_LIMIT,
        false,
    );
    text("result_type", &fields.result_type, TEXT_LIMIT, true);
    text("description", &fields.description, LONG_TEXT_LIMIT, false);
    text("requirements", &fields.requirements, LONG_TEXT_LIMIT, false);
    text(
        "legal_basis",
        &fields.legal_basis.join("\n"),
        LONG_TEXT_LIMIT,
        false,
    );
    if !["same_day", "working_days", "working_hours"].contains(&fields.time_unit.as_str()) {
        refused.push(("time_unit".into(), FieldRefusal::TimeUnit));
    } else if !(1..=365).contains(&fields.time_value)
        || (fields.time_unit == "same_day" && fields.time_value != 1)
    {
        refused.push(("time_value".into(), FieldRefusal::TimeValue));
    }
    if !fields.cutoff.is_empty()
        && chrono::NaiveTime::parse_from_str(&fields.cutoff, "%H:%M").is_err()
    {
        refused.push(("cutoff".into(), FieldRefusal::Cutoff));
    }
    if !["full", "partial"].contains(&fields.online_level.as_str()) {
        refused.push(("online_level".into(), FieldRefusal::OnlineLevel));
    }
    if fields.sector.is_empty() {
        refused.push(("sector".into(), FieldRefusal::Missing));
    }
    if !["province", "commune"].contains(&fields.level.as_str()) {
        refused.push(("level".into(), FieldRefusal::Level));
    }
    let channels = &fields.channels.0;
    if channels.is_empty()
        || channels
            .iter()
            .any(|name| crate::dossiers::Channel::parse(name).is_none())
    {
        refused.push(("channels".into(), FieldRefusal::Channels));
    }
    for (index, document) in fields.documents.iter().enumerate() {
        let name = format!("document.{index}.name");
        if document.name.chars().count() > TEXT_LIMIT {
            refused.push((name, FieldRefusal::TooLong));
        }
        if document.note.chars().count() > TEXT_LIMIT {
            refused.push((format!("document.{index}.note"), FieldRefusal::TooLong));
        }
        if !(0..=20).contains(&document.originals) || !(0..=20).contains(&document.copies) {
            refused.push((
                format!("document.{index}.originals"),
                FieldRefusal::DocumentCount,
            ));
        }
    }
    let documents: Vec<String> = fields.documents.iter().map(|d| d.name.clone()).collect();
    refused.extend(check_fees(
        &fields.fees,
        &fields.exemptions,
        &fields.payment_due,
        form_fields,
        &documents,
        TEXT_LIMIT,
    ));
    refused.extend(check_steps(&fields.workflow, TEXT_LIMIT));
    refused
}

/// Why a draft may not be published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishRefusal {
    /// Four eyes: the author may not publish their own draft.
    OwnDraft,
    NotADate,
    /// An effective date before today would rewrite the past.
    BeforeToday,
    /// The workflow does not fit the legal time limit or the machine.
    Workflow(WorkflowProblem),
}

impl PublishRefusal {
    pub fn message(&self, t: &ProcedureAdminTexts) -> String {
        match self {
            PublishRefusal::OwnDraft => t.own_draft.into(),
            PublishRefusal::NotADate => t.effective_not_a_date.into(),
            PublishRefusal::BeforeToday => t.effective_before_today.into(),
            PublishRefusal::Workflow(WorkflowProblem::BudgetsExceed { steps, procedure }) => {
                (t.content.workflow_exceeds)(*steps, *procedure)
            }
            PublishRefusal::Workflow(_) => t.content.workflow_malformed.into(),
        }
    }
}

/// Whether `publisher` may publish a draft written by `author` to take
/// effect on `effective` (as typed; empty means today); the day it takes
/// effect.
pub fn check_publication(
    author: Option<i64>,
    publisher: i64,
    effective: Option<NaiveDate>,
    typed: &str,
    today: NaiveDate,
) -> Result<NaiveDate, PublishRefusal> {
    if author == Some(publisher) {
        return Err(PublishRefusal::OwnDraft);
    }
    let day = match effective {
        Some(day) => day,
        None if typed.trim().is_empty() => today,
        None => return Err(PublishRefusal::NotADate),
    };
    if day < today {
        return Err(PublishRefusal::BeforeToday);
    }
    Ok(day)
}

/// Whether the draft's content may be published: its workflow fits the
/// processing time and the state machine.
pub fn check_content(fields: &VersionFields) -> Result<(), PublishRefusal> {
    check_workflow(&fields.workflow, &fields.time_unit, fields.time_value)
        .map_err(PublishRefusal::Workflow)
}

/// One field that differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub label: String,
    pub before: String,
    pub after: String,
}

/// The fields of `after` that differ from `before`, labelled for people.
pub fn differences(
    before: &VersionFields,
    after: &VersionFields,
    t: &ProcedureAdminTexts,
) -> Vec<FieldChange> {
    let documents = |fields: &VersionFields| {
        fields
            .documents
            .iter()
            .map(|document| (t.document_line)(document))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let c = t.content;
    let lines = |items: Vec<String>| items.join("\n");
    let fees = |fields: &VersionFields| lines(fields.fees.iter().map(c.fee_line).collect());
    let exemptions =
        |fields: &VersionFields| lines(fields.exemptions.iter().map(c.exemption_line).collect());
    let workflow =
        |fields: &VersionFields| lines(fields.workflow.iter().map(c.step_line).collect());
    let due = |fields: &VersionFields| (c.payment_due_text)(&fields.payment_due).to_string();
    let time = |fields: &VersionFields| (t.time_text)(&fields.time_unit, fields.time_value);
    let online = |fields: &VersionFields| (t.online_level_text)(&fields.online_level).to_string();
    let level = |fields: &VersionFields| match fields.level.as_str() {
        "commune" => c.level_commune.to_string(),
        "province" => c.level_province.to_string(),
        other => other.to_string(),
    };
    // A commune procedure has no agency of its own; "—" is the province's
    // committee, as the editor shows it.
    let agency = |fields: &VersionFields| match (fields.level.as_str(), fields.agency.as_str()) {
        ("commune", _) => String::new(),
        (_, "") => "—".to_string(),
        (_, code) => code.to_string(),
    };
    let channels = |fields: &VersionFields| {
        fields
            .channels
            .0
            .iter()
            .map(|name| (t.channel_name)(name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    [
        (t.name, before.name.clone(), after.name.clone()),
        (t.name_en, before.name_en.clone(), after.name_en.clone()),
        (c.sector, before.sector.clone(), after.sector.clone()),
        (c.level, level(before), level(after)),
        (c.agency, agency(before), agency(after)),
        (
            t.description,
            before.description.clone(),
            after.description.clone(),
        ),
        (t.steps, before.steps.join("\n"), after.steps.join("\n")),
        (t.processing_time, time(before), time(after)),
        (t.cutoff, before.cutoff.clone(), after.cutoff.clone()),
        (t.online_level, online(before), online(after)),
        (t.channels, channels(before), channels(after)),
        (c.eform, before.form.clone(), after.form.clone()),
        (
            t.result_type,
            before.result_type.clone(),
            after.result_type.clone(),
        ),
        (
            t.requirements,
            before.requirements.clone(),
            after.requirements.clone(),
        ),
        (
            t.representation_barred,
            (t.representation_text)(before.representation_barred).to_string(),
            (t.representation_text)(after.representation_barred).to_string(),
        ),
        (
            t.legal_basis,
            before.legal_basis.join("\n"),
            after.legal_basis.join("\n"),
        ),
        (t.documents, documents(before), documents(after)),
        (c.fees, fees(before), fees(after)),
        (c.payment_due, due(before), due(after)),
        (c.exemptions, exemptions(before), exemptions(after)),
        (c.workflow, workflow(before), workflow(after)),
    ]
    .into_iter()
    .filter(|(_, old, new)| old != new)
    .map(|(label, before, after)| FieldChange {
        label: label.to_string(),
        before,
        after,
    })
    .collect()
}

/// One version in the procedure's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub id: i64,
    pub version: i32,
    pub state: VersionState,
    /// `dd/mm/yyyy`.
    pub effective_from: String,
    pub author: Option<String>,
    pub publisher: Option<String>,
}

/// The draft being edited, if there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: i64,
    pub version: i32,
    pub author: Option<String>,
    pub fields: VersionFields,
    /// What it changes from the version in force.
    pub changes: Vec<FieldChange>,
    /// Whether the viewer may publish it (an administrator who did not
    /// write it).
    pub may_publish: bool,
    /// The agencies a step may be given to (liên thông): code and name.
    pub step_agencies: Vec<(String, String)>,
    /// The sectors and implementing agencies it may be placed in.
    pub placement: NewProcedureOptions,
}

/// `/quan-tri/thu-tuc/{code}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureAdmin {
    pub code: String,
    pub name: String,
    pub versions: Vec<VersionRow>,
    pub draft: Option<Draft>,
    /// Why online filing is suspended, if it is.
    pub suspended: Option<String>,
    /// Whether a version was ever published (citizens see the procedure).
    pub published: bool,
    /// Whether the viewer may draft, publish and suspend (the province's
    /// administrators); others read.
    pub may_edit: bool,
}

/// `/quan-tri/thu-tuc/{code}/so-sanh`: two versions field by field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionComparison {
    pub code: String,
    pub name: String,
    /// Every version number, newest first.
    pub versions: Vec<i32>,
    pub from: i32,
    pub to: i32,
    pub changes: Vec<FieldChange>,
}

/// `/quan-tri/thu-tuc`: the procedures found, and whether the viewer may
/// add one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProceduresAdmin {
    pub rows: Vec<ProcedureAdminRow>,
    pub may_edit: bool,
}

/// One procedure in `/quan-tri/thu-tuc`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureAdminRow {
    pub code: String,
    pub name: String,
    /// The version in force; none before the first is published.
    pub version: Option<i32>,
    pub has_draft: bool,
    pub scheduled: bool,
    pub suspended: bool,
}
