//! With JavaScript, the browser's own moves of the focus that forms need:
//! a link of the error summary puts the focus in the field it names (not
//! only the view), and the filing page remembers the field last worked on,
//! so that "Lưu nháp" comes back to it. Without JavaScript the links still
//! lead to the fields and the server picks a place to come back to.

/// Follows an error summary link: focuses the control with `id` (the first
/// control inside it for a group of radios or an address), which brings it
/// into view with its label. Does nothing outside the browser.
pub fn focus_field(event: &leptos::ev::MouseEvent, id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(target) = leptos::prelude::document().get_element_by_id(id) else {
            return;
        };
        let control = if matches!(target.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
            Some(target)
        } else {
            target
                .query_selector("input:not([type=hidden]), select, textarea")
                .ok()
                .flatten()
                .or(Some(target))
        };
        if let Some(control) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
            event.prevent_default();
            let _ = control.focus();
            // The label sits above the control: show it too.
            if let Some(group) = control.closest(".form-group").ok().flatten() {
                group.scroll_into_view();
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (event, id);
}

/// The id of the element that just took the focus inside a form, when it
/// is a place worth coming back to (a field or a document, not a button).
pub fn focused_place(event: &leptos::ev::FocusEvent) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
        let id = element.id();
        (element.tag_name() != "BUTTON" && is_place(&id)).then_some(id)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        None
    }
}

/// Whether `id` may be put after `#` in a redirect: letters, digits and
/// dashes only, as [`super::field_id`] and the documents' anchors make them.
pub fn is_place(id: &str) -> bool {
    !id.is_empty() && id.len() <= 120 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::is_place;

    #[test]
    fn only_plain_ids_are_places_to_come_back_to() {
        assert!(is_place("filing-child-birth-date"));
        assert!(is_place("tai-lieu-12"));
        for bad in ["", "x#y", "a b", "//evil.example", "a\r\nLocation: x", "ý"] {
            assert!(!is_place(bad), "{bad:?}");
        }
        assert!(!is_place(&"a".repeat(121)));
    }
}
