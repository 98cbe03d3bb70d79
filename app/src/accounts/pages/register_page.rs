use super::ConsentField;
use crate::accounts::privacy::privacy_notice_version;
use crate::forms::{ErrorSummary, SubmitButton, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageError, PageTitle};
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;

/// `/dang-ky`: a citizen creates an account. The same rules check the form
/// on the server (the authority) as in [`crate::accounts::registration`].
#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_texts();
    let a = &t.accounts;
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let session = session_view().await;
                let form = session.feedback.form_for("register");
                let version = match privacy_notice_version().await {
                    Ok(version) => version,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                view! {
                    <div class="narrow">
                        <ErrorSummary form=form.clone()/>
                        <PageTitle title=a.register_title lead=a.register_lead/>
                        <form method="post" action=paths::REGISTER novalidate>
                            <TextField name="full_name" label=a.full_name_label hint=a.full_name_hint
                                autocomplete="name" required=true feedback=form.clone()/>
                            <TextField name="citizen_id" label=a.citizen_id_label hint=a.citizen_id_hint
                                inputmode="numeric" autocomplete="off" required=true feedback=form.clone()/>
                            <TextField name="date_of_birth" label=a.date_of_birth_label hint=a.date_of_birth_hint
                                autocomplete="bday" inputmode="numeric" required=true feedback=form.clone()/>
                            <TextField name="email" label=a.email_label hint=a.email_hint kind="email"
                                autocomplete="email" required=true feedback=form.clone()/>
                            <TextField name="phone" label=a.phone_label hint=a.phone_hint kind="tel"
                                autocomplete="tel" required=true feedback=form.clone()/>
                            <TextField name="password" label=a.new_password_label hint=a.password_hint kind="password"
                                autocomplete="new-password" required=true feedback=form.clone()/>
                            <TextField name="password_confirmation" label=a.password_confirm_label kind="password"
                                autocomplete="new-password" required=true feedback=form.clone()/>
                            <ConsentField version feedback=form.clone()/>
                            <SubmitButton label=a.register_button/>
                        </form>
                        <p>{a.have_account}" "<a href=paths::SIGN_IN>{a.nav_sign_in}</a></p>
                    </div>
                }.into_any()
            })}
        </Suspense>
    }
}
