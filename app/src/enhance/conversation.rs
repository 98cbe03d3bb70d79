//! The assistant's conversation in place (`/tro-ly`): with JavaScript, a
//! question is posted in the background and its reply added to the
//! conversation, a polite live region that screen readers read out, and
//! the focus returns to the emptied question box; "was this helpful?" is
//! recorded the same way and the thanks take the focus. The server renders
//! every reply; this only moves its HTML into the page. Without JavaScript
//! both are forms that post and come back to the conversation.

use leptos::prelude::*;

/// Where the question form and its error summary are (replaced when the
/// server refuses a question, so its message shows).
pub const ASK_REGION_ID: &str = "assistant-ask";
/// The status line saying a reply is being looked for.
pub const STATUS_ID: &str = "assistant-status";

/// Placed once on the assistant's page.
#[island]
pub fn ConversationInPlace() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        use super::dom;
        use wasm_bindgen::JsCast;

        dom::listen(&dom::document(), "submit", |event| {
            let Some(form) = dom::target_element(&event)
                .and_then(|element| element.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            if !form.class_list().contains("assistant-form") {
                return;
            }
            let pairs = dom::form_pairs(&form);
            let asked = pairs
                .iter()
                .any(|(name, value)| name == "question" && !value.trim().is_empty());
            // An empty question goes the plain way: the server says why.
            if !asked {
                return;
            }
            event.prevent_default();
            in_place::ask(form, pairs);
        });
        dom::listen(&dom::document(), "click", |event| {
            let Some(button) = dom::target_element(&event)
                .and_then(|element| element.closest(".helpful-form button").ok().flatten())
            else {
                return;
            };
            let Some(form) = button
                .closest("form")
                .ok()
                .flatten()
                .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let (Some(name), Some(value)) =
                (button.get_attribute("name"), button.get_attribute("value"))
            else {
                return;
            };
            event.prevent_default();
            let mut pairs = dom::form_pairs(&form);
            pairs.push((name, value));
            in_place::rate(form, pairs);
        });
    }
}

#[cfg(feature = "hydrate")]
mod in_place {
    use super::super::dom;
    use super::{ASK_REGION_ID, STATUS_ID};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    /// Posts `pairs` to `form`'s action; `then` gets the page the server
    /// answered with, or `None` when it could not be reached (the form is
    /// then posted the plain way).
    fn post(
        form: web_sys::HtmlFormElement,
        pairs: &[(String, String)],
        then: impl FnOnce(web_sys::Document) + 'static,
    ) {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        let Ok(request) = web_sys::XmlHttpRequest::new() else {
            let _ = form.submit();
            return;
        };
        if request.open("POST", &form.action()).is_err() {
            let _ = form.submit();
            return;
        }
        let _ = request.set_request_header("Content-Type", "application/x-www-form-urlencoded");
        // Kept through the redirect: the conversation page is read as a
        // browser reads it (the session's conversation goes with pages).
        let _ = request.set_request_header("Accept", "text/html");
        // The redirect's page, parsed by the browser.
        request.set_response_type(web_sys::XmlHttpRequestResponseType::Document);
        let answered = request.clone();
        let on_end = Closure::once_into_js(move || {
            let page = (answered.status().ok() == Some(200))
                .then(|| answered.response_xml().ok().flatten())
                .flatten();
            match page {
                Some(page) => then(page),
                None => {
                    let _ = form.submit();
                }
            }
        });
        request.set_onloadend(Some(on_end.unchecked_ref()));
        if request.send_with_opt_str(Some(&body)).is_err() {
            // `loadend` follows and posts the plain way.
        }
    }

    fn status(text: &str) {
        if let Some(status) = dom::document().get_element_by_id(STATUS_ID) {
            status.set_text_content(Some(text));
        }
    }

    fn set_busy(form: &web_sys::HtmlFormElement, busy: bool) {
        for button in dom::all(form, "button") {
            let _ = if busy {
                button.set_attribute("disabled", "")
            } else {
                button.remove_attribute("disabled")
            };
        }
        let searching = dom::document()
            .get_element_by_id(STATUS_ID)
            .and_then(|status| status.get_attribute("data-searching"))
            .unwrap_or_default();
        status(if busy { &searching } else { "" });
    }

    pub fn ask(form: web_sys::HtmlFormElement, pairs: Vec<(String, String)>) {
        set_busy(&form, true);
        let shown_form = form.clone();
        post(form, &pairs, move |page| {
            set_busy(&shown_form, false);
            let document = dom::document();
            let (Some(shown), Some(fresh)) = (
                document.query_selector(".conversation").ok().flatten(),
                page.query_selector(".conversation").ok().flatten(),
            ) else {
                return;
            };
            let mut added = None;
            for exchange in dom::all(&fresh, ".conversation__exchange") {
                if document.get_element_by_id(&exchange.id()).is_none() {
                    let _ = shown.insert_adjacent_html("beforeend", &exchange.outer_html());
                    added = document.get_element_by_id(&exchange.id());
                }
            }
            match added {
                Some(exchange) => {
                    exchange.scroll_into_view();
                    // Ready for the next question; the live region reads
                    // the reply out.
                    if let Some(question) = dom::document()
                        .get_element_by_id("assistant-ask-question")
                        .and_then(|question| question.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = js_sys::Reflect::set(&question, &"value".into(), &"".into());
                        let _ = question.focus();
                    }
                }
                // Refused (too long, too many): the form comes back with
                // its message, which takes the focus.
                None => {
                    if let (Some(shown), Some(fresh)) = (
                        document.get_element_by_id(ASK_REGION_ID),
                        page.get_element_by_id(ASK_REGION_ID),
                    ) {
                        shown.set_inner_html(&fresh.inner_html());
                        if let Some(summary) = shown
                            .query_selector(".error-summary")
                            .ok()
                            .flatten()
                            .and_then(|summary| summary.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            let _ = summary.focus();
                        }
                    }
                }
            }
        });
    }

    pub fn rate(form: web_sys::HtmlFormElement, pairs: Vec<(String, String)>) {
        let Some(exchange) = form.closest(".conversation__exchange").ok().flatten() else {
            let _ = form.submit();
            return;
        };
        set_busy(&form, true);
        post(form, &pairs, move |page| {
            let id = exchange.id();
            if let Some(fresh) = page.get_element_by_id(&id) {
                exchange.set_outer_html(&fresh.outer_html());
            }
            let thanks = dom::document()
                .get_element_by_id(&id)
                .and_then(|exchange| exchange.query_selector(".helpful-thanks").ok().flatten())
                .and_then(|thanks| thanks.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(thanks) = thanks {
                let _ = thanks.focus();
            }
        });
    }
}
