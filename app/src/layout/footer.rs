use crate::administration::settings::server_fns::load_portal_settings;
use crate::i18n::{current_lang, use_texts};
use crate::paths;
use leptos::prelude::*;

/// The foot of every page: the help line and the feedback address (the
/// province's settings, `/quan-tri/cai-dat`), help and the accessibility
/// statement.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    let a = &t.about;
    let lang = current_lang();
    let settings = Resource::new(|| (), |_| load_portal_settings());
    view! {
        <footer class="site-footer">
            <div class="container">
                // The assistant on every page: a plain form posting to it.
                <form method="post" action=paths::ASSISTANT class="assistant-panel" novalidate="">
                    <label class="label" for="assistant-panel-question">{t.assistant.panel_label}</label>
                    <div class="assistant-panel__row">
                        <input class="input" type="text" id="assistant-panel-question" name="question" maxlength="500"
                            autocomplete="off"/>
                        <button type="submit" class="button button--secondary">{t.assistant.panel_ask}</button>
                    </div>
                </form>
                <nav aria-label=a.footer_label>
                    <ul class="site-footer__links">
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                // Without its settings the foot still links help.
                                settings.await.ok().map(|settings| view! {
                                    <li>{a.hotline}": "<a href=format!("tel:{}", settings.hotline_number)>
                                        {settings.hotline_hours(lang).to_string()}</a></li>
                                    <li><a href=format!("mailto:{}", settings.feedback_email)>{a.feedback}</a></li>
                                })
                            })}
                        </Suspense>
                        <li><a href=paths::HELP>{a.help}</a></li>
                        <li><a href=paths::ACCESSIBILITY>{a.accessibility}</a></li>
                        <li><a href=paths::PRIVACY_NOTICE>{crate::i18n::use_texts().privacy.nav}</a></li>
                    </ul>
                </nav>
                <p>{t.footer_note}</p>
            </div>
        </footer>
    }
}

/// A page of headed paragraphs from the `about` texts.
fn about_page(
    title: &'static str,
    lead: &'static str,
    sections: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <crate::layout::PageTitle title lead/>
        {sections.iter().map(|(heading, text)| view! {
            <section class="section">
                <h2>{*heading}</h2>
                <p>{*text}</p>
            </section>
        }).collect_view()}
    }
}

/// `/huong-dan`: how to use the portal.
#[component]
pub fn HelpPage() -> impl IntoView {
    let a = &use_texts().about;
    about_page(a.help_title, a.help_lead, a.help_sections)
}

/// `/kha-nang-tiep-can`: the accessibility statement.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let a = &use_texts().about;
    about_page(
        a.accessibility_title,
        a.accessibility_lead,
        a.accessibility_sections,
    )
}
