//! Form controls with their label, hint and error wired up for assistive
//! technology (GOV.UK Design System patterns): the error is in the label's
//! reach through `aria-describedby`, and the summary links to each field.

use super::{FieldError, FormFeedback};
use crate::i18n::use_texts;
use leptos::prelude::*;

/// The id of a field's input, which the error summary links to. It carries
/// the form's name, so two forms on one page never share an id.
pub fn field_id(form: &str, name: &str) -> String {
    // Group items and address parts have dotted keys (`places.0.street`);
    // ids keep to letters, digits and dashes so any selector can name them.
    format!("{form}-{name}").replace(['_', '.'], "-")
}

/// Lists every error at the top of the form, each linking to its field
/// (with JavaScript, the link puts the focus in the field).
#[component]
pub fn ErrorSummary(form: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let form_name = form.form.clone();
    let errors: Vec<FieldError> = form.errors;
    (!errors.is_empty()).then(|| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{t.forms.error_summary_title}</h2>
                <ul class="error-summary__list">
                    {errors
                        .into_iter()
                        .map(|error| {
                            let id = field_id(&form_name, &error.field);
                            let href = format!("#{id}");
                            view! { <li><a href=href>{error.message}</a></li> }
                        })
                        .collect_view()}
                </ul>
                <crate::enhance::ErrorSummaryFocus/>
            </div>
        }
    })
}

/// A labelled text input (also email, tel, password, date) that shows the
/// value last typed and its error.
#[component]
pub fn TextField(
    name: &'static str,
    label: &'static str,
    feedback: FormFeedback,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// Shown when the form comes fresh (no feedback yet), e.g. the current phone number.
    #[prop(optional, into)]
    initial: Option<String>,
) -> impl IntoView {
    let id = field_id(&feedback.form, name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = feedback.message_for(name);
    let value = if kind == "password" {
        String::new()
    } else if feedback.values.contains_key(name) {
        feedback.value(name)
    } else {
        initial.unwrap_or_default()
    };
    let described_by = [
        hint.map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let group_class = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    view! {
        <div class=group_class>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {error.clone().map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })}
            <input
                class="input"
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
                aria-invalid=error.is_some().then_some("true")
            />
        </div>
    }
}

/// A label, its hint and its error around a control the caller writes (a
/// text area, a select, an input with its own attributes): the control's
/// id is `field_id(form, name)`, its hint `…-hint`, its error `…-error`.
#[component]
pub fn FieldGroup(
    #[prop(into)] name: String,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    feedback: FormFeedback,
    children: Children,
) -> impl IntoView {
    let id = field_id(&feedback.form, &name);
    let error = feedback.message_for(&name);
    let class = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    view! {
        <div class=class>
            <label class="label" for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            {error.map(|message| view! { <p class="error-message" id=format!("{id}-error")>{message}</p> })}
            {children()}
        </div>
    }
}

/// A single checkbox with its label (and a hint under it, which the box
/// is described by).
#[component]
pub fn CheckboxField(
    name: &'static str,
    label: String,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] checked: bool,
    #[prop(default = "on")] value: &'static str,
    /// Defaults to the field's name; give one when several boxes share a name.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| field_id("check", name));
    let hint_id = format!("{id}-hint");
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    view! {
        <div class="checkbox">
            <input class="checkbox__input" type="checkbox" id=id.clone() name=name value=value checked=checked
                aria-describedby=described/>
            <label class="checkbox__label" for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint checkbox__hint" id=hint_id>{hint}</p> })}
        </div>
    }
}

#[component]
pub fn HiddenField(name: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value/> }
}

#[component]
pub fn SubmitButton(label: &'static str, #[prop(optional)] secondary: bool) -> impl IntoView {
    let class = if secondary {
        "button button--secondary"
    } else {
        "button"
    };
    view! { <button type="submit" class=class>{label}</button> }
}
