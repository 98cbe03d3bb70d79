use super::query_value;
use crate::forms::{ErrorSummary, HiddenField, SubmitButton, TextField};
use crate::i18n::use_texts;
use crate::layout::PageTitle;
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;

/// `/dat-lai-mat-khau?ma=…`: the link from the reset mail (also sent to a new
/// official to set their first password).
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = use_texts();
    let a = &t.accounts;
    let token = query_value("ma");
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {
                let token = token.clone();
                move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        let session = session_view().await;
                        let form = session.feedback.form_for("reset_password");
                        let token = if form.values.contains_key("token") { form.value("token") } else { token };
                        view! {
                            <div class="narrow">
                                <ErrorSummary form=form.clone()/>
                                <PageTitle title=a.reset_title lead=a.reset_lead/>
                                <form method="post" action=paths::RESET_PASSWORD novalidate>
                                    <HiddenField name="token" value=token/>
                                    <TextField name="password" label=a.new_password_label hint=a.password_hint
                                        kind="password" autocomplete="new-password" required=true feedback=form.clone()/>
                                    <TextField name="password_confirmation" label=a.password_confirm_label
                                        kind="password" autocomplete="new-password" required=true feedback=form.clone()/>
                                    <SubmitButton label=a.reset_button/>
                                </form>
                            </div>
                        }
                    })
                }
            }
        </Suspense>
    }
}
