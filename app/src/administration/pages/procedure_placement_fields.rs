//! The draft's placement: its sector, level and implementing agency. They
//! take effect with the version (who receives its dossiers changes on its
//! effective date); an empty agency is the province's committee.

use super::choice_select::ChoiceSelect;
use crate::administration::procedures::{Choice, NewProcedureOptions, VersionFields};
use crate::forms::FormFeedback;
use crate::i18n::use_texts;
use leptos::prelude::*;

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
    let mut forms = vec![choice("", c.standard_form)];
    forms.extend(options.forms);
    view! {
        <ChoiceSelect name="sector" label=c.sector stored=fields.sector choices=options.sectors
            feedback=feedback.clone()/>
        <ChoiceSelect name="level" label=c.level stored=fields.level choices=levels feedback=feedback.clone()/>
        <ChoiceSelect name="agency" label=c.agency hint=c.agency_hint stored=fields.agency choices=agencies
            feedback=feedback.clone()/>
        <ChoiceSelect name="form" label=c.eform hint=c.eform_hint stored=fields.form choices=forms
            feedback=feedback/>
    }
}
