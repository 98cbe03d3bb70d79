use super::server_fns::load_wallet;
use crate::i18n::use_texts;
use crate::layout::PageError;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/tai-khoan/giay-to`: every document the citizen has uploaded, ready to
/// attach to a new dossier instead of uploading it again.
#[component]
pub fn WalletPage() -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
    let files = Resource::new(|| (), |_| load_wallet());
    view! {
        <Title text=format!("{} | {}", f.wallet_title, t.site_name)/>
        <h1>{f.wallet_title}</h1>
        <p class="lead">{f.wallet_lead}</p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                match files.await {
                    Ok(files) if files.is_empty() => view! { <p>{f.wallet_empty}</p> }.into_any(),
                    Ok(files) => view! {
                        <ul class="wallet">
                            {files.into_iter().map(|file| view! {
                                <li><a href=format!("/tep/{}", file.id) rel="external">{file.name}</a>" ("{file.size}")"</li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
