//! The filing form with JavaScript: each field is checked as the citizen
//! leaves it, conditional questions come and go with the answers, the fee
//! follows the answers, the commune list follows the province, and "Lưu
//! nháp" comes back to the field last worked on.
//!
//! The answers go to the server's own check (`filing::live_check`), which
//! answers with the validator's messages, the questions that do not apply
//! and the fee; this island only shows them, as the server renders them:
//! a message under the label (`<p class="error-message" id="…-error">`),
//! named by the control's `aria-describedby`, the control `aria-invalid`.
//! Only fields the citizen has left (or that already showed a message) get
//! one: nobody is told off for a field not reached yet.

use leptos::prelude::*;

/// Placed inside the filing form `form_id`.
///
/// - `code`, `applicant`: whose filing it is (the counter files for an
///   applicant), for the check.
/// - `shown`: the fields whose messages the server rendered with the page.
/// - `choose_commune`, `choose_province_first`: the commune list's first
///   option, in the page's language.
/// - `logic`: what the rules read of the e-form (`FormDefinition::logic`,
///   as JSON) and `today` (`yyyy-mm-dd`, the server's day): the island
///   evaluates the form's rules itself, with the same evaluator as the
///   server (`crate::eforms::logic`), so questions come and go as the
///   citizen types, before the server's check answers.
#[island]
pub fn FilingFormEnhancer(
    form_id: String,
    code: String,
    applicant: Option<String>,
    shown: Vec<String>,
    choose_commune: String,
    choose_province_first: String,
    logic: String,
    today: String,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    imp::attach(imp::Live {
        logic: serde_json::from_str(&logic).ok(),
        today: today.parse().unwrap_or_default(),
        code,
        applicant,
        watched: std::cell::RefCell::new(shown.iter().cloned().collect()),
        shown: std::cell::RefCell::new(shown.into_iter().collect()),
        asked: std::cell::Cell::new(0),
        choose_commune,
        choose_province_first,
        form: match super::dom::document()
            .get_element_by_id(&form_id)
            .and_then(|element| wasm_bindgen::JsCast::dyn_into(element).ok())
        {
            Some(form) => form,
            None => return,
        },
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (
        form_id,
        code,
        applicant,
        shown,
        choose_commune,
        choose_province_first,
        logic,
        today,
    );
}

#[cfg(feature = "hydrate")]
mod imp {
    use super::super::dom;
    use crate::filing::eform_fields::FORM_NAME;
    use crate::filing::live_check::{check_answers, LiveCheck};
    use crate::forms::field_id;
    use std::cell::{Cell, RefCell};
    use std::collections::{BTreeMap, BTreeSet};
    use std::rc::Rc;
    use wasm_bindgen::JsCast;

    pub struct Live {
        pub form: web_sys::HtmlFormElement,
        /// What the rules read of the e-form; `None` if it did not come
        /// (the server's check still shows and hides).
        pub logic: Option<crate::eforms::logic::LogicForm>,
        pub today: chrono::NaiveDate,
        pub code: String,
        pub applicant: Option<String>,
        /// Fields the citizen has left, whose messages are shown.
        pub watched: RefCell<BTreeSet<String>>,
        /// Fields showing a message now.
        pub shown: RefCell<BTreeSet<String>>,
        /// The latest check asked for: answers to older ones are dropped.
        pub asked: Cell<u32>,
        pub choose_commune: String,
        pub choose_province_first: String,
    }

    pub fn attach(live: Live) {
        let live = Rc::new(live);
        // "Hiện danh sách xã/phường" is for pages without JavaScript.
        for button in dom::all(&live.form, ".eform-address__refresh") {
            dom::set_hidden(&button, true);
        }
        let on_leave = live.clone();
        dom::listen(&live.form, "focusout", move |event| {
            if let Some(name) =
                dom::target_element(&event).and_then(|element| element.get_attribute("name"))
            {
                on_leave.watched.borrow_mut().insert(name);
                check(on_leave.clone());
            }
        });
        let on_change = live.clone();
        dom::listen(&live.form, "change", move |event| {
            let province = dom::target_element(&event)
                .filter(|element| {
                    element
                        .get_attribute("name")
                        .is_some_and(|name| name.ends_with(".province"))
                })
                .and_then(|element| element.dyn_into::<web_sys::HtmlSelectElement>().ok());
            if let Some(province) = province {
                follow_province(&on_change, &province);
            }
            check(on_change.clone());
        });
        let on_focus = live.clone();
        dom::listen(&live.form, "focusin", move |event| {
            remember_place(&on_focus.form, &event);
        });
        // Conditional questions and the fee as the answers stand now.
        check(live);
    }

    /// With JavaScript "Lưu nháp" comes back to the field last worked on
    /// (a field or a document, not a button).
    fn remember_place(form: &web_sys::HtmlFormElement, event: &web_sys::Event) {
        let Some(element) = dom::target_element(event) else {
            return;
        };
        let id = element.id();
        if element.tag_name() == "BUTTON" || !crate::forms::focus::is_place(&id) {
            return;
        }
        if let Some(input) = form
            .query_selector("input[name=return_to]")
            .ok()
            .flatten()
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&id);
        }
    }

    fn check(live: Rc<Live>) {
        let answers = dom::form_pairs(&live.form);
        if let Some(form) = &live.logic {
            evaluate_here(&live, form, &answers);
        }
        let ticket = live.asked.get().wrapping_add(1);
        live.asked.set(ticket);
        leptos::task::spawn_local(async move {
            // A failed check changes nothing: the post still checks everything.
            let Ok(result) =
                check_answers(live.code.clone(), live.applicant.clone(), answers).await
            else {
                return;
            };
            if live.asked.get() == ticket {
                apply(&live, result);
            }
        });
    }

    /// The form's rules on the answers as they stand: which questions
    /// are asked, and the values they compute.
    fn evaluate_here(
        live: &Live,
        form: &crate::eforms::logic::LogicForm,
        pairs: &[(String, String)],
    ) {
        let answers = form.posted(pairs);
        let evaluation = crate::eforms::logic::evaluate_logic(form, &answers, live.today);
        for wrapper in dom::all(&live.form, "[data-field]") {
            let key = wrapper.get_attribute("data-field").unwrap_or_default();
            dom::set_hidden(&wrapper, !evaluation.shows(&key));
        }
        for output in dom::all(&live.form, "[data-calculated]") {
            let key = output.get_attribute("data-calculated").unwrap_or_default();
            let value = evaluation.values.get(&key).cloned().unwrap_or_default();
            output.set_text_content(Some(&value));
        }
    }

    fn apply(live: &Live, result: LiveCheck) {
        for wrapper in dom::all(&live.form, "[data-field]") {
            let key = wrapper.get_attribute("data-field").unwrap_or_default();
            let hidden = result.hidden.iter().any(|hidden| {
                key == *hidden
                    || key
                        .strip_prefix(hidden.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            });
            dom::set_hidden(&wrapper, hidden);
        }
        if let (Some(fee), Ok(Some(region))) = (
            &result.fee,
            live.form.query_selector("#phi-le-phi [aria-live]"),
        ) {
            region.set_text_content(Some(fee));
        }
        let watched = live.watched.borrow();
        let mut now: BTreeMap<&str, &str> = BTreeMap::new();
        for error in result
            .errors
            .iter()
            .filter(|error| watched.contains(&error.field))
        {
            now.entry(&error.field).or_insert(&error.message);
        }
        let mut shown = live.shown.borrow_mut();
        for key in shown
            .iter()
            .map(String::as_str)
            .chain(now.keys().copied())
            .collect::<BTreeSet<_>>()
        {
            show_message(key, now.get(key).copied());
        }
        *shown = now.keys().map(|key| key.to_string()).collect();
    }

    /// Shows `message` for the field `key`, or takes its message away.
    fn show_message(key: &str, message: Option<&str>) {
        let document = dom::document();
        let id = field_id(FORM_NAME, key);
        let error_id = format!("{id}-error");
        let Some(control) = document.get_element_by_id(&id) else {
            return;
        };
        let existing = document.get_element_by_id(&error_id);
        let is_group = control.tag_name() == "FIELDSET";
        match message {
            Some(message) => {
                let element = existing.or_else(|| {
                    let element = document.create_element("p").ok()?;
                    element.set_class_name("error-message");
                    element.set_id(&error_id);
                    place_message(&control, &element);
                    Some(element)
                });
                if let Some(element) = element {
                    element.set_text_content(Some(message));
                }
                if !is_group {
                    let _ = control.set_attribute("aria-invalid", "true");
                }
                dom::describe_by(&control, &error_id, true);
            }
            None => {
                if let Some(element) = existing {
                    element.remove();
                }
                let _ = control.remove_attribute("aria-invalid");
                dom::describe_by(&control, &error_id, false);
            }
        }
        if let Ok(Some(group)) = control.closest(".form-group") {
            let has_message = group
                .query_selector(".error-message")
                .ok()
                .flatten()
                .is_some();
            let _ = group
                .class_list()
                .toggle_with_force("form-group--error", has_message);
        }
    }

    /// Where the server puts a message: after the label and hint, just
    /// before the control (before the options of a group of radios, before
    /// the box of a checkbox).
    fn place_message(control: &web_sys::Element, message: &web_sys::Element) {
        let before = if control.tag_name() == "FIELDSET" {
            match control.query_selector(":scope > .radio").ok().flatten() {
                Some(first) => first,
                None => {
                    let _ = control.append_child(message);
                    return;
                }
            }
        } else if control.get_attribute("type").as_deref() == Some("checkbox") {
            control.parent_element().unwrap_or_else(|| control.clone())
        } else {
            control.clone()
        };
        if let Some(parent) = before.parent_node() {
            let _ = parent.insert_before(message, Some(&before));
        }
    }

    /// A province was chosen: the commune list becomes that province's.
    fn follow_province(live: &Rc<Live>, province: &web_sys::HtmlSelectElement) {
        let commune_name = province.name().replace(".province", ".commune");
        let Some(communes) = live
            .form
            .query_selector(&format!("select[name='{commune_name}']"))
            .ok()
            .flatten()
            .and_then(|select| select.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let code = province.value();
        let first = if code.is_empty() {
            &live.choose_province_first
        } else {
            &live.choose_commune
        };
        fill(&communes, first, &[]);
        if code.is_empty() {
            return;
        }
        let (province, first) = (province.clone(), first.clone());
        leptos::task::spawn_local(async move {
            if let Ok(places) = crate::filing::server_fns::communes_of(code.clone()).await {
                // Only if the province is still the one asked about.
                if province.value() == code {
                    let places: Vec<(String, String)> = places
                        .into_iter()
                        .map(|place| (place.code, place.name))
                        .collect();
                    fill(&communes, &first, &places);
                }
            }
        });
    }

    fn fill(select: &web_sys::HtmlSelectElement, first: &str, places: &[(String, String)]) {
        select.set_inner_html("");
        for (value, label) in
            std::iter::once((String::new(), first.to_string())).chain(places.iter().cloned())
        {
            if let Ok(option) = web_sys::HtmlOptionElement::new_with_text_and_value(&label, &value)
            {
                let _ = select.append_child(&option);
            }
        }
    }
}
