//! `/tai-khoan/du-lieu`: what the portal keeps about the signed-in person,
//! and their copy of it (`paths::MY_DATA_JSON`, a plain download).

use crate::accounts::server_fns::load_my_account;
use crate::accounts::MyAccount;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn PersonalDataPage() -> impl IntoView {
    let t = use_texts();
    let p = &t.personal_data;
    // Loaded for the sign-in it requires: the page is about the person.
    let account = Resource::new(|| (), |_| load_my_account());
    view! {
        <PageLoader resource=account title=p.title render={move |_account: MyAccount, _session| view! {
            <p class="breadcrumb"><a href=paths::ACCOUNT>{t.accounts.account_title}</a></p>
            <PageTitle title=p.title lead=p.lead/>
            <section class="section" aria-labelledby="data-download">
                <h2 id="data-download">{p.download_heading}</h2>
                <p>{p.download_lead}</p>
                <p><a class="button" href=paths::MY_DATA_JSON download="" rel="external">{p.download}</a></p>
            </section>
            <section class="section" aria-labelledby="data-correct">
                <h2 id="data-correct">{p.correct_heading}</h2>
                <p>{p.correct_lead}</p>
                <p><a href=paths::ACCOUNT>{t.accounts.account_title}</a></p>
            </section>
        }}/>
    }
}
