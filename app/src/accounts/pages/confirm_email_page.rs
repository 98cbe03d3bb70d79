use super::query_value;
use crate::forms::{HiddenField, SubmitButton};
use crate::i18n::use_texts;
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
        <div class="narrow">
            <h1>{a.confirm_title}</h1>
            <p class="lead">{a.confirm_lead}</p>
            <form method="post" action="/xac-nhan-email">
                <HiddenField name="token" value=token/>
                <SubmitButton label=a.confirm_button/>
            </form>
        </div>
    }
}
