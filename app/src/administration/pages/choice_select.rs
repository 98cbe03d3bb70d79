//! A labelled select of an administration form, with its error beside it.
//! It shows the choice posted last when the form came back refused, else
//! `stored` (nothing chosen when there is none).

use crate::administration::procedures::Choice;
use crate::forms::{field_id, FormFeedback};
use leptos::prelude::*;

#[component]
pub(super) fn ChoiceSelect(
    /// The form's name, for the field's id.
    form: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] stored: String,
    choices: Vec<Choice>,
    feedback: FormFeedback,
) -> impl IntoView {
    let id = field_id(form, name);
    let chosen = super::procedure_draft_form::typed(&feedback, name, stored);
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
