//! `/tai-khoan/du-lieu`: what the portal keeps about the signed-in person,
//! their copy of it (`paths::MY_DATA_JSON`, a plain download), and deleting
//! what they no longer need (`server/src/accounts/data_deletion.rs`).

use crate::forms::{ErrorSummary, FormFeedback};
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
    })
}

#[component]
pub fn PersonalDataPage() -> impl IntoView {
    let t = use_texts();
    let p = &t.personal_data;
    let data = Resource::new(|| (), |_| load_my_data());
    view! {
        <PageLoader resource=data title=p.title render={move |data: MyDataView, session| {
            let form = session.feedback.form.clone().unwrap_or_default();
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
                    <p>{p.correct_lead}</p>
                    <p><a href=paths::ACCOUNT>{t.accounts.account_title}</a></p>
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
