use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// The foot of every page: the help line, help, feedback and the
/// accessibility statement.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    let a = &t.about;
    view! {
        <footer class="site-footer">
            <div class="container">
                <nav aria-label=a.footer_label>
                    <ul class="site-footer__links">
                        <li>{a.hotline}": "<a href=format!("tel:{}", a.hotline_number)>{a.hotline_hours}</a></li>
                        <li><a href=paths::HELP>{a.help}</a></li>
                        <li><a href=a.feedback_address>{a.feedback}</a></li>
                        <li><a href=paths::ACCESSIBILITY>{a.accessibility}</a></li>
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
