use super::PageTitle;
use crate::http_status::{set_status, StatusCode};
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// The page for an address that leads nowhere; answers 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(StatusCode::NOT_FOUND);
    let t = use_texts();
    view! {
        <PageTitle title=t.not_found_title/>
        <p>{t.not_found_body}</p>
        <p><a href=paths::PROCEDURES>{t.back_to_catalogue}</a></p>
    }
}
