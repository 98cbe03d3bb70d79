//! `/tai-khoan/xac-thuc-hai-buoc`: an official sets up their second
//! factor (an authenticator app: QR code or typed key, then a first code;
//! or passkeys), keeps the recovery codes shown once, checks the factor for
//! this session when their roles wait for it or before changing factors,
//! removes passkeys, and makes new recovery codes. Every form posts to
//! `server/src/accounts/second_factor/` (`setup.rs`, `passkeys/`).

use super::passkey_proof::{PasskeyProof, Then};
use crate::accounts::second_factor::page_data::{load_second_factor_page, SecondFactorView, Setup};
use crate::accounts::second_factor::passkeys::PasskeyEntry;
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
            let passkey_form = session.feedback.form_for("passkey");
            view! {
                <p class="breadcrumb"><a href=paths::ACCOUNT>{use_texts().accounts.account_title}</a></p>
                <ErrorSummary form=form.clone()/>
                <PageTitle title=s.title lead=s.lead/>
                {(!codes.is_empty()).then(|| view! { <RecoveryCodes codes=codes.clone()/> })}
                {if !view.official {
                    view! { <p>{s.officials_only}</p> }.into_any()
                } else {
                    let change_waits = step_up_due() && view.enrolled;
                    view! {
                        <Check view=view.clone() change_waits=change_waits feedback=form.clone()/>
                        {if view.app {
                            view! {
                                <section class="section" aria-labelledby="app-heading">
                                    <h2 id="app-heading">{s.app_heading}</h2>
                                    <p>{s.app_on}</p>
                                </section>
                            }.into_any()
                        } else if change_waits {
                            // Adding an app waits for the check above (and
                            // its code field would be this page's second).
                            ().into_any()
                        } else {
                            view! { <SettingUp setup=view.setup.clone() enrolled=view.enrolled feedback=form.clone()/> }.into_any()
                        }}
                        <Passkeys passkeys=view.passkeys.clone() change_waits=change_waits feedback=passkey_form/>
                        {view.enrolled.then(|| view! { <Recovery view=view.clone() feedback=form.clone()/> })}
                    }.into_any()
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

/// A check of the factor for this session: when the official's roles wait
/// for it, or before adding or removing a factor (`change_waits`).
#[component]
fn Check(view: SecondFactorView, change_waits: bool, feedback: FormFeedback) -> impl IntoView {
    let s = &use_texts().second_factor;
    let message = if view.pending == Some(PendingFactor::CheckFirst) {
        s.check_first
    } else if change_waits {
        s.check_before_changing
    } else {
        return None;
    };
    let passkey = (!view.passkeys.is_empty()).then(
        || view! { <PasskeyProof purpose="authenticate" label=s.use_passkey then=Then::Submit/> },
    );
    Some(view! {
        <div class="notice notice--warning" role="status"><p>{message}</p></div>
        <form method="post" action=paths::SECOND_FACTOR_CHECK novalidate>
            <TextField name="code" label=s.code_label hint=s.code_hint
                autocomplete="one-time-code" required=true feedback=feedback/>
            <SubmitButton label=s.confirm/>
            {passkey}
        </form>
    })
}

/// No app yet: a button that makes a secret, then the QR code, the key
/// and the first code's field. `enrolled`: a passkey is the factor so far.
#[component]
fn SettingUp(setup: Option<Setup>, enrolled: bool, feedback: FormFeedback) -> impl IntoView {
    let s = &use_texts().second_factor;
    let body = match setup {
        None => view! {
            {(!enrolled).then(|| view! { <div class="notice notice--warning" role="status"><p>{s.enrol_first}</p></div> })}
            <form method="post" action=paths::SECOND_FACTOR_BEGIN>
                <SubmitButton label=if enrolled { s.add_app } else { s.begin }/>
            </form>
        }
        .into_any(),
        Some(setup) => view! {
            <h3 id="scan-heading">{s.scan_step}</h3>
            <div class="qr-code" role="img" aria-label=s.qr_label inner_html=setup.qr_svg></div>
            <p>{s.typed_key}</p>
            <p><code class="typed-key">{setup.typed_key}</code></p>
            <h3 id="first-code-heading">{s.first_code_step}</h3>
            <form method="post" action=paths::SECOND_FACTOR_CONFIRM novalidate>
                <TextField name="code" label=s.code_label inputmode="numeric"
                    autocomplete="one-time-code" required=true feedback=feedback/>
                <SubmitButton label=s.finish_setup/>
            </form>
        }
        .into_any(),
    };
    view! {
        <section class="section" aria-labelledby="app-heading">
            <h2 id="app-heading">{s.app_heading}</h2>
            {body}
        </section>
    }
}

/// The passkeys, each with its remove button, and the form that adds one.
#[component]
fn Passkeys(
    passkeys: Vec<PasskeyEntry>,
    change_waits: bool,
    feedback: FormFeedback,
) -> impl IntoView {
    let s = &use_texts().second_factor;
    let when = |at: chrono::NaiveDateTime| at.format("%H:%M %d/%m/%Y").to_string();
    let list = if passkeys.is_empty() {
        view! { <p>{s.passkeys_none}</p> }.into_any()
    } else {
        view! {
            <ul class="session-list">
                {passkeys.into_iter().map(|passkey| {
                    let heading = format!("passkey-{}", passkey.id);
                    view! {
                        <li class="session-list__item">
                            <h3 class="session-list__device" id=heading.clone()>{passkey.name.clone()}</h3>
                            <dl class="summary-list">
                                <div><dt>{s.passkey_added_on}</dt><dd>{when(passkey.added)}</dd></div>
                                <div><dt>{s.passkey_last_used}</dt>
                                    <dd>{passkey.last_used.map(when).unwrap_or_else(|| s.passkey_never_used.to_string())}</dd></div>
                            </dl>
                            {(!change_waits).then(|| view! {
                                <form method="post" action=paths::passkey_remove(passkey.id)>
                                    <button type="submit" class="button button--secondary" aria-describedby=heading.clone()>{s.remove_passkey}</button>
                                </form>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let add = (!change_waits).then(|| {
        view! {
            <form method="post" action=paths::PASSKEY_ADD novalidate>
                <TextField name="name" label=s.passkey_name_label hint=s.passkey_name_hint
                    required=true feedback=feedback/>
                <PasskeyProof purpose="register" label=s.add_passkey then=Then::Submit/>
            </form>
        }
    });
    view! {
        <section class="section" aria-labelledby="passkeys-heading">
            <h2 id="passkeys-heading">{s.passkeys_heading}</h2>
            <p>{s.passkeys_lead}</p>
            {list}
            {add}
        </section>
    }
}

/// A factor is on: how many recovery codes are left, and new ones.
#[component]
fn Recovery(view: SecondFactorView, feedback: FormFeedback) -> impl IntoView {
    let s = &use_texts().second_factor;
    let renew = view.pending.is_none().then(|| {
        view! {
            <form method="post" action=paths::RECOVERY_CODES novalidate>
                <StepUpField feedback=feedback/>
                <p class="hint" id="new-codes-hint">{s.new_codes_hint}</p>
                <button type="submit" class="button button--secondary" aria-describedby="new-codes-hint">{s.new_codes}</button>
            </form>
        }
    });
    view! {
        <section class="section" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">{s.codes_title}</h2>
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
        let passkey = has_passkey().then(|| {
            view! { <PasskeyProof purpose="authenticate" label=s.use_passkey then=Then::Wait/> }
        });
        view! {
            <TextField name="second_factor_code" label=s.step_up_label hint=s.step_up_hint
                autocomplete="one-time-code" required=true feedback=feedback/>
            {passkey}
        }
    })
}

/// Whether the signed-in user has a passkey to offer instead of a code.
fn has_passkey() -> bool {
    #[cfg(feature = "ssr")]
    {
        crate::access::current_user().is_some_and(|user| user.second_factor.passkey)
    }
    #[cfg(not(feature = "ssr"))]
    false
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
