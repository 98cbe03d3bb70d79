//! What the filing address shows when there is no form to fill: for a
//! procedure whose online filing an administrator has suspended, the
//! reason, and for one not filed online (cách thức thực hiện) that, each
//! with the way back to the procedure's page (a citizen who kept the link
//! must not meet a bare "not found"); otherwise "not found".

use crate::catalogue::model::ProcedureDetail;
use crate::catalogue::server_fns::load_procedure;
use crate::dossiers::Channel;
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
                let explained = |procedure: &ProcedureDetail| match &procedure.online_filing_suspended {
                    Some(reason) => Some((t.procedures_admin.filing_suspended)(reason)),
                    None if !procedure.channels.contains(&Channel::Online) => Some(t.not_filed_online.to_string()),
                    None => None,
                };
                match procedure.await {
                    Ok(Some(procedure)) if explained(&procedure).is_some() => {
                        let why = explained(&procedure).unwrap_or_default();
                        view! {
                            <PageTitle title=(t.filing.page_title)(&procedure.name)/>
                            <p class="notice notice--warning" role="status">{why}</p>
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
