use crate::error::AppError;
use crate::http_status::set_status;
use crate::i18n::use_texts;
use leptos::prelude::*;

/// Tells the user, in their language, that their request could not be served.
#[component]
pub fn PageError(error: AppError) -> impl IntoView {
    set_status(error.status());
    let t = use_texts();
    view! {
        <div class="notice notice--error" role="alert">
            <h2 class="notice__title">{t.error_title}</h2>
            <p>{error.message(t)}</p>
        </div>
    }
}
