//! Limits on guessing secrets (passwords, tracking PINs, second factors) and
//! on requests that cost the portal work (registrations, reset mails), with
//! state in PostgreSQL so every instance counts the same attempts.
//!
//! Every attempt is *reserved* before the secret is checked: under an
//! advisory lock per subject and per address, the attempts of the last hour
//! are counted and a row is written only if the attempt may go ahead. A right
//! guess then deletes its row (and this address's earlier failures on the
//! subject); a wrong one keeps it as a failure. A request that dies between
//! the two counts as a failure. So eighty parallel guesses get exactly as many
//! evaluations as the limit allows, not as many as reach the check at once.
//!
//! The numbers (see [`Kind::limits`]), all over a one-hour window:
//!
//! - Passwords, per account *and address*: 5 free failures, then each further
//!   attempt waits 30 s, 60 s, 120 s … after the last one, at most 15 minutes.
//!   This is the limit a guesser meets; it leaves the owner, elsewhere, alone.
//! - Passwords, per account from anywhere: 20 free failures, then one attempt
//!   a minute at most (30 s, then 60 s). Spread over many addresses a guesser
//!   gets 20 + 60 guesses an hour, far too few for any password the rules
//!   accept, while the owner is slowed by a minute, never locked out; and a
//!   password reset lifts this limit at once.
//! - Passwords, per address over all accounts: 30 free failures, then doubling
//!   waits up to an hour: one address trying many accounts is stopped.
//! - Second factor (TOTP, six digits): as passwords, but 10 free failures per
//!   account from anywhere, doubling to 15 minutes: a million codes cannot be
//!   walked through even by a guesser who knows the password.
//! - Tracking PINs (six digits) per dossier from anywhere: 5 free failures,
//!   doubling to 15 minutes; per address 30, doubling to an hour. The owner can
//!   always sign in to follow the dossier, so the strict limit costs little.
//! - Registrations and reset requests per address: 10 an hour, then doubling
//!   from a minute to an hour (each mails someone and hashes a password).
//!
//! Accounts are keyed by their id, not by the identifier typed, so an email and
//! a CCCD share one limit; an identifier that names no account gets a key of
//! its own, so the answer and its timing are the same as for a real account.

mod rules;
mod store;

pub use rules::{wait_secs, Limits, Rule, OPEN311_REPORTS};
pub use store::{lift, prune, reserve, Refused, Reservation};

use sha2::{Digest, Sha256};

/// What an attempt is at; each kind has its own limits and counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Signing in, or confirming the current password before a change.
    Password,
    /// The one-time code of a second factor (TOTP), after the password.
    SecondFactor,
    /// The six-digit PIN of the public dossier lookup (slip 01).
    TrackingPin,
    /// A registration form that passed validation.
    Registration,
    /// A request for a password reset mail.
    ResetRequest,
    /// A question sent to an agency: an official must answer it.
    AgencyQuestion,
    /// A question to the assistant.
    AssistantQuestion,
    /// A field report: the operations centre must read each one.
    FieldReport,
    /// A field report another system files through Open311 (per key owner).
    Open311Report,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Password => "password",
            Kind::SecondFactor => "second_factor",
            Kind::TrackingPin => "tracking_pin",
            Kind::Registration => "registration",
            Kind::ResetRequest => "reset_request",
            Kind::AgencyQuestion => "agency_question",
            Kind::AssistantQuestion => "assistant_question",
            Kind::FieldReport => "field_report",
            Kind::Open311Report => "open311_report",
        }
    }
}

/// Whose secret is being guessed.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'a> {
    /// An existing account (users.id).
    Account(i64),
    /// An identifier that names no account, as typed.
    UnknownIdentifier(&'a str),
    /// A dossier, by its code.
    Dossier(&'a str),
    /// Nobody in particular: only the address is limited.
    Anyone,
}

impl Subject<'_> {
    /// What is stored for the subject: a hash, so the table never holds an
    /// email or a CCCD.
    pub fn key(&self) -> Vec<u8> {
        let text = match self {
            Subject::Account(id) => format!("account:{id}"),
            Subject::UnknownIdentifier(identifier) => {
                format!("identifier:{}", normalised(identifier))
            }
            Subject::Dossier(code) => format!("dossier:{}", code.trim()),
            Subject::Anyone => "anyone".to_string(),
        };
        Sha256::digest(text.as_bytes()).to_vec()
    }
}

/// Emails ignore case, CCCDs spaces: the ways one identifier can be typed.
fn normalised(identifier: &str) -> String {
    identifier
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_identifier_ignores_case_and_spaces_and_is_hidden() {
        let key = |typed| Subject::UnknownIdentifier(typed).key();
        assert_eq!(key(" An@Example.VN "), key("an@example.vn"));
        assert_eq!(key("001 099 012 345"), key("001099012345"));
        assert_eq!(key("an@example.vn").len(), 32);
    }

    #[test]
    fn subjects_of_different_sorts_never_share_a_key() {
        assert_ne!(
            Subject::Account(1).key(),
            Subject::UnknownIdentifier("1").key()
        );
        assert_ne!(Subject::Account(1).key(), Subject::Dossier("1").key());
        assert_ne!(Subject::Account(1).key(), Subject::Account(2).key());
    }
}
