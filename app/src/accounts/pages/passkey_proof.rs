//! The passkey part of a form that asks for the second factor, or adds a
//! passkey: two hidden fields for the browser's answer, and a button that
//! `public/passkeys.js` shows and drives (it fetches a challenge, asks the
//! browser's WebAuthn interface, fills the fields). Without JavaScript the
//! button stays hidden and a note says passkeys need it; the form's code
//! field still works.

use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// What the button does once the browser has answered.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Sends the form (signing in, a check, adding a passkey).
    Submit,
    /// Leaves the form for its own button (a sensitive action, whose form
    /// may have several).
    Wait,
}

/// `purpose`: `register` (a new passkey) or `authenticate`.
#[component]
pub fn PasskeyProof(purpose: &'static str, label: &'static str, then: Then) -> impl IntoView {
    let s = &use_texts().second_factor;
    let then = match then {
        Then::Submit => "submit",
        Then::Wait => "wait",
    };
    view! {
        <input type="hidden" name="passkey_challenge" value=""/>
        <input type="hidden" name="passkey_answer" value=""/>
        <div class="passkey">
            <button type="button" class="button button--secondary" hidden
                data-passkey=purpose data-passkey-then=then data-passkey-options=paths::PASSKEY_CHALLENGE
                data-cancelled=s.passkey_cancelled data-failed=s.passkey_failed data-ready=s.passkey_ready>
                {label}
            </button>
            <p class="passkey__status" role="status" aria-live="polite"></p>
            <noscript><p class="hint">{s.passkey_needs_script}</p></noscript>
        </div>
        <script src="/passkeys.js" defer></script>
    }
}
