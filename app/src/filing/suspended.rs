//! What the filing address shows when there is no form to fill: for a
//! procedure whose online filing an administrator has suspended, the reason
//! and the way back to the procedure's page (a citizen who kept the link
//! must not meet a bare "not found"); otherwise "not found".

use crate::catalogue::server_fns::load_procedure;
use crate::i18n::use_texts;
use crate::layout::{NotFound, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn FilingUnavailable(code: String) -> impl IntoView {
    let t = use_texts();
    let procedure = Resource::new(move || code.clone(), load_procedure);
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                match procedure.await {
                    Ok(Some(procedure)) if procedure.online_filing_suspended.is_some() => {
                        let reason = procedure.online_filing_suspended.clone().unwrap_or_default();
                        view! {
                            <PageTitle title=(t.filing.page_title)(&procedure.name)/>
                            <p class="notice notice--warning" role="status">
                                {(t.procedures_admin.filing_suspended)(&reason)}
                            </p>
                            <p>
                                <a href=paths::procedure(&procedure.code)>{procedure.name.clone()}</a>
                            </p>
                        }
                        .into_any()
                    }
                    _ => view! { <NotFound/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
