//! With JavaScript, the e-form is checked as the citizen leaves each field,
//! by the same validator the server runs: the field just left gets its
//! message (or loses it), and messages already shown are refreshed. Without
//! JavaScript nothing here runs and the server's answer is the check.

use super::eform_fields::{LiveAnswers, ShownErrors};
use crate::eforms::FormDefinition;
use crate::i18n::Lang;

#[cfg(feature = "hydrate")]
pub fn field_left(
    event: &leptos::ev::FocusEvent,
    form: &FormDefinition,
    shown: ShownErrors,
    lang: Lang,
) {
    use crate::eforms::{validate, Answers, ValidationContext};
    use leptos::prelude::*;
    use std::collections::BTreeSet;
    use wasm_bindgen::JsCast;

    let Some(form_element) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let Some(left) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.get_attribute("name"))
    else {
        return;
    };
    let Ok(data) = web_sys::FormData::new_with_form(&form_element) else {
        return;
    };
    let answers: Answers =
        crate::eforms::keys::posted_answers(form, |key| data.get(key).as_string());
    // Vietnam's date by the browser's clock, as the server decides "before
    // today" by its own.
    let context = ValidationContext {
        places: None,
        lang,
        today: crate::clock::Clock::real().today_in_vietnam(),
    };
    let found = validate(form, &answers, context).err().unwrap_or_default();
    shown.0.update(|errors| {
        let mut watched: BTreeSet<String> =
            errors.iter().map(|error| error.field.clone()).collect();
        watched.insert(left);
        *errors = found
            .into_iter()
            .filter(|error| watched.contains(&error.field))
            .collect();
    });
}

/// A choice changed: conditional fields follow the answers as they stand.
#[cfg(feature = "hydrate")]
pub fn answers_changed(event: &leptos::ev::Event, form: &FormDefinition, live: LiveAnswers) {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(data) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
        .and_then(|form_element| web_sys::FormData::new_with_form(&form_element).ok())
    else {
        return;
    };
    live.answers
        .set(crate::eforms::keys::posted_answers(form, |key| {
            data.get(key).as_string()
        }));
}

#[cfg(not(feature = "hydrate"))]
pub fn answers_changed(_event: &leptos::ev::Event, _form: &FormDefinition, _live: LiveAnswers) {}

#[cfg(not(feature = "hydrate"))]
pub fn field_left(
    _event: &leptos::ev::FocusEvent,
    _form: &FormDefinition,
    _shown: ShownErrors,
    _lang: Lang,
) {
}
