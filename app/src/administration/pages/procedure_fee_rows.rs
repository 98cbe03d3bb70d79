//! The draft editor's fees: the fee lines, when they are paid, and the
//! groups exempted or given a reduction. Plain inputs in the draft's one
//! form; blank rows at the end add lines without JavaScript.

use super::procedure_draft_form::{row_input, typed, DRAFT_FORM};
use crate::administration::procedures::{ExemptionLine, FeeLine};
use crate::forms::{field_id, FormFeedback};
use crate::i18n::ProcedureContentTexts;
use leptos::prelude::*;

/// Blank rows offered for adding.
const BLANK_ROWS: usize = 2;

/// The error of the first of `parts` of row `prefix.index` that has one.
fn row_error(
    feedback: &FormFeedback,
    prefix: &str,
    index: usize,
    parts: &[&str],
) -> Option<String> {
    parts
        .iter()
        .find_map(|part| feedback.message_for(&format!("{prefix}.{index}.{part}")))
}

#[component]
pub fn FeeRows(
    fees: Vec<FeeLine>,
    payment_due: String,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    let rows = fees.len() + BLANK_ROWS;
    let due = typed(&feedback, "payment_due", payment_due);
    let due_id = field_id(DRAFT_FORM, "payment_due");
    view! {
        <fieldset class="fieldset">
            <legend class="label">{c.fees}</legend>
            <p class="hint">{c.fees_hint}</p>
            <input type="hidden" name="fees" value=rows.to_string()/>
            {(0..rows).map(|index| {
                view! { <FeeRow index stored=fees.get(index).cloned() feedback=feedback.clone() c/> }
            }).collect_view()}
            <div class="form-group">
                <label class="label" for=due_id.clone()>{c.payment_due}</label>
                <select class="select" id=due_id name="payment_due">
                    {[("submission", c.due_submission), ("before_result", c.due_before_result)]
                        .into_iter().map(|(code, label)| view! { <option value=code selected=due == code>{label}</option> }).collect_view()}
                </select>
            </div>
        </fieldset>
    }
}

#[component]
fn FeeRow(
    index: usize,
    stored: Option<FeeLine>,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    let key = |part: &str| format!("fee.{index}.{part}");
    let blank = stored.is_none();
    let line = stored.unwrap_or(FeeLine {
        kind: "le_phi".into(),
        description: String::new(),
        amount_vnd: 0,
        charged: true,
        per_field: String::new(),
        beyond: 0,
        note: String::new(),
    });
    let kind = typed(&feedback, &key("kind"), line.kind.clone());
    let charged = if feedback.values.is_empty() {
        line.charged
    } else {
        feedback.values.contains_key(&key("charged"))
    };
    let error = row_error(
        &feedback,
        "fee",
        index,
        &["kind", "description", "amount_vnd", "per_field", "beyond"],
    );
    let class = if error.is_some() {
        "editor-row form-group--error"
    } else {
        "editor-row"
    };
    let (kind_id, charged_id) = (
        field_id(DRAFT_FORM, &key("kind")),
        field_id(DRAFT_FORM, &key("charged")),
    );
    let amount = if blank {
        String::new()
    } else {
        line.amount_vnd.to_string()
    };
    view! {
        <div class=class role="group" aria-label=(c.fee_row)(index + 1)>
            {error.map(|message| view! { <p class="error-message">{message}</p> })}
            <span class="editor-row__field">
                <label class="label" for=kind_id.clone()>{c.fee_kind}</label>
                <select class="select" id=kind_id name=key("kind")>
                    {[("le_phi", c.kind_le_phi), ("phi", c.kind_phi)]
                        .into_iter().map(|(code, label)| view! { <option value=code selected=kind == code>{label}</option> }).collect_view()}
                </select>
            </span>
            {row_input(&feedback, key("description"), c.fee_description.into(), line.description.clone(), false)}
            {row_input(&feedback, key("amount_vnd"), c.amount.into(), amount, true)}
            <span class="checkbox">
                <input class="checkbox__input" type="checkbox" id=charged_id.clone() name=key("charged") checked=charged/>
                <label class="checkbox__label" for=charged_id>{c.charged}</label>
            </span>
            {row_input(&feedback, key("per_field"), c.per_field.into(), line.per_field.clone(), false)}
            {row_input(&feedback, key("beyond"), c.beyond.into(), line.beyond.to_string(), true)}
            {row_input(&feedback, key("note"), c.note.into(), line.note.clone(), false)}
        </div>
    }
}

#[component]
pub fn ExemptionRows(
    exemptions: Vec<ExemptionLine>,
    documents: Vec<String>,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    let rows = exemptions.len() + BLANK_ROWS;
    view! {
        <fieldset class="fieldset">
            <legend class="label">{c.exemptions}</legend>
            <p class="hint">{c.exemptions_hint}</p>
            <input type="hidden" name="exemptions" value=rows.to_string()/>
            {(0..rows).map(|index| {
                let stored = exemptions.get(index).cloned();
                view! { <ExemptionRow index stored documents=documents.clone() feedback=feedback.clone() c/> }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn ExemptionRow(
    index: usize,
    stored: Option<ExemptionLine>,
    documents: Vec<String>,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    let key = |part: &str| format!("exemption.{index}.{part}");
    let blank = stored.is_none();
    let line = stored.unwrap_or(ExemptionLine {
        code: String::new(),
        name: String::new(),
        percent_off: 100,
        evidence_document: String::new(),
    });
    let evidence = typed(
        &feedback,
        &key("evidence_document"),
        line.evidence_document.clone(),
    );
    let error = row_error(
        &feedback,
        "exemption",
        index,
        &["code", "name", "percent_off", "evidence_document"],
    );
    let class = if error.is_some() {
        "editor-row form-group--error"
    } else {
        "editor-row"
    };
    let evidence_id = field_id(DRAFT_FORM, &key("evidence_document"));
    let percent = if blank {
        String::new()
    } else {
        line.percent_off.to_string()
    };
    view! {
        <div class=class role="group" aria-label=(c.exemption_row)(index + 1)>
            {error.map(|message| view! { <p class="error-message">{message}</p> })}
            {row_input(&feedback, key("code"), c.exemption_code.into(), line.code.clone(), false)}
            {row_input(&feedback, key("name"), c.exemption_name.into(), line.name.clone(), false)}
            {row_input(&feedback, key("percent_off"), c.percent_off.into(), percent, true)}
            <span class="editor-row__field">
                <label class="label" for=evidence_id.clone()>{c.evidence_document}</label>
                <select class="select" id=evidence_id name=key("evidence_document")>
                    <option value="" selected=evidence.is_empty()>{c.evidence_none}</option>
                    {documents.into_iter().map(|name| {
                        let selected = name == evidence;
                        let shown = name.clone();
                        view! { <option value=name selected=selected>{shown}</option> }
                    }).collect_view()}
                </select>
            </span>
        </div>
    }
}
