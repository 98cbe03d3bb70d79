//! `/quyen-rieng-tu`: the privacy notice in force, its purposes with their
//! legal basis, and for a signed-in citizen whether they agreed to it, or
//! the form that agrees (a plain post; it returns where it was asked from).

use super::query_value;
use crate::accounts::privacy::{load_privacy_notice, Basis, NoticeView, PrivacyNotice};
use crate::forms::{ErrorSummary, FormFeedback};
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The consent form's name, for its refusal.
pub const CONSENT_FORM: &str = "privacy_consent";

#[component]
pub fn PrivacyNoticePage() -> impl IntoView {
    let t = &use_texts().privacy;
    let next = query_value("tiep");
    let data = Resource::new(|| (), |_| load_privacy_notice());
    view! {
        <PageLoader resource=data title=t.nav render={move |view: NoticeView, session| {
            let lang = use_lang();
            let feedback = session.feedback.form_for(CONSENT_FORM);
            let notice = view.notice.clone();
            view! {
                <div class="narrow">
                    <ErrorSummary form=feedback.clone()/>
                    <PageTitle title=t.nav/>
                    <p class="hint">{(t.version)(notice.version, &notice.published)}</p>
                    {notice.paragraphs(lang).into_iter().map(|paragraph| view! { <p>{paragraph}</p> }).collect_view()}
                    <Purposes notice=notice.clone()/>
                    {match (view.signed_in_citizen, view.consented_at.clone()) {
                        (true, Some(at)) => view! { <p class="notice notice--success">{(t.consented_on)(&at, notice.version)}</p> }.into_any(),
                        (true, None) => view! { <ConsentForm version=notice.version next=next.clone() feedback/> }.into_any(),
                        (false, _) => ().into_any(),
                    }}
                </div>
            }
        }}/>
    }
}

/// The purposes, each with what it rests on.
#[component]
fn Purposes(notice: PrivacyNotice) -> impl IntoView {
    let t = &use_texts().privacy;
    let lang = use_lang();
    view! {
        <h2 id="privacy-purposes">{t.purposes_heading}</h2>
        <table class="table" aria-labelledby="privacy-purposes">
            <thead><tr><th scope="col">{t.purpose}</th><th scope="col">{t.basis}</th></tr></thead>
            <tbody>
                {notice.purposes.into_iter().map(|purpose| {
                    let basis = match purpose.basis {
                        Basis::Consent => t.basis_consent,
                        Basis::Law => t.basis_law,
                    };
                    view! {
                        <tr>
                            <td><strong>{purpose.name(lang).to_string()}</strong><br/>{purpose.detail(lang).to_string()}</td>
                            <td>{basis}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The consent checkbox on its own form, returning to `next`.
#[component]
pub fn ConsentForm(version: i32, next: String, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().privacy;
    view! {
        <form method="post" action=paths::PRIVACY_CONSENT class="consent-form">
            <input type="hidden" name="tiep" value=next/>
            <ConsentField version feedback/>
            <button type="submit" class="button">{t.consent_button}</button>
        </form>
    }
}

/// The short notice, the link to the whole notice, and the box that agrees
/// to it (`privacy_consent`), with its error: registration and the consent
/// form share it.
#[component]
pub fn ConsentField(version: i32, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().privacy;
    let id = crate::forms::field_id(&feedback.form, "privacy_consent");
    let error = feedback.message_for("privacy_consent");
    let checked = feedback.value("privacy_consent") == "on";
    let class = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    view! {
        <div class=class>
            <p>{t.short_notice}" "<a href=paths::PRIVACY_NOTICE>{t.read_notice}</a></p>
            {error.map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })}
            <div class="checkbox">
                <input class="checkbox__input" type="checkbox" id=id.clone() name="privacy_consent" value="on"
                    checked=checked aria-describedby=described/>
                <label class="checkbox__label" for=id>{(t.consent_label)(version)}</label>
                <p class="hint checkbox__hint" id=hint_id>{t.consent_hint}</p>
            </div>
        </div>
    }
}
