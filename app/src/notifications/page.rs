use super::server_fns::load_notifications;
use crate::i18n::use_texts;
use crate::layout::PageError;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/thong-bao`: what happened to the user's dossiers, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
    let list = Resource::new(|| (), |_| load_notifications());
    view! {
        <Title text=format!("{} | {}", f.notifications_title, t.site_name)/>
        <h1>{f.notifications_title}</h1>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) if list.is_empty() => view! { <p>{f.notifications_empty}</p> }.into_any(),
                    Ok(list) => view! {
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
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
