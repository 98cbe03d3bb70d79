//! A labelled select of an administration form, with its error beside it.
//! It shows the choice posted last when the form came back refused, else
//! `stored` (nothing chosen when there is none).

use crate::administration::procedures::Choice;
use crate::forms::{field_id, FieldGroup, FormFeedback};
use leptos::prelude::*;

#[component]
pub(crate) fn ChoiceSelect(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] stored: String,
    choices: Vec<Choice>,
    feedback: FormFeedback,
) -> impl IntoView {
    let id = field_id(&feedback.form, name);
    let chosen = super::procedure_draft_form::typed(&feedback, name, stored);
    view! {
        <FieldGroup name=name label hint feedback=feedback.clone()>
            <select class="select" id=id name=name>
                {choices.into_iter().map(|choice| {
                    let selected = choice.value == chosen;
                    view! { <option value=choice.value selected=selected>{choice.label}</option> }
                }).collect_view()}
            </select>
        </FieldGroup>
    }
}
