//! `/quan-tri/cai-dat`: the help line and feedback address every page
//! shows. A refused form comes back with what was typed.

use crate::administration::settings::server_fns::load_settings_admin;
use crate::administration::settings::SettingsAdmin;
use crate::forms::{ErrorSummary, TextField};
use crate::i18n::{current_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The form name the server's handler answers to.
pub const SETTINGS_FORM: &str = "portal_settings";

#[component]
pub fn SettingsPage() -> impl IntoView {
    let t = &use_texts().settings_admin;
    let lang = current_lang();
    let data = Resource::new(|| (), |_| load_settings_admin());
    view! {
        <PageLoader resource=data title=t.title render={move |view: SettingsAdmin, session| {
            let feedback = session.feedback.form_for(SETTINGS_FORM);
            let s = view.settings.clone();
            view! {
                <PageTitle title=t.title lead=t.lead/>
                {if view.may_edit {
                    view! {
                        <ErrorSummary form=feedback.clone()/>
                        <form method="post" action=paths::SETTINGS_ADMIN novalidate="">
                            <TextField name="hotline_number" label=t.hotline_number hint=t.hotline_number_hint kind="tel"
                                feedback=feedback.clone() required=true initial=s.hotline_number/>
                            <TextField name="hotline_hours_vi" label=t.hotline_hours_vi hint=t.hotline_hours_hint
                                feedback=feedback.clone() required=true initial=s.hotline_hours_vi/>
                            <TextField name="hotline_hours_en" label=t.hotline_hours_en
                                feedback=feedback.clone() required=true initial=s.hotline_hours_en/>
                            <TextField name="feedback_email" label=t.feedback_email kind="email"
                                feedback=feedback.clone() required=true initial=s.feedback_email/>
                            <button type="submit" class="button">{t.save}</button>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <dl class="summary-list">
                            <dt>{t.hotline_number}</dt><dd>{s.hotline_hours(lang).to_string()}</dd>
                            <dt>{t.feedback_email}</dt><dd>{s.feedback_email}</dd>
                        </dl>
                        <p class="hint">{t.read_only}</p>
                    }.into_any()
                }}
            }
        }}/>
    }
}
