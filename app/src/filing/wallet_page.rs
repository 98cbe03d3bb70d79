use super::server_fns::load_wallet;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// `/tai-khoan/giay-to`: every document the citizen has uploaded, ready to
/// attach to a new dossier instead of uploading it again.
#[component]
pub fn WalletPage() -> impl IntoView {
    let f = &use_texts().filing;
    let files = Resource::new(|| (), |_| load_wallet());
    view! {
        <PageTitle title=f.wallet_title lead=f.wallet_lead/>
        <PageLoader resource=files render={move |files: Vec<_>, _| {
            if files.is_empty() {
                return view! { <p>{f.wallet_empty}</p> }.into_any();
            }
            view! {
                <ul class="wallet">
                    {files.into_iter().map(|file| view! {
                        <li><a href=paths::file_download(file.id) rel="external">{file.name}</a>" ("{file.size}")"</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}/>
    }
}
