use super::eform_fields::EformFields;
use super::server_fns::load_filing;
use super::FilingView;
use crate::error::AppError;
use crate::forms::{field_id, ErrorSummary, FormFeedback};
use crate::i18n::use_texts;
use crate::layout::{NotFound, PageError, PageTitle};
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/nop-ho-so/{procedure_code}`: the e-form of a procedure, resumed from the
/// citizen's draft when there is one. The same page serves the counter at
/// `/can-bo/tiep-nhan/{applicant}/{procedure_code}`, where a reception
/// officer fills it for a walk-in applicant.
#[component]
pub fn FilingPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let filing = Resource::new(
        move || {
            let params = params.get();
            (
                params.get("code").unwrap_or_default(),
                params.get("applicant"),
            )
        },
        |(code, applicant)| load_filing(code, applicant),
    );
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let session = session_view().await;
                match filing.await {
                    Ok(filing) => {
                        let feedback = session.feedback.form_for(super::eform_fields::FORM_NAME);
                        view! { <FilingForm filing feedback/> }.into_any()
                    }
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(AppError::Forbidden) if session.visitor.user().is_some_and(|user| !user.email_confirmed) => view! {
                        <div class="notice notice--warning" role="status">
                            <p>{t.filing.confirm_email_first}</p>
                            <p><a href=paths::ACCOUNT>{t.accounts.nav_account}</a></p>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FilingForm(filing: FilingView, feedback: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
    let title = (f.page_title)(&filing.procedure.name);
    let action = filing.base_path();
    let at_counter = filing.counter.is_some();
    let chosen_agency = feedback
        .values
        .get("agency")
        .cloned()
        .or(filing.agency_code.clone())
        .or_else(|| {
            (filing.procedure.agencies.len() == 1)
                .then(|| filing.procedure.agencies[0].code.clone())
        })
        .unwrap_or_default();
    let agency_error = feedback.message_for("agency");
    // Shared by the fields and the live check below.
    let shown = super::eform_fields::ShownErrors(RwSignal::new(feedback.errors.clone()));
    provide_context(shown);
    let live = super::eform_fields::LiveAnswers::new(filing.answers.clone());
    provide_context(live);
    let definition = filing.form.clone();
    let lang = crate::i18n::use_lang();
    let check_on_leave = move |event: leptos::ev::FocusEvent| {
        super::live_check::field_left(&event, &definition, shown, lang)
    };
    let definition = filing.form.clone();
    let follow_answers = move |event: leptos::ev::Event| {
        super::live_check::answers_changed(&event, &definition, live)
    };
    let agency_id = field_id(super::eform_fields::FORM_NAME, "agency");
    view! {
        {match &filing.counter {
            Some(applicant) => view! {
                <p class="breadcrumb"><a href=format!("{}?cccd={}", paths::COUNTER, applicant.citizen_id)>{t.counter.title}</a></p>
            }.into_any(),
            None => view! {
                <p class="breadcrumb"><a href=paths::procedure(&filing.procedure.code)>{filing.procedure.name.clone()}</a></p>
            }.into_any(),
        }}
        <ErrorSummary form=feedback.clone()/>
        <PageTitle title=title.clone()/>
        {match &filing.counter {
            Some(applicant) => view! {
                <p class="notice notice--info"><strong>{(t.counter.filing_for)(&applicant.full_name, &applicant.citizen_id)}</strong></p>
                <p class="lead">{t.counter.filing_lead}</p>
            }.into_any(),
            None => view! { <p class="lead">{f.lead}</p> }.into_any(),
        }}
        {filing.draft_saved_at.clone().map(|at| view! { <p class="hint">{(f.draft_saved_at)(&at)}</p> })}
        <form method="post" action=action novalidate class="eform" on:focusout=check_on_leave on:change=follow_answers>
            // Enter in a text box presses the form's first submit button: make
            // that "save the draft", not an address or group button further on.
            <button type="submit" name="action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">{f.save_draft}</button>
            // Tells the upload and wallet handlers the answers came along.
            <input type="hidden" name="filing_form" value="1"/>
            <div class=if agency_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for=agency_id.clone()>{f.agency_label}</label>
                <p class="hint">{f.agency_hint}</p>
                {agency_error.clone().map(|message| view! { <p class="error-message">{message}</p> })}
                <select class="select" id=agency_id name="agency" aria-invalid=agency_error.is_some().then_some("true")>
                    <option value="">{f.choose_agency}</option>
                    {filing.procedure.agencies.iter().map(|agency| view! {
                        <option value=agency.code.clone() selected=agency.code == chosen_agency>{agency.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <EformFields form=filing.form.clone() answers=filing.answers.clone() errors=feedback.errors.clone() places=filing.places.clone()/>
            <DocumentSlots
                upload_action=format!("{}/giay-to", filing.base_path())
                wallet_action=(!at_counter).then(|| format!("{}/giay-to/tu-kho", filing.base_path()))
                slots=filing.documents.clone()
                wallet=filing.wallet.clone()
                in_form=true/>
            {filing.fee_estimate.clone().map(|(assessment, due)| view! {
                <p class="notice notice--info">
                    {(t.payments.fee_estimate)(&assessment.total.to_string(), due.label(lang))}
                </p>
            })}
            <div class="button-group">
                <button type="submit" class="button" name="action" value="submit">
                    {if at_counter { t.counter.accept_button } else { f.submit }}
                </button>
                <button type="submit" class="button button--secondary" name="action" value="save">{f.save_draft}</button>
            </div>
        </form>
    }
}

pub use super::document_slots::DocumentSlots;
