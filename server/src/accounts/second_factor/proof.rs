//! What a person offers as their second factor in a form: a typed code
//! (from the app, or a recovery code), or a passkey's signed answer to a
//! challenge the portal sent (two hidden fields `public/passkeys.js` fills).

use crate::forms::Posted;

/// The hidden fields a passkey's answer comes in.
pub const PASSKEY_CHALLENGE: &str = "passkey_challenge";
pub const PASSKEY_ANSWER: &str = "passkey_answer";

pub enum Proof {
    Code(String),
    Passkey { challenge: i64, answer: String },
}

impl Proof {
    /// A passkey's answer when the form carries one, else the code typed in
    /// `code_field`.
    pub fn from_form(form: &Posted, code_field: &str) -> Proof {
        let answer = form.get(PASSKEY_ANSWER);
        if answer.trim().is_empty() {
            Proof::Code(form.get(code_field))
        } else {
            Proof::Passkey {
                // An unreadable id names no challenge: the answer is refused.
                challenge: form.get(PASSKEY_CHALLENGE).trim().parse().unwrap_or(0),
                answer,
            }
        }
    }

    /// Nothing was offered at all.
    pub fn is_blank(&self) -> bool {
        matches!(self, Proof::Code(typed) if typed.trim().is_empty())
    }
}
