//! `/quan-tri/cai-dat`: the help line and feedback address every page
//! shows. A refused form comes back with what was typed.

use crate::administration::settings::server_fns::load_settings_admin;
use crate::administration::settings::SettingsAdmin;
use crate::forms::{CheckboxField, ErrorSummary, TextField};
use crate::i18n::{current_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The form name the server's handler answers to.
pub const SETTINGS_FORM: &str = "portal_settings";
/// The questions' and assistant's form.
pub const ASSISTANT_SETTINGS_FORM: &str = "assistant_settings";
/// The field reports' settings form.
pub const REPORT_SETTINGS_FORM: &str = "report_settings";
/// How long data is kept.
pub const RETENTION_SETTINGS_FORM: &str = "retention_settings";

#[component]
pub fn SettingsPage() -> impl IntoView {
    let t = &use_texts().settings_admin;
    let lang = current_lang();
    let data = Resource::new(|| (), |_| load_settings_admin());
    view! {
        <PageLoader resource=data title=t.title render={move |view: SettingsAdmin, session| {
            let feedback = session.feedback.form_for(SETTINGS_FORM);
            let assistant_feedback = session.feedback.form_for(ASSISTANT_SETTINGS_FORM);
            let report_feedback = session.feedback.form_for(REPORT_SETTINGS_FORM);
            let retention_feedback = session.feedback.form_for(RETENTION_SETTINGS_FORM);
            let r = view.retention;
            let reopen_days = view.field_reports.report_reopen_days;
            let map = view.field_reports.map.clone();
            let map_shown = if map.tile_url.is_empty() { t.no_map.to_string() } else { map.tile_url.clone() };
            let s = view.settings.clone();
            let a = view.assistant.clone();
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
                        <h2 id="hoi-dap">{t.assistant_heading}</h2>
                        <ErrorSummary form=assistant_feedback.clone()/>
                        <form method="post" action=paths::ASSISTANT_SETTINGS novalidate="">
                            <TextField name="question_answer_days" label=t.answer_days hint=t.answer_days_hint kind="number"
                                feedback=assistant_feedback.clone() required=true initial=a.question_answer_days.to_string()/>
                            <CheckboxField name="generated_answers" label=t.generated_answers.to_string()
                                hint=t.generated_answers_hint checked=a.generated_answers/>
                            {(!view.chat_configured).then(|| view! { <p class="notice notice--info">{t.no_chat_endpoint}</p> })}
                            <button type="submit" class="button">{t.save}</button>
                        </form>
                        <h2 id="phan-anh">{t.reports_heading}</h2>
                        <ErrorSummary form=report_feedback.clone()/>
                        <form method="post" action=paths::REPORT_SETTINGS novalidate="">
                            <TextField name="report_reopen_days" label=t.reopen_days hint=t.reopen_days_hint kind="number"
                                feedback=report_feedback.clone() required=true initial=reopen_days.to_string()/>
                            <fieldset class="fieldset">
                                <legend class="label">{t.map_legend}</legend>
                                <p class="hint">{t.map_lead}</p>
                                <TextField name="map_tile_url" label=t.tile_url hint=t.tile_url_hint kind="url"
                                    feedback=report_feedback.clone() initial=map.tile_url.clone()/>
                                <TextField name="map_attribution" label=t.attribution hint=t.attribution_hint
                                    feedback=report_feedback.clone() initial=map.attribution.clone()/>
                                <TextField name="map_centre_latitude" label=t.map_centre_latitude hint=t.map_centre_hint inputmode="decimal"
                                    feedback=report_feedback.clone() required=true initial=map.centre_latitude.to_string()/>
                                <TextField name="map_centre_longitude" label=t.map_centre_longitude inputmode="decimal"
                                    feedback=report_feedback.clone() required=true initial=map.centre_longitude.to_string()/>
                                <TextField name="map_zoom" label=t.map_zoom hint=t.map_zoom_hint kind="number"
                                    feedback=report_feedback.clone() required=true initial=map.zoom.to_string()/>
                            </fieldset>
                            <button type="submit" class="button">{t.save}</button>
                        </form>
                        <h2 id="luu-giu">{t.retention_heading}</h2>
                        <p>{t.retention_lead}</p>
                        <ErrorSummary form=retention_feedback.clone()/>
                        <form method="post" action=paths::RETENTION_SETTINGS novalidate="">
                            <TextField name="draft_retention_days" label=t.draft_retention hint=t.draft_retention_hint kind="number"
                                feedback=retention_feedback.clone() required=true initial=r.draft_retention_days.to_string()/>
                            <TextField name="assistant_retention_days" label=t.assistant_retention hint=t.assistant_retention_hint kind="number"
                                feedback=retention_feedback.clone() required=true initial=r.assistant_retention_days.to_string()/>
                            <button type="submit" class="button">{t.save}</button>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <dl class="summary-list">
                            <dt>{t.hotline_number}</dt><dd>{s.hotline_hours(lang).to_string()}</dd>
                            <dt>{t.feedback_email}</dt><dd>{s.feedback_email}</dd>
                            <dt>{t.answer_days}</dt><dd>{a.question_answer_days}</dd>
                            <dt>{t.generated_answers}</dt><dd>{if a.generated_answers { t.switched_on } else { t.switched_off }}</dd>
                            <dt>{t.reopen_days}</dt><dd>{reopen_days}</dd>
                            <dt>{t.tile_url}</dt><dd>{map_shown}</dd>
                            <dt>{t.draft_retention}</dt><dd>{r.draft_retention_days}</dd>
                            <dt>{t.assistant_retention}</dt><dd>{r.assistant_retention_days}</dd>
                        </dl>
                        <p class="hint">{t.read_only}</p>
                    }.into_any()
                }}
            }
        }}/>
    }
}
