use super::procedure_draft_form::{DraftForm, DRAFT_FORM};
use crate::accounts::pages::StepUpField;
use crate::administration::procedures::server_fns::load_procedure_admin;
use crate::administration::procedures::{Draft, ProcedureAdmin, VersionState};
use crate::forms::{ErrorSummary, FormFeedback, TextField};
use crate::i18n::{use_texts, ProcedureAdminTexts};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The form names the server's handlers answer to.
pub const PUBLISH_FORM: &str = "publish_procedure";
pub const SUSPEND_FORM: &str = "suspend_procedure";

/// `/quan-tri/thu-tuc/{code}`: the procedure's versions; for the province's
/// administrators, its draft (editor, changes, publishing by a second
/// administrator) and the suspension of online filing.
#[component]
pub fn ProcedureAdminPage() -> impl IntoView {
    let t = &use_texts().procedures_admin;
    let params = use_params_map();
    let data = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_procedure_admin,
    );
    view! {
        <PageLoader resource=data title=t.title not_found=true render={move |view: ProcedureAdmin, session| {
            let draft_form = session.feedback.form_for(DRAFT_FORM);
            let publish = session.feedback.form_for(PUBLISH_FORM);
            let suspend = session.feedback.form_for(SUSPEND_FORM);
            view! {
                <p class="breadcrumb"><a href=paths::PROCEDURES_ADMIN>{t.title}</a></p>
                <ErrorSummary form=draft_form.clone()/>
                <ErrorSummary form=publish.clone()/>
                <ErrorSummary form=suspend.clone()/>
                <Procedure view draft_form publish suspend t/>
            }
        }}/>
    }
}

#[component]
fn Procedure(
    view: ProcedureAdmin,
    draft_form: FormFeedback,
    publish: FormFeedback,
    suspend: FormFeedback,
    t: &'static ProcedureAdminTexts,
) -> impl IntoView {
    let code = view.code.clone();
    let comparable = view.versions.len() > 1;
    let state = |state: VersionState| match state {
        VersionState::Draft => t.state_draft,
        VersionState::Scheduled => t.state_scheduled,
        VersionState::InForce => t.state_in_force,
        VersionState::Superseded => t.state_superseded,
    };
    view! {
        <PageTitle title=format!("{} ({})", view.name, view.code) document_title=view.name.clone()/>
        {view.suspended.clone().map(|reason| view! { <p class="notice notice--warning">{(t.suspended_now)(&reason)}</p> })}
        <h2>{t.versions}</h2>
        <DataTable label=t.versions class="table--stack-on-phone" columns={Column::list([
            t.version, t.column_status, t.effective_from, t.author, t.publisher,
        ])}>
            {view.versions.iter().map(|row| view! {
                <tr>
                    <td>{row.version}</td>
                    <td data-label=t.column_status>{state(row.state)}</td>
                    <td data-label=t.effective_from>{row.effective_from.clone()}</td>
                    <td data-label=t.author>{row.author.clone().unwrap_or_default()}</td>
                    <td data-label=t.publisher>{row.publisher.clone().unwrap_or_default()}</td>
                </tr>
            }).collect_view()}
        </DataTable>
        {comparable.then(|| view! {
            <p><a href=paths::compare_procedure_versions(&code)>{t.content.compare_link}</a></p>
        })}
        {match (view.may_edit, view.draft.clone()) {
            (true, Some(draft)) => view! {
                <DraftSection code=code.clone() draft draft_form publish published=view.published t/>
            }.into_any(),
            (true, None) => view! {
                <form method="post" action=paths::new_procedure_draft(&code) class="section">
                    <p>{t.new_draft_hint}</p>
                    <button type="submit" class="button">{t.new_draft}</button>
                </form>
            }.into_any(),
            (false, _) => ().into_any(),
        }}
        {view.may_edit.then(|| view! { <SuspendForm code=code.clone() suspended=view.suspended.is_some() feedback=suspend t/> })}
    }
}

#[component]
fn DraftSection(
    code: String,
    draft: Draft,
    draft_form: FormFeedback,
    publish: FormFeedback,
    published: bool,
    t: &'static ProcedureAdminTexts,
) -> impl IntoView {
    let discard = if published {
        t.discard_draft
    } else {
        t.content.discard_unpublished
    };
    view! {
        <section class="section" aria-labelledby="draft-heading">
            <h2 id="draft-heading">{(t.draft_heading)(draft.version)}</h2>
            {draft.author.clone().map(|name| view! { <p class="hint">{(t.draft_by)(&name)}</p> })}
            <h3>{t.changes}</h3>
            {if draft.changes.is_empty() {
                view! { <p>{t.no_changes}</p> }.into_any()
            } else {
                view! {
                    <DataTable label=t.changes class="table--stack-on-phone procedure-changes" columns={Column::list(["", t.before, t.after])}>
                        {draft.changes.iter().map(|change| view! {
                            <tr>
                                <th scope="row">{change.label.clone()}</th>
                                <td data-label=t.before class="pre-line">{change.before.clone()}</td>
                                <td data-label=t.after class="pre-line">{change.after.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
            <DraftForm code=code.clone() fields=draft.fields.clone() step_agencies=draft.step_agencies.clone()
                placement=draft.placement.clone() feedback=draft_form/>
            <h3>{t.publish_heading}</h3>
            {if draft.may_publish {
                view! {
                    <form method="post" action=paths::publish_procedure_draft(&code) novalidate="">
                        <p>{t.publish_hint}</p>
                        <TextField name="effective_from" label=t.effective_label hint=t.effective_hint feedback=publish.clone() inputmode="numeric"/>
                        <StepUpField feedback=publish/>
                        <button type="submit" class="button">{t.publish_button}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p class="notice">{t.own_draft_note}</p> }.into_any()
            }}
            <form method="post" action=paths::discard_procedure_draft(&code) class="section">
                <button type="submit" class="button button--secondary">{discard}</button>
            </form>
        </section>
    }
}

#[component]
fn SuspendForm(
    code: String,
    suspended: bool,
    feedback: FormFeedback,
    t: &'static ProcedureAdminTexts,
) -> impl IntoView {
    view! {
        <section class="section">
            <h2>{t.suspend_heading}</h2>
            <form method="post" action=paths::suspend_procedure(&code) novalidate="">
                {if suspended {
                    view! {
                        <input type="hidden" name="resume" value="1"/>
                        <button type="submit" class="button button--secondary">{t.resume_button}</button>
                    }.into_any()
                } else {
                    view! {
                        <p>{t.suspend_hint}</p>
                        <TextField name="reason" label=t.suspend_reason feedback required=true/>
                        <button type="submit" class="button button--secondary">{t.suspend_button}</button>
                    }.into_any()
                }}
            </form>
        </section>
    }
}
