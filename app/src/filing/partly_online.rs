//! What a procedure offered only partly online (Decree 42/2022, "dịch vụ
//! công trực tuyến một phần") still needs at the counter: the originals of
//! the documents, shown when the result is collected. Said on the filing
//! page and again on the check page, before the citizen sends.

use super::DocumentSlot;
use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn PartlyOnlineNotice(documents: Vec<DocumentSlot>) -> impl IntoView {
    let f = &use_texts().filing;
    let originals: Vec<String> = documents
        .iter()
        .filter(|slot| slot.originals > 0 && slot.provision != "eform")
        .map(|slot| slot.name.clone())
        .collect();
    view! {
        <div class="notice notice--info partly-online" role="note">
            <p>{f.partly_online}</p>
            {(!originals.is_empty()).then(|| view! {
                <p>{f.partly_online_originals}</p>
                <ul>{originals.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ul>
            })}
        </div>
    }
}
