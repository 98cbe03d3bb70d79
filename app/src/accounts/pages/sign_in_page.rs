use super::query_value;
use crate::forms::{CheckboxField, ErrorSummary, HiddenField, SubmitButton, TextField};
use crate::i18n::use_texts;
use crate::layout::PageTitle;
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;

/// `/dang-nhap`: citizens and officials sign in with email or CCCD.
#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_texts();
    let a = &t.accounts;
    let next = query_value("tiep");
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {
                let next = next.clone();
                move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        let session = session_view().await;
                        let form = session.feedback.form_for("sign_in");
                        let next = if form.values.contains_key("tiep") { form.value("tiep") } else { next };
                        let asked_to_sign_in = !next.is_empty() && session.feedback.notice.is_none() && !form.has_errors();
                        view! {
                            <div class="narrow">
                                {asked_to_sign_in.then(|| view! {
                                    <div class="notice notice--info" role="status"><p>{a.sign_in_to_continue}</p></div>
                                })}
                                <ErrorSummary form=form.clone()/>
                                <PageTitle title=a.sign_in_title lead=a.sign_in_lead/>
                                <form method="post" action=paths::SIGN_IN novalidate>
                                    <HiddenField name="tiep" value=next/>
                                    <TextField name="identifier" label=a.identifier_label hint=a.identifier_hint
                                        autocomplete="username" required=true feedback=form.clone()/>
                                    <TextField name="password" label=a.password_label kind="password"
                                        autocomplete="current-password" required=true feedback=form.clone()/>
                                    <CheckboxField name="remember" label=a.remember_me.to_string()
                                        checked=form.value("remember") == "on"/>
                                    <SubmitButton label=a.sign_in_button/>
                                </form>
                                <p><a href=paths::FORGOT_PASSWORD>{a.forgot_password_link}</a></p>
                                <p>{a.no_account}" "<a href=paths::REGISTER>{a.register_link}</a></p>
                            </div>
                        }
                    })
                }
            }
        </Suspense>
    }
}
