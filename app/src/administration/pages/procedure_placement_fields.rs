//! The draft's placement: its sector, level and implementing agency. They
//! take effect with the version (who receives its dossiers changes on its
//! effective date); an empty agency is the province's committee.

use super::procedure_draft_form::{typed, DRAFT_FORM};
use crate::administration::procedures::{Choice, NewProcedureOptions, VersionFields};
use crate::forms::{field_id, FormFeedback};
use crate::i18n::use_texts;
use leptos::prelude::*;

/// A labelled select showing the choice typed last, or the stored one.
#[component]
fn PlacementSelect(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    stored: String,
    choices: Vec<Choice>,
    feedback: FormFeedback,
) -> impl IntoView {
    let id = field_id(DRAFT_FORM, name);
    let chosen = typed(&feedback, name, stored);
    let error = feedback.message_for(name);
    let class = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    view! {
        <div class=class>
            <label class="label" for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            {error.map(|message| view! { <p class="error-message">{message}</p> })}
            <select class="select" id=id name=name>
                {choices.into_iter().map(|choice| {
                    let selected = choice.value == chosen;
                    view! { <option value=choice.value selected=selected>{choice.label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub(super) fn PlacementFields(
    fields: VersionFields,
    options: NewProcedureOptions,
    feedback: FormFeedback,
) -> impl IntoView {
    let c = use_texts().procedures_admin.content;
    let choice = |value: &str, label: &str| Choice {
        value: value.to_string(),
        label: label.to_string(),
    };
    let levels = vec![
        choice("province", c.level_province),
        choice("commune", c.level_commune),
    ];
    let mut agencies = vec![choice("", "—")];
    agencies.extend(options.agencies);
    view! {
        <PlacementSelect name="sector" label=c.sector stored=fields.sector choices=options.sectors
            feedback=feedback.clone()/>
        <PlacementSelect name="level" label=c.level stored=fields.level choices=levels feedback=feedback.clone()/>
        <PlacementSelect name="agency" label=c.agency hint=c.agency_hint stored=fields.agency choices=agencies
            feedback=feedback/>
    }
}
