//! With JavaScript, a document upload shows how far it has got. The form is
//! sent by `XMLHttpRequest` (the only browser API that reports upload
//! progress); without JavaScript the same form posts as it is.
//!
//! Two kinds of upload are followed: a "Tải lên" button inside the filing
//! form (`formaction`, multipart: the whole form goes with the file), and a
//! small form of its own (`form.upload-form`, a dossier awaiting a
//! supplement). The progress shows in the `.upload-progress` region beside
//! the button.
//!
//! XMLHttpRequest follows redirects by itself, and following ours would
//! spend the one-time notice meant for the page. So the request says it is
//! scripted (`X-Motcua-Upload`), the server answers with where to go
//! (`X-Motcua-Location`) instead of redirecting, and the script goes there.

use leptos::prelude::*;

/// Stands for the percentage in the "uploading" text the server gives.
pub const PERCENT_PLACEHOLDER: u32 = 1_000_000;

/// Placed once on a page with uploads. `uploading` is "Đang tải lên… N%"
/// with [`PERCENT_PLACEHOLDER`] for N.
#[island]
pub fn UploadProgressEnhancer(uploading: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    imp::attach(std::rc::Rc::from(uploading));
    #[cfg(not(feature = "hydrate"))]
    let _ = uploading;
}

#[cfg(feature = "hydrate")]
mod imp {
    use super::super::dom;
    use crate::filing::upload_progress::{NEXT_LOCATION_HEADER, SCRIPTED_UPLOAD_HEADER};
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    pub fn attach(uploading: Rc<str>) {
        let document = dom::document();
        let text = uploading.clone();
        dom::listen(&document, "click", move |event| {
            let button = dom::target_element(&event)
                .and_then(|element| {
                    element
                        .closest("button[formenctype='multipart/form-data']")
                        .ok()
                        .flatten()
                })
                .and_then(|element| element.dyn_into::<web_sys::HtmlButtonElement>().ok());
            let Some(button) = button else { return };
            let Some(form) = button.form() else { return };
            let pressed = (button.name(), button.value());
            if send(
                &form,
                &button.form_action(),
                Some(pressed),
                progress_region(&button),
                text.clone(),
            ) {
                event.prevent_default();
            }
        });
        dom::listen(&document, "submit", move |event| {
            let form = dom::target_element(&event)
                .filter(|element| element.class_list().contains("upload-form"))
                .and_then(|element| element.dyn_into::<web_sys::HtmlFormElement>().ok());
            let Some(form) = form else { return };
            if form.enctype() != "multipart/form-data" {
                return;
            }
            if send(
                &form,
                &form.action(),
                None,
                progress_region(&form),
                uploading.clone(),
            ) {
                event.prevent_default();
            }
        });
    }

    fn progress_region(near: &web_sys::Element) -> Option<web_sys::Element> {
        let holder = near.closest(".upload-form").ok().flatten()?;
        holder.query_selector(".upload-progress").ok().flatten()
    }

    /// "Đang tải lên… 42%" with a progress bar; nothing for `None`.
    fn show(region: Option<&web_sys::Element>, percent: Option<u32>, uploading: &str) {
        let Some(region) = region else { return };
        region.set_inner_html("");
        let Some(percent) = percent else { return };
        let document = dom::document();
        if let (Ok(bar), Ok(label)) = (
            document.create_element("progress"),
            document.create_element("span"),
        ) {
            bar.set_class_name("upload-progress__bar");
            let _ = bar.set_attribute("max", "100");
            let _ = bar.set_attribute("value", &percent.to_string());
            bar.set_text_content(Some(&format!("{percent}%")));
            label.set_text_content(Some(&uploading.replace(
                &super::PERCENT_PLACEHOLDER.to_string(),
                &percent.to_string(),
            )));
            let _ = region.append_child(&bar);
            let _ = region.append_child(&label);
        }
    }

    /// Sends `form` to `action` by XMLHttpRequest, showing progress; `false`
    /// when it could not start (the browser then posts the form as it is).
    fn send(
        form: &web_sys::HtmlFormElement,
        action: &str,
        pressed: Option<(String, String)>,
        region: Option<web_sys::Element>,
        uploading: Rc<str>,
    ) -> bool {
        let (Ok(data), Ok(request)) = (
            web_sys::FormData::new_with_form(form),
            web_sys::XmlHttpRequest::new(),
        ) else {
            return false;
        };
        if let Some((name, value)) = &pressed {
            if data.append_with_str(name, value).is_err() {
                return false;
            }
        }
        if request.open("POST", action).is_err()
            || request
                .set_request_header(SCRIPTED_UPLOAD_HEADER, "progress")
                .is_err()
        {
            return false;
        }
        show(region.as_ref(), Some(0), &uploading);

        if let Ok(upload) = request.upload() {
            let (region, uploading) = (region.clone(), uploading.clone());
            let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(
                move |event: web_sys::ProgressEvent| {
                    if event.length_computable() && event.total() > 0.0 {
                        let percent = (event.loaded() / event.total() * 100.0).round() as u32;
                        show(region.as_ref(), Some(percent.min(100)), &uploading);
                    }
                },
            );
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
            // The page is left when the upload ends; the closure lives until then.
            on_progress.forget();
        }

        let finished = request.clone();
        let fallback_form = form.clone();
        let on_end = Closure::once_into_js(move || {
            let next = finished
                .get_response_header(NEXT_LOCATION_HEADER)
                .ok()
                .flatten();
            match (next, web_sys::window()) {
                (Some(next), Some(window)) => go_to(&window.location(), &next),
                // Not our answer (the connection dropped, a refusal page): post
                // the form the plain way so the citizen sees what the server says.
                _ => {
                    show(region.as_ref(), None, &uploading);
                    let _ = fallback_form.submit();
                }
            }
        });
        request.set_onloadend(Some(on_end.unchecked_ref()));

        if request.send_with_opt_form_data(Some(&data)).is_err() {
            return false;
        }
        true
    }

    /// Loads `next`; when it is this page with another anchor, reloads it
    /// (changing only the anchor would not show the file just attached).
    fn go_to(location: &web_sys::Location, next: &str) {
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        match next.split_once('#') {
            Some((page, anchor)) if page == here => {
                let _ = location.set_hash(anchor);
                let _ = location.reload();
            }
            _ => {
                let _ = location.assign(next);
            }
        }
    }
}
