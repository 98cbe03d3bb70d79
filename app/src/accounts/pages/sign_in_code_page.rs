use super::passkey_proof::{PasskeyProof, Then};
use crate::forms::{ErrorSummary, SubmitButton, TextField};
use crate::i18n::use_texts;
use crate::layout::PageTitle;
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;

/// `/dang-nhap/xac-thuc`: the sign-in's second step for an account with a
/// second factor. The password step left who is signing in in the session
/// (`server/src/accounts/second_factor/sign_in_code.rs`); nobody is signed
/// in until this form's code passes.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let t = use_texts();
    let s = &t.second_factor;
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let session = session_view().await;
                let form = session.feedback.form_for("sign_in_code");
                view! {
                    <div class="narrow">
                        <ErrorSummary form=form.clone()/>
                        <PageTitle title=s.code_title lead=s.code_lead/>
                        <form method="post" action=paths::SIGN_IN_CODE novalidate>
                            <TextField name="code" label=s.code_label hint=s.code_hint
                                autocomplete="one-time-code" required=true feedback=form.clone()/>
                            <SubmitButton label=s.confirm/>
                        </form>
                        <form method="post" action=paths::SIGN_IN_CODE class="passkey-sign-in">
                            <p>{s.passkey_or}</p>
                            <PasskeyProof purpose="authenticate" label=s.use_passkey then=Then::Submit/>
                        </form>
                        <p><a href=paths::SIGN_IN>{s.start_over}</a></p>
                        <p class="hint">{s.lost_phone}</p>
                    </div>
                }
            })}
        </Suspense>
    }
}
