use super::query_value;
use crate::forms::{HiddenField, NoticeBanner, SubmitButton};
use crate::i18n::use_texts;
use crate::session_view::session_view;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/xac-nhan-email?ma=…`: the link from the confirmation mail. Opening it
/// changes nothing (mail scanners open links too); the button posts.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let t = use_texts();
    let a = &t.accounts;
    let token = query_value("ma");
    view! {
        <Title text=format!("{} | {}", a.confirm_title, t.site_name)/>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {
                let token = token.clone();
                move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        let session = session_view().await;
                        view! {
                            <div class="narrow">
                                <NoticeBanner notice=session.feedback.notice.clone()/>
                                <h1>{a.confirm_title}</h1>
                                <p class="lead">{a.confirm_lead}</p>
                                <form method="post" action="/xac-nhan-email">
                                    <HiddenField name="token" value=token/>
                                    <SubmitButton label=a.confirm_button/>
                                </form>
                            </div>
                        }
                    })
                }
            }
        </Suspense>
    }
}
