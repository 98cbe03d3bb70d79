//! The draft editor of a procedure version: its main fields, documents,
//! fees and workflow, as one plain form (no JavaScript needed). A refused
//! form comes back with everything typed.

use super::procedure_fee_rows::{ExemptionRows, FeeRows};
use super::procedure_placement_fields::PlacementFields;
use super::procedure_workflow_rows::WorkflowRows;
use crate::administration::procedures::{
    Channels, DocumentLine, NewProcedureOptions, TemplateRef, VersionFields,
};
use crate::dossiers::Channel;
use crate::forms::{field_id, FieldGroup, FormFeedback};
use crate::i18n::{use_texts, ProcedureAdminTexts};
use crate::paths;
use leptos::prelude::*;

/// The form name the server's handler answers to.
pub const DRAFT_FORM: &str = "procedure_draft";
/// Blank document rows offered for adding.
const BLANK_ROWS: usize = 3;
/// What a blank form may be: PDF, Word or OpenDocument text.
const TEMPLATE_ACCEPT: &str = ".pdf,.doc,.docx,.odt";

/// A field's value: as typed when the form came back, else as stored.
pub(super) fn typed(feedback: &FormFeedback, name: &str, stored: String) -> String {
    if feedback.values.contains_key(name) {
        feedback.value(name)
    } else {
        stored
    }
}

/// A labelled text input of a row.
pub(super) fn row_input(
    feedback: &FormFeedback,
    name: String,
    label: String,
    stored: String,
    short: bool,
) -> impl IntoView {
    let id = field_id(DRAFT_FORM, &name);
    let shown = typed(feedback, &name, stored);
    let class = if short { "input input--short" } else { "input" };
    view! {
        <span class="editor-row__field">
            <label class="label" for=id.clone()>{label}</label>
            <input class=class type="text" id=id name=name value=shown/>
        </span>
    }
}

#[component]
pub fn DraftForm(
    code: String,
    fields: VersionFields,
    step_agencies: Vec<(String, String)>,
    placement: NewProcedureOptions,
    feedback: FormFeedback,
) -> impl IntoView {
    let t = &use_texts().procedures_admin;
    let id = |name: &str| field_id(DRAFT_FORM, name);
    let unit = typed(&feedback, "time_unit", fields.time_unit.clone());
    let level = typed(&feedback, "online_level", fields.online_level.clone());
    let time_value = typed(&feedback, "time_value", fields.time_value.to_string());
    let text_input =
        |name: &'static str, label: &'static str, hint: &'static str, stored: String| {
            let shown = typed(&feedback, name, stored);
            let input_id = id(name);
            view! {
                <FieldGroup name=name.to_string() label hint feedback=feedback.clone()>
                    <input class="input" type="text" id=input_id name=name value=shown/>
                </FieldGroup>
            }
        };
    let text_area =
        |name: &'static str, label: &'static str, hint: &'static str, stored: String| {
            let shown = typed(&feedback, name, stored);
            let input_id = id(name);
            view! {
                <FieldGroup name=name.to_string() label hint feedback=feedback.clone()>
                    <textarea class="textarea" id=input_id name=name rows="4">{shown}</textarea>
                </FieldGroup>
            }
        };
    let rows = fields.documents.len() + BLANK_ROWS;
    let document_names: Vec<String> = fields.documents.iter().map(|d| d.name.clone()).collect();
    view! {
        <form method="post" action=paths::save_procedure_draft(&code) enctype="multipart/form-data" novalidate=""
            class="procedure-draft">
            {text_input("name", t.name, "", fields.name.clone())}
            {text_input("name_en", t.name_en, t.name_en_hint, fields.name_en.clone())}
            {text_area("description", t.description, "", fields.description.clone())}
            <PlacementFields fields=fields.clone() options=placement feedback=feedback.clone()/>
            <FieldGroup name="time_unit" label=t.time_unit feedback=feedback.clone()>
                <select class="select" id=id("time_unit") name="time_unit">
                    {[("same_day", t.unit_same_day), ("working_days", t.unit_working_days), ("working_hours", t.unit_working_hours)]
                        .into_iter().map(|(code, label)| view! { <option value=code selected=unit == code>{label}</option> }).collect_view()}
                </select>
            </FieldGroup>
            <FieldGroup name="time_value" label=t.time_value feedback=feedback.clone()>
                <input class="input input--short" type="text" inputmode="numeric" id=id("time_value") name="time_value"
                    value=time_value/>
            </FieldGroup>
            {text_input("cutoff", t.cutoff, t.cutoff_hint, fields.cutoff.clone())}
            <FieldGroup name="online_level" label=t.online_level feedback=feedback.clone()>
                <select class="select" id=id("online_level") name="online_level">
                    {[("full", t.level_full), ("partial", t.level_partial)]
                        .into_iter().map(|(code, label)| view! { <option value=code selected=level == code>{label}</option> }).collect_view()}
                </select>
            </FieldGroup>
            <ChannelBoxes stored=fields.channels.clone() feedback=feedback.clone() t/>
            {text_input("result_type", t.result_type, "", fields.result_type.clone())}
            {text_area("requirements", t.requirements, "", fields.requirements.clone())}
            <RepresentationBox stored=fields.representation_barred feedback=feedback.clone() t/>
            {text_area("procedure_steps", t.steps, t.steps_hint, fields.steps.join("\n"))}
            {text_area("legal_basis", t.legal_basis, t.legal_basis_hint, fields.legal_basis.join("\n"))}
            <fieldset class="fieldset">
                <legend class="label">{t.documents}</legend>
                <p class="hint">{t.documents_hint}</p>
                <input type="hidden" name="documents" value=rows.to_string()/>
                {(0..rows).map(|index| {
                    let stored = fields.documents.get(index).cloned();
                    view! { <DocumentRow index stored feedback=feedback.clone() t/> }
                }).collect_view()}
            </fieldset>
            <FeeRows fees=fields.fees.clone() payment_due=fields.payment_due.clone() feedback=feedback.clone() c=t.content/>
            <ExemptionRows exemptions=fields.exemptions.clone() documents=document_names feedback=feedback.clone() c=t.content/>
            <WorkflowRows steps=fields.workflow.clone() agencies=step_agencies feedback=feedback.clone() c=t.content/>
            <button type="submit" class="button">{t.save_draft}</button>
        </form>
    }
}

/// Cách thức thực hiện: a box per way to file (`channel.online`, …).
#[component]
fn ChannelBoxes(
    stored: Channels,
    feedback: FormFeedback,
    t: &'static ProcedureAdminTexts,
) -> impl IntoView {
    let legend_id = field_id(DRAFT_FORM, "channels");
    let error = feedback.message_for("channels");
    let class = if error.is_some() {
        "fieldset form-group form-group--error"
    } else {
        "fieldset form-group"
    };
    view! {
        <fieldset class=class aria-describedby=format!("{legend_id}-hint")>
            <legend class="label" id=legend_id.clone()>{t.channels}</legend>
            <p class="hint" id=format!("{legend_id}-hint")>{t.channels_hint}</p>
            {error.map(|message| view! { <p class="error-message">{message}</p> })}
            {Channel::ALL.into_iter().map(|channel| {
                let name = format!("channel.{}", channel.as_str());
                let id = field_id(DRAFT_FORM, &name);
                let ticked = if feedback.values.is_empty() {
                    stored.offers(channel)
                } else {
                    feedback.values.contains_key(&name)
                };
                view! {
                    <span class="checkbox">
                        <input class="checkbox__input" type="checkbox" id=id.clone() name=name checked=ticked/>
                        <label class="checkbox__label" for=id>{(t.channel_name)(channel.as_str())}</label>
                    </span>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// "No authorised representative": ticked for procedures the applicant
/// must file in person.
#[component]
fn RepresentationBox(
    stored: bool,
    feedback: FormFeedback,
    t: &'static ProcedureAdminTexts,
) -> impl IntoView {
    const NAME: &str = "representation_barred";
    let id = field_id(DRAFT_FORM, NAME);
    let barred = if feedback.values.is_empty() {
        stored
    } else {
        feedback.values.contains_key(NAME)
    };
    view! {
        <div class="form-group">
            <span class="checkbox">
                <input class="checkbox__input" type="checkbox" id=id.clone() name=NAME checked=barred
                    aria-describedby=format!("{id}-hint")/>
                <label class="checkbox__label" for=id.clone()>{t.representation_barred}</label>
            </span>
            <p class="hint" id=format!("{id}-hint")>{t.representation_barred_hint}</p>
        </div>
    }
}

#[component]
fn DocumentRow(
    index: usize,
    stored: Option<DocumentLine>,
    feedback: FormFeedback,
    t: &'static ProcedureAdminTexts,
) -> impl IntoView {
    let key = |part: &str| format!("document.{index}.{part}");
    let id = |part: &str| field_id(DRAFT_FORM, &key(part));
    let line = stored.unwrap_or(DocumentLine {
        name: String::new(),
        originals: 0,
        copies: 0,
        mandatory: false,
        note: String::new(),
        when_represented: false,
        template: None,
    });
    // A box unticked is not posted: a form that came back says so by its
    // absence.
    let ticked = |part: &str, stored: bool| {
        if feedback.values.is_empty() {
            stored
        } else {
            feedback.values.contains_key(&key(part))
        }
    };
    let mandatory = ticked("mandatory", line.mandatory);
    let when_represented = ticked("when_represented", line.when_represented);
    let name = typed(&feedback, &key("name"), line.name.clone());
    let originals = typed(&feedback, &key("originals"), line.originals.to_string());
    let copies = typed(&feedback, &key("copies"), line.copies.to_string());
    let note = typed(&feedback, &key("note"), line.note.clone());
    let note_id = id("note");
    let (name_id, originals_id, copies_id, mandatory_id, represented_id) = (
        id("name"),
        id("originals"),
        id("copies"),
        id("mandatory"),
        id("when_represented"),
    );
    let error = feedback
        .message_for(&key("name"))
        .or(feedback.message_for(&key("originals")))
        .or(feedback.message_for(&key("note")));
    let class = if error.is_some() {
        "document-row form-group--error"
    } else {
        "document-row"
    };
    view! {
        <div class=class>
            {error.map(|message| view! { <p class="error-message">{message}</p> })}
            <label class="label" for=name_id.clone()>{format!("{} {}", t.document_name, index + 1)}</label>
            <input class="input" type="text" id=name_id name=key("name") value=name/>
            <label for=originals_id.clone()>{t.originals}</label>
            <input class="input input--short" type="text" inputmode="numeric" id=originals_id name=key("originals")
                value=originals/>
            <label for=copies_id.clone()>{t.copies}</label>
            <input class="input input--short" type="text" inputmode="numeric" id=copies_id name=key("copies")
                value=copies/>
            <span class="checkbox">
                <input class="checkbox__input" type="checkbox" id=mandatory_id.clone() name=key("mandatory") checked=mandatory/>
                <label class="checkbox__label" for=mandatory_id>{t.mandatory}</label>
            </span>
            <span class="checkbox">
                <input class="checkbox__input" type="checkbox" id=represented_id.clone() name=key("when_represented")
                    checked=when_represented/>
                <label class="checkbox__label" for=represented_id>{t.when_represented}</label>
            </span>
            <label for=note_id.clone()>{t.document_note}</label>
            <input class="input" type="text" id=note_id name=key("note") value=note/>
            <TemplateField index stored=line.template feedback=feedback.clone() t/>
        </div>
    }
}

/// A document's blank form: the one attached (kept unless "remove" is
/// ticked or another file is chosen) and a file input for a new one. The
/// attached one rides along as hidden fields, so a refused form comes back
/// with it — a file just uploaded included.
#[component]
fn TemplateField(
    index: usize,
    stored: Option<TemplateRef>,
    feedback: FormFeedback,
    t: &'static ProcedureAdminTexts,
) -> impl IntoView {
    let key = |part: &str| format!("document.{index}.{part}");
    let attached = if feedback.values.is_empty() {
        stored
    } else {
        feedback
            .value(&key("template"))
            .parse()
            .ok()
            .map(|id| TemplateRef {
                id,
                file_name: feedback.value(&key("template_name")),
            })
    };
    let file_id = field_id(DRAFT_FORM, &key("template_file"));
    let remove_id = field_id(DRAFT_FORM, &key("template_remove"));
    let error = feedback.message_for(&key("template_file"));
    view! {
        {attached.map(|template| view! {
            <input type="hidden" name=key("template") value=template.id.to_string()/>
            <input type="hidden" name=key("template_name") value=template.file_name.clone()/>
            <p class="editor-row__template">
                <span>{t.template_attached}</span>" "
                <a href=paths::template_file(template.id) rel="external">{template.file_name.clone()}</a>
            </p>
            <span class="checkbox">
                <input class="checkbox__input" type="checkbox" id=remove_id.clone() name=key("template_remove")/>
                <label class="checkbox__label" for=remove_id>{t.template_remove}</label>
            </span>
        })}
        <label for=file_id.clone()>{t.template_file}</label>
        {error.clone().map(|message| view! { <p class="error-message" id=format!("{file_id}-error")>{message}</p> })}
        <input class="file-input" type="file" id=file_id.clone() name=key("template_file") accept=TEMPLATE_ACCEPT
            aria-invalid=error.is_some().then_some("true")
            aria-describedby=error.is_some().then(|| format!("{file_id}-error"))/>
    }
}
