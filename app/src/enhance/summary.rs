//! The error summary's links: with JavaScript each puts the focus in the
//! field it names, not only the view (GOV.UK's pattern). Without it the
//! links still lead to the fields.

use leptos::prelude::*;

/// Placed once in an error summary.
#[island]
pub fn ErrorSummaryFocus() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        use super::dom;
        dom::listen(&dom::document(), "click", |event| {
            let link = dom::target_element(&event).and_then(|element| {
                element
                    .closest(".error-summary a[href^='#']")
                    .ok()
                    .flatten()
            });
            let Some(href) = link.and_then(|link| link.get_attribute("href")) else {
                return;
            };
            if dom::focus_field(href.trim_start_matches('#')) {
                event.prevent_default();
            }
        });
    }
}
