//! The password policy, after NIST SP 800-63B §5.1.1.2 and the OWASP
//! Authentication Cheat Sheet: length is what counts, so there are no
//! composition rules (no "one capital, one digit, one symbol"); a password
//! is refused only when it is too short or too long, is a known common
//! password, or contains the citizen's own identifiers.
//!
//! - 8 to 128 characters, counted as Unicode scalar values after NFC
//!   normalisation (so "ế" typed with or without combining marks counts once);
//!   any character is allowed, spaces included.
//! - Not in the list of common passwords (`common_passwords.txt`, see
//!   `common_passwords.md`), compared case-insensitively and ignoring
//!   surrounding whitespace.
//! - Not containing the part of the citizen's email address before the `@`
//!   (if it has at least 4 characters), nor their personal identification
//!   number (CCCD).
//!
//! The accepted password is kept NFC-normalised: hash exactly
//! [`Password::expose_secret`], and at sign-in pass the typed password through
//! [`normalize`] before verifying it (without applying this policy, which may
//! have changed since the password was set).

mod common_passwords;
#[cfg(test)]
mod tests;

use super::identity::{CitizenId, EmailAddress};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use unicode_normalization::UnicodeNormalization;

pub use common_passwords::is_common_password;
use common_passwords::{contains_line, COMMON_PASSWORDS};

/// Fewest characters in a password.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Most characters in a password (bounds the hashing work one request causes).
pub const MAX_PASSWORD_CHARS: usize = 128;
/// Shortest email local part that a password may not contain; shorter ones
/// ("an", "hoa") would refuse too many unrelated passwords.
pub const MIN_PERSONAL_FRAGMENT_CHARS: usize = 4;

/// A password that satisfies the policy, NFC-normalised.
///
/// Neither `Serialize` nor `Display`, and its `Debug` prints `Password(***)`,
/// so it cannot end up in a log, a response or a rendered page by accident.
#[derive(Clone)]
pub struct Password(String);

/// What the citizen has already told us, which their password may not contain.
#[derive(Clone, Copy, Debug, Default)]
pub struct PasswordContext<'a> {
    pub email: Option<&'a EmailAddress>,
    pub citizen_id: Option<&'a CitizenId>,
}

impl<'a> PasswordContext<'a> {
    pub fn new(email: Option<&'a EmailAddress>, citizen_id: Option<&'a CitizenId>) -> Self {
        PasswordContext { email, citizen_id }
    }
}

/// Which personal data a refused password contained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonalData {
    /// The part of the email address before the `@`.
    EmailName,
    /// The personal identification number (CCCD).
    CitizenId,
}

/// Why a password was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordError {
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    /// Nothing but spaces (or other whitespace): long enough, but the
    /// first thing a guesser tries after the empty password.
    OnlyWhitespace,
    TooCommon,
    ContainsPersonalData {
        data: PersonalData,
    },
}

/// The form in which passwords are checked, stored and hashed: Unicode NFC,
/// otherwise exactly as typed (whitespace is kept).
pub fn normalize(candidate: &str) -> String {
    candidate.nfc().collect()
}

impl Password {
    /// Applies the policy to a new password (registration, password change).
    pub fn parse(
        candidate: &str,
        context: &PasswordContext<'_>,
    ) -> Result<Password, PasswordError> {
        let password = normalize(candidate);
        let length = password.chars().count();
        if length < MIN_PASSWORD_CHARS {
            return Err(PasswordError::TooShort {
                min: MIN_PASSWORD_CHARS,
            });
        }
        if length > MAX_PASSWORD_CHARS {
            return Err(PasswordError::TooLong {
                max: MAX_PASSWORD_CHARS,
            });
        }
        if password.chars().all(char::is_whitespace) {
            return Err(PasswordError::OnlyWhitespace);
        }
        let lower = password.to_lowercase();
        if contains_line(COMMON_PASSWORDS, lower.trim()) {
            return Err(PasswordError::TooCommon);
        }
        if let Some(data) = personal_data_in(&lower, context) {
            return Err(PasswordError::ContainsPersonalData { data });
        }
        Ok(Password(password))
    }

    /// The password itself, for hashing. Never log or display it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// The personal data that the lower-cased password contains, if any.
fn personal_data_in(lower: &str, context: &PasswordContext<'_>) -> Option<PersonalData> {
    if let Some(email) = context.email {
        let local = email.local_part().to_lowercase();
        if local.chars().count() >= MIN_PERSONAL_FRAGMENT_CHARS && lower.contains(&local) {
            return Some(PersonalData::EmailName);
        }
        // "nguyen.van.an" also inside "Nguyen-Van-An-1990".
        let local_compact = alphanumeric_only(&local);
        if local_compact.chars().count() >= MIN_PERSONAL_FRAGMENT_CHARS
            && alphanumeric_only(lower).contains(&local_compact)
        {
            return Some(PersonalData::EmailName);
        }
    }
    if let Some(citizen_id) = context.citizen_id {
        // Also "001 099 012 345" or "001-099-012345" inside the password.
        let digits: String = lower.chars().filter(char::is_ascii_digit).collect();
        if digits.contains(citizen_id.as_str()) {
            return Some(PersonalData::CitizenId);
        }
    }
    None
}

fn alphanumeric_only(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl PasswordError {
    /// The sentence shown to the citizen, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PasswordError::TooShort { min }, Lang::Vi) => {
                format!("Mật khẩu phải có ít nhất {min} ký tự.")
            }
            (PasswordError::TooShort { min }, Lang::En) => {
                format!("The password must have at least {min} characters.")
            }
            (PasswordError::TooLong { max }, Lang::Vi) => {
                format!("Mật khẩu không được dài quá {max} ký tự.")
            }
            (PasswordError::TooLong { max }, Lang::En) => {
                format!("The password must not be longer than {max} characters.")
            }
            (PasswordError::OnlyWhitespace, Lang::Vi) => {
                "Mật khẩu không thể chỉ gồm dấu cách. Vui lòng chọn mật khẩu có chữ, ví dụ một câu dài mà bạn dễ nhớ.".into()
            }
            (PasswordError::OnlyWhitespace, Lang::En) => {
                "A password cannot be only spaces. Please choose one with words in it, for example a long phrase you can remember.".into()
            }
            (PasswordError::TooCommon, Lang::Vi) => {
                "Mật khẩu này nằm trong danh sách mật khẩu phổ biến nên rất dễ bị đoán. Vui lòng chọn mật khẩu khác, ví dụ một câu dài mà bạn dễ nhớ.".into()
            }
            (PasswordError::TooCommon, Lang::En) => {
                "This password is on a list of commonly used passwords, so it is easy to guess. Please choose another one, for example a long phrase you can remember.".into()
            }
            (
                PasswordError::ContainsPersonalData {
                    data: PersonalData::EmailName,
                },
                Lang::Vi,
            ) => "Mật khẩu không được chứa phần tên trong địa chỉ email của bạn (phần trước ký tự @).".into(),
            (
                PasswordError::ContainsPersonalData {
                    data: PersonalData::EmailName,
                },
                Lang::En,
            ) => "The password must not contain the name in your email address (the part before the @).".into(),
            (
                PasswordError::ContainsPersonalData {
                    data: PersonalData::CitizenId,
                },
                Lang::Vi,
            ) => "Mật khẩu không được chứa số định danh cá nhân (số CCCD) của bạn.".into(),
            (
                PasswordError::ContainsPersonalData {
                    data: PersonalData::CitizenId,
                },
                Lang::En,
            ) => "The password must not contain your personal identification number (CCCD).".into(),
        }
    }
}

impl fmt::Display for PasswordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
