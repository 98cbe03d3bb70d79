use crate::forms::{ErrorSummary, SubmitButton, TextField};
use crate::i18n::use_texts;
use crate::layout::PageTitle;
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;

/// `/quen-mat-khau`: asks for a reset link by mail.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_texts();
    let a = &t.accounts;
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let session = session_view().await;
                let form = session.feedback.form_for("forgot_password");
                view! {
                    <div class="narrow">
                        <ErrorSummary form=form.clone()/>
                        <PageTitle title=a.forgot_title lead=a.forgot_lead/>
                        <form method="post" action=paths::FORGOT_PASSWORD novalidate>
                            <TextField name="email" label=a.email_label kind="email"
                                autocomplete="email" required=true feedback=form.clone()/>
                            <SubmitButton label=a.forgot_button/>
                        </form>
                    </div>
                }
            })}
        </Suspense>
    }
}
