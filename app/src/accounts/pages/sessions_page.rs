//! `/tai-khoan/phien`: where the account is signed in, each session ended
//! by a plain form post (`server/src/accounts/active_sessions.rs`).

use crate::accounts::sessions::{device_name, load_my_sessions, ActiveSession};
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn SessionsPage() -> impl IntoView {
    let t = &use_texts().sessions;
    let data = Resource::new(|| (), |_| load_my_sessions());
    view! {
        <PageLoader resource=data title=t.title render={move |sessions: Vec<ActiveSession>, _session| {
            let others = sessions.iter().any(|session| !session.current);
            view! {
                <p class="breadcrumb"><a href=paths::ACCOUNT>{use_texts().accounts.account_title}</a></p>
                <PageTitle title=t.title lead=t.lead/>
                <ul class="session-list">
                    {sessions.into_iter().map(|session| view! { <SessionItem session/> }).collect_view()}
                </ul>
                {if others {
                    view! {
                        <form method="post" action=paths::END_OTHER_SESSIONS>
                            <p class="hint" id="end-others-hint">{t.end_others_hint}</p>
                            <button type="submit" class="button button--warning" aria-describedby="end-others-hint">{t.end_others}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <p>{t.none_other}</p> }.into_any()
                }}
            }
        }}/>
    }
}

#[component]
fn SessionItem(session: ActiveSession) -> impl IntoView {
    let t = &use_texts().sessions;
    let device = device_name(&session.user_agent, use_lang());
    let heading = format!("session-{}", session.id);
    let when = |at: chrono::NaiveDateTime| at.format("%H:%M %d/%m/%Y").to_string();
    view! {
        <li class="session-list__item">
            <h2 class="session-list__device" id=heading.clone()>
                {device.clone()}
                {session.current.then(|| view! { " "<strong class="tag tag--green">{t.this_device}</strong> })}
            </h2>
            <dl class="summary-list">
                <div><dt>{t.address}</dt><dd>{session.address.clone().unwrap_or_else(|| t.unknown_address.to_string())}</dd></div>
                <div><dt>{t.signed_in}</dt><dd>{when(session.signed_in)}</dd></div>
                <div><dt>{t.last_seen}</dt><dd>{when(session.last_seen)}</dd></div>
            </dl>
            <form method="post" action=paths::end_session(session.id)>
                <button type="submit" class="button button--secondary" aria-describedby=heading>{t.end}</button>
            </form>
        </li>
    }
}
