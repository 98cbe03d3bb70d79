use super::server_fns::load_caught_mail;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use leptos::prelude::*;

/// `/trinh-dien/hop-thu`: the mail the portal sent, as caught by the local
/// SMTP listener in demo mode, newest first.
#[component]
pub fn DemoMailboxPage() -> impl IntoView {
    let f = &use_texts().forms;
    let messages = Resource::new(|| (), |_| load_caught_mail());
    view! {
        <PageLoader resource=messages title=f.mailbox_title not_found=true render={move |messages: Vec<_>, _| view! {
            <PageTitle title=f.mailbox_title lead=f.mailbox_lead/>
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
        }}/>
    }
}
