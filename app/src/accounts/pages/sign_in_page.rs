use super::query_value;
use crate::accounts::national_identity::{sign_in_providers, ProviderChoice};
use crate::forms::{CheckboxField, ErrorSummary, HiddenField, SubmitButton, TextField};
use crate::i18n::{use_lang, use_texts};
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
                        let providers = sign_in_providers().await.unwrap_or_default();
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
                                    <HiddenField name="tiep" value=next.clone()/>
                                    <TextField name="identifier" label=a.identifier_label hint=a.identifier_hint
                                        autocomplete="username" required=true feedback=form.clone()/>
                                    <TextField name="password" label=a.password_label kind="password"
                                        autocomplete="current-password" required=true feedback=form.clone()/>
                                    <CheckboxField name="remember" label=a.remember_me.to_string()
                                        checked=form.value("remember") == "on"/>
                                    <SubmitButton label=a.sign_in_button/>
                                </form>
                                <IdentityProviderButtons providers next=next.clone()/>
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

/// "Đăng nhập bằng VNeID": one link per provider in use, which sends the
/// browser to the provider (and back where it was going). A link, not a
/// form: the page's `form-action` policy would stop a form's redirect to
/// another origin.
#[component]
fn IdentityProviderButtons(providers: Vec<ProviderChoice>, next: String) -> impl IntoView {
    let t = &use_texts().national_identity;
    let lang = use_lang();
    (!providers.is_empty()).then(|| {
        view! {
            <section class="section identity-sign-in" aria-labelledby="identity-sign-in-heading">
                <h2 class="identity-sign-in__or" id="identity-sign-in-heading">{t.or_heading}</h2>
                <p class="hint" id="identity-sign-in-hint">{t.sign_in_hint}</p>
                {providers.into_iter().map(|provider| {
                    let label = (t.sign_in_with)(provider.name(lang));
                    let mut href = paths::identity_sign_in(&provider.slug);
                    if !next.is_empty() {
                        href = format!("{href}?{}", form_urlencoded::Serializer::new(String::new()).append_pair("tiep", &next).finish());
                    }
                    view! {
                        <p><a class="button button--secondary" href=href aria-describedby="identity-sign-in-hint">{label}</a></p>
                    }
                }).collect_view()}
            </section>
        }
    })
}
