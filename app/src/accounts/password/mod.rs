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

use super::identity::{CitizenId, EmailAddress};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// Fewest characters in a password.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Most characters in a password (bounds the hashing work one request causes).
pub const MAX_PASSWORD_CHARS: usize = 128;
/// Shortest email local part that a password may not contain; shorter ones
/// ("an", "hoa") would refuse too many unrelated passwords.
pub const MIN_PERSONAL_FRAGMENT_CHARS: usize = 4;

/// Common passwords: one a line, lower-case, NFC, deduplicated, sorted by
/// byte. Searched in place by [`is_common_password`].
static COMMON_PASSWORDS: &str = include_str!("../common_passwords.txt");

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
    TooShort { min: usize },
    TooLong { max: usize },
    TooCommon,
    ContainsPersonalData { data: PersonalData },
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

/// Whether `candidate` is in the list of common passwords (case-insensitive,
/// surrounding whitespace ignored). Useful for a strength hint as the citizen
/// types; [`Password::parse`] applies it.
pub fn is_common_password(candidate: &str) -> bool {
    contains_line(COMMON_PASSWORDS, normalize(candidate).to_lowercase().trim())
}

/// Binary search for the line `needle` in `list`, a text of lines sorted by
/// byte, without splitting it: each step takes the line around the middle
/// byte of the remaining range. `lo` and `hi` are always at line starts (or
/// the end). A `\r` before a line end is ignored, in case of a CRLF checkout.
fn contains_line(list: &str, needle: &str) -> bool {
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = bytes[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |i| start + i);
        let line = &list[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        match line.cmp(needle) {
            Ordering::Equal => return true,
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(candidate: &str) -> Result<Password, PasswordError> {
        Password::parse(candidate, &PasswordContext::default())
    }

    // ----- the list ---------------------------------------------------------

    #[test]
    fn the_list_is_large_sorted_unique_lower_case_and_nfc() {
        let lines: Vec<&str> = COMMON_PASSWORDS.lines().collect();
        assert!(lines.len() >= 10_000, "{} entries", lines.len());
        assert!(COMMON_PASSWORDS.ends_with('\n'));
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "not strictly sorted");
        for line in &lines {
            assert!(!line.is_empty());
            assert_eq!(*line, line.trim(), "{line:?}");
            assert_eq!(*line, line.to_lowercase(), "{line:?}");
            assert_eq!(*line, normalize(line), "{line:?}");
        }
    }

    #[test]
    fn every_listed_password_is_found() {
        for line in COMMON_PASSWORDS.lines() {
            assert!(contains_line(COMMON_PASSWORDS, line), "{line:?}");
        }
    }

    #[test]
    fn unlisted_neighbours_are_not_found() {
        // Just before and just after each of a sample of entries.
        for line in COMMON_PASSWORDS.lines().step_by(97) {
            let after = format!("{line}\u{1}");
            assert!(!contains_line(COMMON_PASSWORDS, &after), "{after:?}");
            let before = &line[..line.len() - line.chars().last().unwrap().len_utf8()];
            if !before.is_empty() && !COMMON_PASSWORDS.lines().any(|l| l == before) {
                assert!(!contains_line(COMMON_PASSWORDS, before), "{before:?}");
            }
        }
        assert!(!contains_line(COMMON_PASSWORDS, ""));
        assert!(!contains_line(COMMON_PASSWORDS, "\u{0}"));
        assert!(!contains_line(COMMON_PASSWORDS, "\u{10FFFF}"));
        assert!(!contains_line(COMMON_PASSWORDS, "ngựa phi đường xa 2024"));
    }

    #[test]
    fn binary_search_on_small_lists() {
        assert!(!contains_line("", "a"));
        assert!(contains_line("a\n", "a"));
        assert!(contains_line("a", "a"));
        assert!(!contains_line("a\n", "b"));
        let list = "apple\nbanana\ncherry\ndate\nfig\n";
        for word in ["apple", "banana", "cherry", "date", "fig"] {
            assert!(contains_line(list, word), "{word}");
        }
        for word in ["", "aardvark", "appl", "apples", "coconut", "zebra"] {
            assert!(!contains_line(list, word), "{word}");
        }
        let crlf = "apple\r\nbanana\r\ncherry\r\n";
        assert!(contains_line(crlf, "banana"));
        assert!(contains_line(crlf, "cherry"));
        assert!(!contains_line(crlf, "banan"));
    }

    #[test]
    fn common_passwords_are_refused_case_insensitively() {
        for candidate in [
            "password",
            "PASSWORD",
            "Password1",
            "password1",
            "12345678",
            "123456789",
            "iloveyou",
            "qwerty123",
            "  password  ",
        ] {
            assert_eq!(
                parse(candidate).unwrap_err(),
                PasswordError::TooCommon,
                "{candidate}"
            );
            assert!(is_common_password(candidate), "{candidate}");
        }
        // Not in this (English-language) list; see common_passwords.md.
        if is_common_password("matkhau123") {
            assert_eq!(parse("matkhau123").unwrap_err(), PasswordError::TooCommon);
        }
        assert!(!is_common_password("ngựa phi đường xa"));
    }

    // ----- length -----------------------------------------------------------

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(parse("").unwrap_err(), PasswordError::TooShort { min: 8 });
        assert_eq!(
            parse("Xk9#vQ2").unwrap_err(),
            PasswordError::TooShort { min: 8 }
        );
        assert!(parse("Xk9#vQ2z").is_ok());
        assert!(parse("xk9#vq2zt").is_ok(), "no composition rules");
    }

    #[test]
    fn length_is_counted_in_characters_after_nfc() {
        // 7 letters, each "ế" typed as e + combining circumflex + acute.
        let decomposed = "e\u{302}\u{301}".repeat(7);
        assert_eq!(decomposed.chars().count(), 21);
        assert_eq!(
            parse(&decomposed).unwrap_err(),
            PasswordError::TooShort { min: 8 }
        );
        let eight = "e\u{302}\u{301}".repeat(8);
        assert_eq!(parse(&eight).unwrap().expose_secret(), "ế".repeat(8));
        // 8 Vietnamese letters are 8 characters although 24 bytes.
        assert!(parse("đườngđời").is_ok());
    }

    #[test]
    fn long_passwords_are_refused() {
        let max = "correct horse battery staple ".repeat(5)[..128].to_string();
        assert_eq!(max.chars().count(), 128);
        assert!(parse(&max).is_ok());
        let too_long = format!("{max}!");
        assert_eq!(
            parse(&too_long).unwrap_err(),
            PasswordError::TooLong { max: 128 }
        );
    }

    #[test]
    fn spaces_and_symbols_are_kept() {
        let password = parse("  ngựa phi đường xa  ").unwrap();
        assert_eq!(password.expose_secret(), "  ngựa phi đường xa  ");
    }

    // ----- personal data ----------------------------------------------------

    #[test]
    fn the_email_name_is_refused() {
        let email = EmailAddress::parse("Nguyen.Van.An@gmail.com").unwrap();
        let context = PasswordContext::new(Some(&email), None);
        let refused = PasswordError::ContainsPersonalData {
            data: PersonalData::EmailName,
        };
        for candidate in [
            "nguyen.van.an",
            "NGUYEN.VAN.AN!!",
            "xx nguyen.van.an 1990",
            "NguyenVanAn1990",
            "nguyen-van-an-1990",
        ] {
            assert_eq!(
                Password::parse(candidate, &context).unwrap_err(),
                refused,
                "{candidate}"
            );
        }
        assert!(Password::parse("nguyen van binh 1990", &context).is_ok());
        // The domain is not personal.
        assert!(Password::parse("mygmail.com-is-fine", &context).is_ok());
    }

    #[test]
    fn short_email_names_are_not_checked() {
        let email = EmailAddress::parse("an@gmail.com").unwrap();
        let context = PasswordContext::new(Some(&email), None);
        assert!(Password::parse("banana split sunday", &context).is_ok());
        let email = EmailAddress::parse("hoan@gmail.com").unwrap();
        let context = PasswordContext::new(Some(&email), None);
        assert!(Password::parse("chuyen di hoan kiem", &context).is_err());
    }

    #[test]
    fn the_citizen_id_is_refused() {
        let id = CitizenId::parse("001099012345").unwrap();
        let context = PasswordContext::new(None, Some(&id));
        let refused = PasswordError::ContainsPersonalData {
            data: PersonalData::CitizenId,
        };
        for candidate in [
            "001099012345",
            "cccd001099012345!",
            "001 099 012 345",
            "001-099-012345x",
        ] {
            assert_eq!(
                Password::parse(candidate, &context).unwrap_err(),
                refused,
                "{candidate}"
            );
        }
        assert!(Password::parse("00109901234 mèo", &context).is_ok());
        // Without a context nothing personal is checked.
        assert!(parse("cccd001099012345!").is_ok());
    }

    #[test]
    fn checks_run_in_order() {
        let id = CitizenId::parse("001099012345").unwrap();
        let context = PasswordContext::new(None, Some(&id));
        // Too short wins over everything; common wins over personal data.
        assert_eq!(
            Password::parse("0010", &context).unwrap_err(),
            PasswordError::TooShort { min: 8 }
        );
        let email = EmailAddress::parse("password@example.com").unwrap();
        let context = PasswordContext::new(Some(&email), None);
        assert_eq!(
            Password::parse("password", &context).unwrap_err(),
            PasswordError::TooCommon
        );
    }

    // ----- secrecy and messages ---------------------------------------------

    #[test]
    fn debug_hides_the_password() {
        let password = parse("ngựa phi đường xa").unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
        assert_eq!(format!("{:?}", Some(password)), "Some(Password(***))");
    }

    #[test]
    fn messages_say_what_is_wrong() {
        let short = PasswordError::TooShort { min: 8 };
        assert_eq!(short.message(Lang::Vi), "Mật khẩu phải có ít nhất 8 ký tự.");
        assert!(short.message(Lang::En).contains("at least 8"));
        assert!(PasswordError::TooLong { max: 128 }
            .message(Lang::Vi)
            .contains("128"));
        assert!(PasswordError::TooCommon
            .message(Lang::Vi)
            .contains("phổ biến"));
        assert!(PasswordError::TooCommon
            .message(Lang::En)
            .contains("common"));
        let email = PasswordError::ContainsPersonalData {
            data: PersonalData::EmailName,
        };
        assert!(email.message(Lang::Vi).contains("email"));
        assert!(email.message(Lang::En).contains("email"));
        let cccd = PasswordError::ContainsPersonalData {
            data: PersonalData::CitizenId,
        };
        assert!(cccd.message(Lang::Vi).contains("số định danh cá nhân"));
        assert!(cccd.message(Lang::En).contains("identification number"));
        for error in [
            short,
            PasswordError::TooLong { max: 128 },
            PasswordError::TooCommon,
            email,
            cccd,
        ] {
            assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
            assert_eq!(error.to_string(), error.message(Lang::En));
            let json = serde_json::to_string(&error).unwrap();
            assert_eq!(serde_json::from_str::<PasswordError>(&json).unwrap(), error);
        }
    }
}
