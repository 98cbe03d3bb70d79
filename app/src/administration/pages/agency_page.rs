//! `/quan-tri/co-quan/{code}`: one agency's contact data and office hours.

use super::agency_merger_form::{AgencyMergerForm, MERGER_FORM};
use super::agency_scheduled_changes::ScheduledChanges;
use crate::administration::agencies::server_fns::load_agency_admin;
use crate::administration::agencies::AgencyAdmin;
use crate::forms::{ErrorSummary, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The form name the server's handler answers to.
pub const AGENCY_FORM: &str = "agency";

#[component]
pub fn AgencyPage() -> impl IntoView {
    let t = &use_texts().agencies_admin;
    let params = use_params_map();
    let data = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_agency_admin,
    );
    view! {
        <PageLoader resource=data title=t.title not_found=true render={move |view: AgencyAdmin, session| {
            let feedback = session.feedback.form_for(AGENCY_FORM);
            let merger = session.feedback.form_for(MERGER_FORM);
            let fields = view.fields.clone();
            let may_merge = view.may_edit && view.merged_into.is_none() && !view.successors.is_empty();
            view! {
                <p class="breadcrumb"><a href=paths::AGENCIES_ADMIN>{t.title}</a></p>
                <PageTitle title=view.fields.name.clone()/>
                <p>{(t.code_fixed)(&view.code)}" "{(t.kind)(&view.kind)}</p>
                {view.parent.clone().map(|parent| view! { <p>{(t.part_of)(&parent)}</p> })}
                {view.merged_into.clone().map(|(successor, day)| view! {
                    <p class="notice"><strong>{(t.merged_into)(&successor, &day)}</strong></p>
                })}
                {if view.may_edit {
                    view! {
                        <ErrorSummary form=feedback.clone()/>
                        <form method="post" action=paths::agency_admin(&view.code) novalidate="">
                            <TextField name="name" label=t.name feedback=feedback.clone() required=true initial=fields.name/>
                            <TextField name="name_en" label=t.name_en feedback=feedback.clone() initial=fields.name_en/>
                            <TextField name="name_effective_on" label=t.name_effective_on hint=t.name_effective_on_hint
                                feedback=feedback.clone()/>
                            <TextField name="address" label=t.address feedback=feedback.clone() initial=fields.address/>
                            <TextField name="phone" label=t.phone kind="tel" feedback=feedback.clone() initial=fields.phone/>
                            <TextField name="email" label=t.email kind="email" feedback=feedback.clone() initial=fields.email/>
                            <TextField name="office_hours" label=t.office_hours hint=t.office_hours_hint feedback=feedback.clone()
                                required=true initial=fields.office_hours/>
                            <button type="submit" class="button">{t.save}</button>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <dl class="summary-list">
                            <dt>{t.address}</dt><dd>{fields.address}</dd>
                            <dt>{t.phone}</dt><dd>{fields.phone}</dd>
                            <dt>{t.email}</dt><dd>{fields.email}</dd>
                            <dt>{t.office_hours}</dt><dd>{fields.office_hours}</dd>
                        </dl>
                        <p class="hint">{t.read_only}</p>
                    }.into_any()
                }}
                {(!view.scheduled.is_empty()).then(|| view! {
                    <ScheduledChanges code=view.code.clone() changes=view.scheduled.clone() may_cancel=view.may_edit/>
                })}
                {may_merge.then(|| view! {
                    <AgencyMergerForm code=view.code.clone() successors=view.successors.clone() feedback=merger.clone()/>
                })}
            }
        }}/>
    }
}
