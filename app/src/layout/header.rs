use super::{AccountNav, LanguageSwitch};
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main" target="_self">{t.skip_to_content}</a>
        <header class="site-header">
            <div class="container site-header__inner">
                <a href=paths::HOME class="site-header__brand">
                    <span class="site-header__emblem" aria-hidden="true">"★"</span>
                    <span>
                        <span class="site-header__name">{t.site_name}</span>
                        <span class="site-header__tagline">{t.site_tagline}</span>
                    </span>
                </a>
                <div class="site-header__tools">
                    <AccountNav/>
                    <LanguageSwitch/>
                </div>
            </div>
            <nav class="site-nav" aria-label=t.main_navigation>
                <ul class="container site-nav__list">
                    <li><A href=paths::HOME exact=true>{t.nav_home}</A></li>
                    <li><A href=paths::PROCEDURES>{t.nav_catalogue}</A></li>
                    <li><A href=paths::LOOKUP>{t.filing.lookup_title}</A></li>
                    <li><A href=paths::ARTICLES>{t.knowledge.nav}</A></li>
                    <li><A href=paths::REPORTS_BOARD>{t.field_reports.nav}</A></li>
                </ul>
            </nav>
        </header>
    }
}
