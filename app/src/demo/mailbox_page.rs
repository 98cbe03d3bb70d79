use super::server_fns::load_caught_mail;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::layout::{NotFound, PageError};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/trinh-dien/hop-thu`: the mail the portal sent, as caught by the local
/// SMTP listener in demo mode, newest first.
#[component]
pub fn DemoMailboxPage() -> impl IntoView {
    let t = use_texts();
    let f = &t.forms;
    let messages = Resource::new(|| (), |_| load_caught_mail());
    view! {
        <Title text=format!("{} | {}", f.mailbox_title, t.site_name)/>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                match messages.await {
                    Ok(messages) => view! {
                        <h1>{f.mailbox_title}</h1>
                        <p class="lead">{f.mailbox_lead}</p>
                        {messages.is_empty().then(|| view! { <p>{f.mailbox_empty}</p> })}
                        {messages.into_iter().map(|message| view! {
                            <article class="mail" aria-labelledby=format!("mail-{}", message.id)>
                                <h2 class="mail__subject" id=format!("mail-{}", message.id)>{message.subject}</h2>
                                <dl class="summary-list">
                                    <div><dt>{f.column_to}</dt><dd class="mail__to">{message.to}</dd></div>
                                    <div><dt>{f.column_received}</dt><dd>{message.received_at}</dd></div>
                                </dl>
                                <pre class="mail__body">{message.body}</pre>
                            </article>
                        }).collect_view()}
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
