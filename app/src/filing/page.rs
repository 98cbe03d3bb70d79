use super::eform_fields::{EformFields, EformPart};
use super::fee_estimate::FeeEstimate;
use super::form_pages::{CarriedAnswers, ExitNotice, PageButtons, PageProgress};
use super::partly_online::PartlyOnlineNotice;
use super::server_fns::load_filing;
use super::FilingView;
use crate::enhance::FilingFormEnhancer;
use crate::error::AppError;
use crate::forms::{field_id, ErrorSummary, FormFeedback};
use crate::i18n::use_texts;
use crate::layout::{PageError, PageTitle};
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/nop-ho-so/{procedure_code}`: the e-form of a procedure, resumed from the
/// citizen's draft when there is one. The same page serves the counter at
/// `/can-bo/tiep-nhan/{applicant}/{procedure_code}`, where a reception
/// officer fills it for a walk-in applicant.
#[component]
pub fn FilingPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let code = move || params.with_untracked(|params| params.get("code").unwrap_or_default());
    let filing = Resource::new(
        move || {
            let params = params.get();
            (
                params.get("code").unwrap_or_default(),
                params.get("applicant"),
                query.get().get("trang"),
            )
        },
        |(code, applicant, page)| load_filing(code, applicant, page),
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
                    Err(AppError::NotFound) => view! { <super::suspended::FilingUnavailable code=code()/> }.into_any(),
                    Err(AppError::Forbidden) if session.visitor.user().is_some_and(|user| !user.email_confirmed) => view! {
                        <div class="notice notice--warning" role="status">
                            <p>{t.filing.confirm_email_first}</p>
                            <p><a href=paths::ACCOUNT>{t.accounts.nav_account}</a></p>
                        </div>
                    }.into_any(),
                    Err(AppError::Forbidden) if session.visitor.user().is_some_and(|user| {
                        user.kind == crate::access::AccountKind::Citizen && !user.privacy_consent_current
                    }) => {
                        let feedback = session.feedback.form_for(crate::accounts::pages::CONSENT_FORM);
                        match crate::accounts::privacy::privacy_notice_version().await {
                            Ok(version) => view! {
                                <ConsentBeforeFiling version here=paths::file_dossier(code()) feedback/>
                            }.into_any(),
                            Err(error) => view! { <PageError error/> }.into_any(),
                        }
                    }
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Before a first online filing (or after a new privacy notice): the
/// notice's short form and its consent, which comes back here.
#[component]
fn ConsentBeforeFiling(version: i32, here: String, feedback: FormFeedback) -> impl IntoView {
    let t = use_texts();
    view! {
        <ErrorSummary form=feedback.clone()/>
        <PageTitle title=t.privacy.nav/>
        <div class="notice notice--info" role="status"><p>{t.privacy.consent_before_filing}</p></div>
        <crate::accounts::pages::ConsentForm version next=here feedback/>
    }
}

/// Where the visible "Lưu nháp" comes back to without JavaScript: the
/// buttons it sits with. With JavaScript the field last worked on is sent
/// instead (`return_to`).
pub const ACTIONS_ANCHOR: &str = "filing-actions";

/// The filing form's id, which its enhancer looks for.
const FORM_ID: &str = "filing-form";

/// The filing page in the order the citizen works: the office, the form's
/// questions, the documents, the fees, the declaration; then "Tiếp tục" to
/// the check page (at the counter, "Tiếp nhận hồ sơ" at once).
#[component]
fn FilingForm(filing: FilingView, feedback: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
    let title = (f.page_title)(&filing.procedure.name);
    // "Lỗi: " first while the form shows errors, as a screen reader's first words.
    let error_prefix = if feedback.has_errors() {
        t.filing_check.title_error_prefix
    } else {
        ""
    };
    let document_title = format!("{error_prefix}{title} | {}", t.site_name);
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
        <PageTitle title=title.clone() document_title=document_title/>
        {match &filing.counter {
            Some(applicant) => view! {
                <p class="notice notice--info"><strong>{(t.counter.filing_for)(&applicant.full_name, &applicant.citizen_id)}</strong></p>
                <p class="lead">{t.counter.filing_lead}</p>
            }.into_any(),
            None => view! { <p class="lead">{f.lead}</p> }.into_any(),
        }}
        {filing.draft_saved_at.clone().map(|at| view! { <p class="hint">{(f.draft_saved_at)(&at)}</p> })}
        {(!filing.dropped_answers.is_empty()).then(|| {
            let lang = crate::i18n::use_lang();
            let labels: Vec<String> = filing.dropped_answers.iter().map(|label| label.get(lang).to_string()).collect();
            view! { <p class="notice notice--warning" role="status">{(f.form_changed)(&labels.join("; "))}</p> }
        })}
        {filing.procedure.partly_online.then(|| view! { <PartlyOnlineNotice documents=filing.documents.clone()/> })}
        <FilingEform filing feedback/>
    }
}

/// The form itself. With JavaScript, `FilingFormEnhancer` checks fields as
/// the citizen leaves them and makes the questions and the fee follow the
/// answers; without it, the same form posts to the server.
#[component]
fn FilingEform(filing: FilingView, feedback: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
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
    provide_context(super::eform_fields::VerifiedFields(
        filing.verified_fields.clone(),
    ));
    // Documents and file questions upload to the same address.
    let upload_action = format!("{}/giay-to", filing.base_path());
    provide_context(super::file_field::FileQuestions {
        action: upload_action.clone(),
        files: filing.answer_files.clone(),
    });
    let agency_id = field_id(super::eform_fields::FORM_NAME, "agency");
    let agency_error_id = format!("{agency_id}-error");
    // A paged form shows one question page, or the filing's own part with
    // no questions; a form on one page shows them all.
    let shown_sections = match (filing.form.paged, filing.page) {
        (false, _) => None,
        (true, page) => Some(page.into_iter().collect::<Vec<_>>()),
    };
    let fields = |part| {
        view! {
            <EformFields form=filing.form.clone() answers=filing.answers.clone() errors=feedback.errors.clone()
                places=filing.places.clone() part sections=shown_sections.clone()/>
        }
    };
    let paged = filing.form.paged;
    let question_page = paged && filing.page.is_some();
    let action = if paged {
        filing.page_path(filing.page)
    } else {
        action
    };
    view! {
        <form method="post" action=action novalidate class="eform" id=FORM_ID>
            <FilingFormEnhancer form_id=FORM_ID.to_string() code=filing.procedure.code.clone()
                applicant=filing.counter.as_ref().map(|applicant| applicant.id.to_string())
                shown=live_checked_errors(&feedback)
                choose_commune=f.choose_commune.to_string() choose_province_first=f.choose_province_first.to_string()
                logic=serde_json::to_string(&filing.form.logic()).unwrap_or_default() today=filing.today.to_string()/>
            // Enter in a text box presses the form's first submit button: make
            // that "save the draft", not an address or group button further on.
            <button type="submit" name="action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">{f.save_draft}</button>
            // Tells the upload and wallet handlers the answers came along.
            <input type="hidden" name="filing_form" value="1"/>
            <input type="hidden" name="return_to" value=""/>
            {paged.then(|| view! { <PageProgress filing=filing.clone()/> <CarriedAnswers filing=filing.clone()/> })}
            {(!question_page).then(|| view! {
            <div class=if agency_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for=agency_id.clone()>{f.agency_label}</label>
                <p class="hint" id=format!("{agency_id}-hint")>{f.agency_hint}</p>
                {agency_error.clone().map(|message| view! { <p class="error-message" id=agency_error_id.clone()>{message}</p> })}
                <select class="select" id=agency_id.clone() name="agency" aria-invalid=agency_error.is_some().then_some("true")
                    aria-describedby=if agency_error.is_some() { format!("{agency_id}-hint {agency_error_id}") } else { format!("{agency_id}-hint") }>
                    <option value="">{f.choose_agency}</option>
                    {filing.procedure.agencies.iter().map(|agency| view! {
                        <option value=agency.code.clone() selected=agency.code == chosen_agency>{agency.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            })}
            {fields(EformPart::Questions)}
            {if question_page {
                view! { <PageButtons filing=filing.clone()/> }.into_any()
            } else {
                view! {
            <DocumentSlots
                upload_action=upload_action.clone()
                wallet_action=(!at_counter).then(|| format!("{}/giay-to/tu-kho", filing.base_path()))
                slots=filing.documents.clone()
                wallet=filing.wallet.clone()
                in_form=true/>
            {filing.fee_schedule.clone().map(|schedule| view! { <FeeEstimate schedule form=filing.form.clone() answers=filing.answers.clone() today=filing.today/> })}
            {fields(EformPart::Declaration)}
                    {match filing.exit {
                        Some(exit) => view! { <ExitNotice filing=filing.clone() exit/> }.into_any(),
                        None => view! {
            <div class="filing-actions" id=ACTIONS_ANCHOR tabindex="-1">
                {(!at_counter).then(|| view! { <p class="hint">{t.filing_check.continue_hint}</p> })}
                <div class="button-group">
                    {if at_counter {
                        view! { <button type="submit" class="button" name="action" value="submit">{t.counter.accept_button}</button> }
                    } else {
                        view! { <button type="submit" class="button" name="action" value="review">{t.filing_check.continue_button}</button> }
                    }}
                    <button type="submit" class="button button--secondary" name="action" value=format!("save:{ACTIONS_ANCHOR}")>{f.save_draft}</button>
                </div>
            </div>
                        }.into_any(),
                    }}
                    {paged.then(|| super::form_pages::previous_page(&filing).map(|index| view! {
                        <p><a href=filing.page_path(index) class="back-link">{f.previous_page}</a></p>
                    }))}
                }.into_any()
            }}
        </form>
    }
}

/// The fields with a message that the live check judges again (the office
/// and the form's answers; a missing document is judged only on "Tiếp tục").
fn live_checked_errors(feedback: &FormFeedback) -> Vec<String> {
    feedback
        .errors
        .iter()
        .map(|error| error.field.clone())
        .filter(|field| !field.starts_with(super::DOCUMENT_FIELD_PREFIX))
        .collect()
}

pub use super::document_slots::DocumentSlots;
