//! `/tai-khoan/du-lieu`: what the portal keeps about the signed-in person,
//! their copy of it (`paths::MY_DATA_JSON`, a plain download), and deleting
//! what they no longer need (`server/src/accounts/data_deletion.rs`).

use crate::forms::{field_id, ErrorSummary, FieldGroup, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the page shows beside the download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyDataView {
    pub drafts: i64,
    pub wallet_files: i64,
    pub draft_retention_days: i32,
    pub assistant_retention_days: i32,
    /// Their requests to correct their data, the latest first.
    pub corrections: Vec<crate::accounts::corrections::CorrectionRequest>,
}

#[server(endpoint = "accounts/my-data")]
pub async fn load_my_data() -> Result<MyDataView, crate::error::AppError> {
    use crate::access::{require, Permission};
    use crate::accounts::data_deletion;
    let user = require(Permission::ManageOwnAccount)?;
    let pool = crate::database::pool()?;
    let deletable = data_deletion::deletable(&pool, user.id).await?;
    let rules =
        crate::administration::settings::server_fns::store::retention_settings(&pool).await?;
    Ok(MyDataView {
        drafts: deletable.drafts,
        wallet_files: deletable.wallet_files,
        draft_retention_days: rules.draft_retention_days,
        assistant_retention_days: rules.assistant_retention_days,
        corrections: crate::accounts::corrections::store::mine(&pool, user.id).await?,
    })
}

#[component]
pub fn PersonalDataPage() -> impl IntoView {
    let t = use_texts();
    let p = &t.personal_data;
    let data = Resource::new(|| (), |_| load_my_data());
    view! {
        <PageLoader resource=data title=p.title render={move |data: MyDataView, session| {
            // The deletion forms' refusals; the correction form shows its own.
            let form = session
                .feedback
                .form
                .clone()
                .filter(|form| form.form != CORRECTION_FORM)
                .unwrap_or_default();
            view! {
                <p class="breadcrumb"><a href=paths::ACCOUNT>{t.accounts.account_title}</a></p>
                <ErrorSummary form=form.clone()/>
                <PageTitle title=p.title lead=p.lead/>
                <section class="section" aria-labelledby="data-download">
                    <h2 id="data-download">{p.download_heading}</h2>
                    <p>{p.download_lead}</p>
                    <p>
                        <a class="button" href=paths::MY_DATA_JSON download="" rel="external">{p.download}</a>" "
                        <a class="button button--secondary" href=paths::MY_DATA_PDF download="" rel="external">{p.download_pdf}</a>
                    </p>
                </section>
                <section class="section" aria-labelledby="data-correct">
                    <h2 id="data-correct">{p.correct_heading}</h2>
                    <CorrectionForm feedback=session.feedback.form_for(CORRECTION_FORM)/>
                    <CorrectionList requests=data.corrections.clone()/>
                </section>
                <section class="section" aria-labelledby="data-delete">
                    <h2 id="data-delete">{p.delete_heading}</h2>
                    <p>{(p.retention)(data.draft_retention_days, data.assistant_retention_days)}</p>
                    <p>{p.filed_kept}</p>
                    <DeleteForm name="delete_drafts" action=paths::DELETE_MY_DRAFTS
                        count=(p.drafts_count)(data.drafts) button=p.delete_drafts
                        shown={data.drafts > 0} feedback=form.clone()/>
                    <DeleteForm name="delete_wallet" action=paths::DELETE_MY_UNUSED_FILES
                        count=(p.wallet_count)(data.wallet_files) button=p.delete_wallet
                        shown={data.wallet_files > 0} feedback=form.clone()/>
                </section>
            }
        }}/>
    }
}

/// The correction request form's name.
pub const CORRECTION_FORM: &str = "correction_request";

/// Asking for a correction: about the account, or about a dossier (its
/// code), and what is wrong.
#[component]
fn CorrectionForm(feedback: FormFeedback) -> impl IntoView {
    let c = &use_texts().corrections;
    let about = feedback.value("about");
    let about_dossier = about == "dossier";
    view! {
        <p>{c.lead}" "<a href=paths::ACCOUNT>{use_texts().accounts.account_title}</a></p>
        <ErrorSummary form=feedback.clone()/>
        <form method="post" action=paths::CORRECTION_REQUEST novalidate="">
            <fieldset class="fieldset">
                <legend class="label">{c.about}</legend>
                <div class="radio">
                    <input class="radio__input" type="radio" id="correction-about-account" name="about" value="account" checked=!about_dossier/>
                    <label class="radio__label" for="correction-about-account">{c.about_account}</label>
                </div>
                <div class="radio">
                    <input class="radio__input" type="radio" id="correction-about-dossier" name="about" value="dossier" checked=about_dossier/>
                    <label class="radio__label" for="correction-about-dossier">{c.about_dossier}</label>
                </div>
            </fieldset>
            <TextField name="dossier_code" label=c.dossier_code hint=c.dossier_code_hint feedback=feedback.clone()/>
            <FieldGroup name="details" label=c.details hint=c.details_hint feedback=feedback.clone()>
                <textarea class="textarea" id=field_id(CORRECTION_FORM, "details") name="details" rows="4"
                    maxlength="2000" aria-describedby=format!("{}-hint", field_id(CORRECTION_FORM, "details"))>{feedback.value("details")}</textarea>
            </FieldGroup>
            <button type="submit" class="button">{c.send}</button>
        </form>
    }
}

/// The person's requests and their answers.
#[component]
fn CorrectionList(requests: Vec<crate::accounts::corrections::CorrectionRequest>) -> impl IntoView {
    let c = &use_texts().corrections;
    view! {
        <h3>{c.mine_heading}</h3>
        {if requests.is_empty() {
            view! { <p>{c.none}</p> }.into_any()
        } else {
            view! {
                <ul class="correction-list">
                    {requests.into_iter().map(|request| {
                        let (status, tag) = match request.status.as_str() {
                            "corrected" => (c.status_corrected, "tag tag--green"),
                            "refused" => (c.status_refused, "tag tag--red"),
                            _ => (c.status_open, "tag"),
                        };
                        let about = match &request.dossier_code {
                            Some(code) => format!("{} {code}", c.about_dossier),
                            None => c.about_account.to_string(),
                        };
                        view! {
                            <li class="correction-list__item">
                                <p><strong class=tag>{status}</strong>" "{about}" · "{(c.sent_on)(&request.sent_on)}</p>
                                <p>{request.details.clone()}</p>
                                {request.answer.clone().map(|answer| view! { <p><strong>{c.answer}": "</strong>{answer}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// What would go, and a button that needs a ticked confirmation.
#[component]
fn DeleteForm(
    name: &'static str,
    action: &'static str,
    count: String,
    button: &'static str,
    shown: bool,
    feedback: FormFeedback,
) -> impl IntoView {
    let p = &use_texts().personal_data;
    let id = crate::forms::field_id(name, "confirm");
    let error = (feedback.form == name)
        .then(|| feedback.message_for("confirm"))
        .flatten();
    let error_id = format!("{id}-error");
    view! {
        <p>{count}</p>
        {shown.then(|| view! {
            <form method="post" action=action novalidate="">
                <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" }>
                    {error.clone().map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })}
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id=id.clone() name="confirm" value="on"
                            aria-describedby=error.as_ref().map(|_| error_id.clone())/>
                        <label class="checkbox__label" for=id.clone()>{p.confirm}</label>
                    </div>
                </div>
                <button type="submit" class="button button--warning">{button}</button>
            </form>
        })}
    }
}
