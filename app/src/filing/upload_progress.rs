//! With JavaScript, a document upload shows how far it has got. The form is
//! sent by `XMLHttpRequest` (the only browser API that reports upload
//! progress); without JavaScript the same form posts as it is.
//!
//! XMLHttpRequest follows redirects by itself, and following ours would
//! spend the one-time notice meant for the page. So the request says it is
//! scripted (`X-Motcua-Upload`), the server answers with where to go
//! (`X-Motcua-Location`) instead of redirecting, and the script goes there.

use leptos::prelude::*;

/// The request header that marks a scripted upload.
pub const SCRIPTED_UPLOAD_HEADER: &str = "x-motcua-upload";
/// The response header that carries where the page goes next.
pub const NEXT_LOCATION_HEADER: &str = "x-motcua-location";

#[cfg(feature = "hydrate")]
pub fn send_with_progress(event: leptos::ev::SubmitEvent, progress: RwSignal<Option<u32>>) {
    use wasm_bindgen::JsCast;
    let Some(form) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let action = form.action();
    if send(&form, &action, None, progress) {
        event.prevent_default();
    }
}

/// An upload button inside a larger form (`formaction`): sends the whole
/// form with the button's name and value, to the button's address.
#[cfg(feature = "hydrate")]
pub fn send_from_button(event: leptos::ev::MouseEvent, progress: RwSignal<Option<u32>>) {
    use wasm_bindgen::JsCast;
    let Some(button) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlButtonElement>().ok())
    else {
        return;
    };
    let Some(form) = button.form() else {
        return;
    };
    let pressed = (button.name(), button.value());
    if send(&form, &button.form_action(), Some(pressed), progress) {
        event.prevent_default();
    }
}

/// Sends `form` to `action` by XMLHttpRequest, showing progress; `false`
/// when it could not start (the browser then posts the form as it is).
#[cfg(feature = "hydrate")]
fn send(
    form: &web_sys::HtmlFormElement,
    action: &str,
    pressed: Option<(String, String)>,
    progress: RwSignal<Option<u32>>,
) -> bool {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

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
    progress.set(Some(0));

    if let Ok(upload) = request.upload() {
        let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(
            move |event: web_sys::ProgressEvent| {
                if event.length_computable() && event.total() > 0.0 {
                    let percent = (event.loaded() / event.total() * 100.0).round() as u32;
                    progress.set(Some(percent.min(100)));
                }
            },
        );
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        // The page is left when the upload ends; the closure lives until then.
        on_progress.forget();
    }

    let finished = request.clone();
    let fallback_form = form.clone();
    let on_end = Closure::<dyn FnMut()>::new(move || {
        let next = finished
            .get_response_header(NEXT_LOCATION_HEADER)
            .ok()
            .flatten();
        match (next, web_sys::window()) {
            (Some(next), Some(window)) => go_to(&window.location(), &next),
            // Not our answer (the connection dropped, a refusal page): post
            // the form the plain way so the citizen sees what the server says.
            _ => {
                progress.set(None);
                let _ = fallback_form.submit();
            }
        }
    });
    request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    on_end.forget();

    if request.send_with_opt_form_data(Some(&data)).is_err() {
        progress.set(None);
        return false;
    }
    true
}

/// Loads `next`; when it is this page with another anchor, reloads it
/// (changing only the anchor would not show the file just attached).
#[cfg(feature = "hydrate")]
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

#[cfg(not(feature = "hydrate"))]
pub fn send_with_progress(_event: leptos::ev::SubmitEvent, _progress: RwSignal<Option<u32>>) {}

#[cfg(not(feature = "hydrate"))]
pub fn send_from_button(_event: leptos::ev::MouseEvent, _progress: RwSignal<Option<u32>>) {}

/// "Đang tải lên… 42%" with a progress bar, while an upload is under way.
#[component]
pub fn UploadProgress(progress: RwSignal<Option<u32>>) -> impl IntoView {
    let t = crate::i18n::use_texts();
    view! {
        <div class="upload-progress" role="status" aria-live="polite">
            {move || progress.get().map(|percent| view! {
                <progress class="upload-progress__bar" max="100" value=percent.to_string()>{format!("{percent}%")}</progress>
                <span>{(t.filing.uploading)(percent)}</span>
            })}
        </div>
    }
}
