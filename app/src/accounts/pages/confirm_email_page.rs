use super::query_value;
use crate::forms::{HiddenField, SubmitButton};
use crate::i18n::use_texts;
use crate::layout::PageTitle;
use crate::paths;
use leptos::prelude::*;

/// `/xac-nhan-email?ma=…`: the link from the confirmation mail. Opening it
/// changes nothing (mail scanners open links too); the button posts.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let t = use_texts();
    let a = &t.accounts;
    let token = query_value("ma");
    view! {
        <div class="narrow">
            <PageTitle title=a.confirm_title lead=a.confirm_lead/>
            <form method="post" action=paths::CONFIRM_EMAIL>
                <HiddenField name="token" value=token/>
                <SubmitButton label=a.confirm_button/>
            </form>
        </div>
    }
}
