//! `/tai-khoan/xac-thuc-hai-buoc`: an official sets up their authenticator
//! app (QR code, or the key typed), confirms it with a first code, keeps
//! the recovery codes shown once, checks a code for this session when
//! their roles wait for it, and makes new recovery codes. Every form posts
//! to `server/src/accounts/second_factor/setup.rs`.

use crate::accounts::second_factor::page_data::{load_second_factor_page, SecondFactorView, Setup};
use crate::accounts::second_factor::PendingFactor;
use crate::forms::{ErrorSummary, FormFeedback, SubmitButton, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let s = &use_texts().second_factor;
    let data = Resource::new(|| (), |_| load_second_factor_page());
    view! {
        <PageLoader resource=data title=s.title render={move |view: SecondFactorView, session| {
            let form = session.feedback.form.clone().unwrap_or_default();
            let codes = session.feedback.form_for("recovery_codes").value("codes");
            view! {
                <p class="breadcrumb"><a href=paths::ACCOUNT>{use_texts().accounts.account_title}</a></p>
                <ErrorSummary form=form.clone()/>
                <PageTitle title=s.title lead=s.lead/>
                {(!codes.is_empty()).then(|| view! { <RecoveryCodes codes=codes.clone()/> })}
                {if !view.official {
                    view! { <p>{s.officials_only}</p> }.into_any()
                } else if view.enrolled {
                    view! { <Enrolled view=view.clone() feedback=form.clone()/> }.into_any()
                } else {
                    view! { <SettingUp setup=view.setup.clone() feedback=form.clone()/> }.into_any()
                }}
            }
        }}/>
    }
}

/// The ten codes, once, right after they were made.
#[component]
fn RecoveryCodes(codes: String) -> impl IntoView {
    let s = &use_texts().second_factor;
    view! {
        <section class="section recovery-codes" aria-labelledby="recovery-codes-heading">
            <h2 id="recovery-codes-heading">{s.codes_title}</h2>
            <p>{s.codes_lead}</p>
            <ol class="recovery-codes__list">
                {codes.split_whitespace().map(|code| view! { <li><code>{code.to_string()}</code></li> }).collect_view()}
            </ol>
        </section>
    }
}

/// No app yet: a button that makes a secret, then the QR code, the key
/// and the first code's field.
#[component]
fn SettingUp(setup: Option<Setup>, feedback: FormFeedback) -> impl IntoView {
    let s = &use_texts().second_factor;
    match setup {
        None => view! {
            <div class="notice notice--warning" role="status"><p>{s.enrol_first}</p></div>
            <form method="post" action=paths::SECOND_FACTOR_BEGIN>
                <SubmitButton label=s.begin/>
            </form>
        }
        .into_any(),
        Some(setup) => view! {
            <section class="section" aria-labelledby="scan-heading">
                <h2 id="scan-heading">{s.scan_step}</h2>
                <div class="qr-code" role="img" aria-label=s.qr_label inner_html=setup.qr_svg></div>
                <p>{s.typed_key}</p>
                <p><code class="typed-key">{setup.typed_key}</code></p>
            </section>
            <section class="section" aria-labelledby="first-code-heading">
                <h2 id="first-code-heading">{s.first_code_step}</h2>
                <form method="post" action=paths::SECOND_FACTOR_CONFIRM novalidate>
                    <TextField name="code" label=s.code_label inputmode="numeric"
                        autocomplete="one-time-code" required=true feedback=feedback/>
                    <SubmitButton label=s.finish_setup/>
                </form>
            </section>
        }
        .into_any(),
    }
}

/// An app is set up: check a code for this session if the roles wait for
/// it; new recovery codes.
#[component]
fn Enrolled(view: SecondFactorView, feedback: FormFeedback) -> impl IntoView {
    let s = &use_texts().second_factor;
    let check = (view.pending == Some(PendingFactor::CheckFirst)).then(|| {
        let feedback = feedback.clone();
        view! {
            <div class="notice notice--warning" role="status"><p>{s.check_first}</p></div>
            <form method="post" action=paths::SECOND_FACTOR_CHECK novalidate>
                <TextField name="code" label=s.code_label hint=s.code_hint
                    autocomplete="one-time-code" required=true feedback=feedback/>
                <SubmitButton label=s.confirm/>
            </form>
        }
    });
    let renew = view.pending.is_none().then(|| {
        let feedback = feedback.clone();
        view! {
            <form method="post" action=paths::RECOVERY_CODES novalidate>
                <StepUpField feedback=feedback/>
                <p class="hint" id="new-codes-hint">{s.new_codes_hint}</p>
                <button type="submit" class="button button--secondary" aria-describedby="new-codes-hint">{s.new_codes}</button>
            </form>
        }
    });
    view! {
        {check}
        <section class="section">
            <p>{s.enrolled}</p>
            <p>{(s.recovery_left)(view.recovery_codes_left)}</p>
            {renew}
            <p class="hint">{s.lost_phone}</p>
        </section>
    }
}

/// The code a sensitive action asks for when this session's last check of
/// the second factor is older than 15 minutes (`STEP_UP_AFTER_SECS`); the
/// handler checks it. Nothing when the last check is recent.
#[component]
pub fn StepUpField(feedback: FormFeedback) -> impl IntoView {
    let s = &use_texts().second_factor;
    let due = step_up_due() || feedback.message_for("second_factor_code").is_some();
    due.then(|| {
        view! {
            <TextField name="second_factor_code" label=s.step_up_label hint=s.step_up_hint
                autocomplete="one-time-code" required=true feedback=feedback/>
        }
    })
}

/// Whether the signed-in user's last check is too old, by the portal's
/// clock (pages with this field are rendered on the server only).
fn step_up_due() -> bool {
    #[cfg(feature = "ssr")]
    {
        let Some(user) = crate::access::current_user() else {
            return false;
        };
        let now = crate::clock::current()
            .map(|clock| clock.now().timestamp())
            .unwrap_or(i64::MAX);
        user.second_factor.needs_step_up(now)
    }
    #[cfg(not(feature = "ssr"))]
    false
}
