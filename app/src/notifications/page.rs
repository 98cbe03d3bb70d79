use super::server_fns::load_notifications;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use leptos::prelude::*;

/// `/thong-bao`: what happened to the user's dossiers, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let f = &use_texts().filing;
    let list = Resource::new(|| (), |_| load_notifications());
    view! {
        <PageTitle title=f.notifications_title/>
        <PageLoader resource=list render={move |list: Vec<_>, _| {
            if list.is_empty() {
                return view! { <p>{f.notifications_empty}</p> }.into_any();
            }
            view! {
                <ol class="notifications">
                    {list.into_iter().map(|notification| view! {
                        <li class=if notification.unread { "notification notification--unread" } else { "notification" }>
                            <h2 class="notification__title">
                                {match notification.link.clone() {
                                    Some(link) => view! { <a href=link>{notification.title.clone()}</a> }.into_any(),
                                    None => notification.title.clone().into_any(),
                                }}
                                {notification.unread.then(|| view! { " " <span class="tag">{f.notification_new}</span> })}
                            </h2>
                            <p class="timeline__when">{notification.at.clone()}</p>
                            <p class="notification__body">{notification.body.clone()}</p>
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}/>
    }
}
