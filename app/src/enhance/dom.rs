//! What the islands do to the page, through the browser's DOM.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub fn document() -> web_sys::Document {
    leptos::prelude::document()
}

/// Calls `handler` for every `event` on `target`, for as long as the page
/// lives.
pub fn listen(
    target: &web_sys::EventTarget,
    event: &str,
    handler: impl FnMut(web_sys::Event) + 'static,
) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The element an event happened on.
pub fn target_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()
}

/// Every element of `root` matching `selector`.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

pub fn set_hidden(element: &web_sys::Element, hidden: bool) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        element.set_hidden(hidden);
    }
}

/// The text fields of `form` as the browser would post them (files left out).
pub fn form_pairs(form: &web_sys::HtmlFormElement) -> Vec<(String, String)> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Vec::new();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&data) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.dyn_into().ok()?;
            Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
        })
        .collect()
}

/// Adds or removes one id in an `aria-describedby` list.
pub fn describe_by(element: &web_sys::Element, id: &str, present: bool) {
    let current = element
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    let mut ids: Vec<&str> = current
        .split_whitespace()
        .filter(|other| *other != id)
        .collect();
    if present {
        ids.push(id);
    }
    let _ = if ids.is_empty() {
        element.remove_attribute("aria-describedby")
    } else {
        element.set_attribute("aria-describedby", &ids.join(" "))
    };
}

/// Puts the focus in the control with `id` (the first control inside it for
/// a group of radios or an address) and shows its label too; `false` when
/// there is no such control.
pub fn focus_field(id: &str) -> bool {
    let Some(target) = document().get_element_by_id(id) else {
        return false;
    };
    let control = if matches!(target.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
        target
    } else {
        target
            .query_selector("input:not([type=hidden]), select, textarea")
            .ok()
            .flatten()
            .unwrap_or(target)
    };
    let Ok(control) = control.dyn_into::<web_sys::HtmlElement>() else {
        return false;
    };
    let _ = control.focus();
    if let Ok(Some(group)) = control.closest(".form-group") {
        group.scroll_into_view();
    }
    true
}
