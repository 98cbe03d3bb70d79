use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>{t.footer_note}</p>
            </div>
        </footer>
    }
}
