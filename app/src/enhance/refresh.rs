//! Figures read again in place: with JavaScript the region is replaced by
//! the same region of the page loaded afresh, every so often, without
//! moving the focus or the view. Without it the page offers a link that
//! reloads it (the operations screen's `?tu-lam-moi=1`).

use leptos::prelude::*;

/// Reads the element `region_id` of this page again every `seconds`.
#[island]
pub fn RefreshInPlace(seconds: u32, region_id: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let every = std::time::Duration::from_secs(u64::from(seconds.max(10)));
        if let Ok(timer) = set_interval_with_handle(move || read_again(&region_id), every) {
            on_cleanup(move || timer.clear());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (seconds, region_id);
}

#[cfg(feature = "hydrate")]
fn read_again(region_id: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        return;
    };
    let href = super::dom::document()
        .location()
        .and_then(|location| location.href().ok())
        .unwrap_or_default();
    if request.open("GET", &href).is_err() {
        return;
    }
    // The browser parses the page itself.
    request.set_response_type(web_sys::XmlHttpRequestResponseType::Document);
    let answered = request.clone();
    let region_id = region_id.to_string();
    // Called once, then freed.
    let on_load = Closure::once_into_js(move || {
        if answered.status().ok() != Some(200) {
            return; // The figures shown stay until the next read.
        }
        let fresh = answered
            .response_xml()
            .ok()
            .flatten()
            .and_then(|page| page.get_element_by_id(&region_id));
        let shown = super::dom::document().get_element_by_id(&region_id);
        if let (Some(fresh), Some(shown)) = (fresh, shown) {
            shown.set_inner_html(&fresh.inner_html());
        }
    });
    request.set_onload(Some(on_load.unchecked_ref()));
    let _ = request.send();
}
