use super::official_form::OfficialForm;
use crate::accounts::pages::StepUpField;
use crate::administration::server_fns::load_official;
use crate::administration::OfficialDetail;
use crate::forms::ErrorSummary;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/quan-tri/nguoi-dung/{id}`: change an official's name, email, agency and roles.
#[component]
pub fn OfficialPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let official = Resource::new(
        move || {
            params
                .get()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0)
        },
        load_official,
    );
    view! {
        <PageLoader resource=official title=t.forms.users_title render={move |official: OfficialDetail, session| {
            let form = session.feedback.form_for("edit_official");
            let disable = session.feedback.form_for("disable_official");
            let reset = session.feedback.form_for("reset_second_factor");
            let s = &t.second_factor;
            let action = paths::official(official.id);
            view! {
                <p class="breadcrumb"><a href=paths::OFFICIALS>{t.forms.back_to_users}</a></p>
                <ErrorSummary form=form.clone()/>
                <ErrorSummary form=disable.clone()/>
                <ErrorSummary form=reset.clone()/>
                <PageTitle
                    title=(t.forms.edit_heading)(&official.full_name)
                    document_title=format!("{} | {}", t.forms.users_title, t.site_name)
                />
                <OfficialForm
                    action
                    form
                    agencies=official.agencies.clone()
                    current=(official.full_name.clone(), official.email.clone(), official.agency_id, official.roles.clone())
                    submit=t.forms.save_button
                />
                <section class="section" aria-labelledby="official-sessions">
                    <h2 id="official-sessions">{t.sessions.admin_heading}</h2>
                    <p class="hint">{t.sessions.admin_hint}</p>
                    <form method="post" action=paths::end_official_sessions(official.id)>
                        <button type="submit" class="button button--warning">{t.sessions.admin_end_all}</button>
                    </form>
                </section>
                <section class="section" aria-labelledby="official-second-factor">
                    <h2 id="official-second-factor">{s.admin_heading}</h2>
                    <p>{if official.second_factor { s.admin_on } else { s.admin_off }}</p>
                    <p class="hint">{s.admin_hint}</p>
                    <form method="post" action=paths::reset_official_factor(official.id) novalidate="">
                        <StepUpField feedback=reset/>
                        <button type="submit" class="button button--warning">{s.admin_reset}</button>
                    </form>
                </section>
                {(!official.disabled).then(|| view! {
                    <section class="section" aria-labelledby="official-disable">
                        <h2 id="official-disable">{t.forms.disable_button}</h2>
                        <form method="post" action=paths::disable_official(official.id) novalidate="">
                            <StepUpField feedback=disable/>
                            <button type="submit" class="button button--warning">{t.forms.disable_button}</button>
                        </form>
                    </section>
                })}
            }
        }}/>
    }
}
