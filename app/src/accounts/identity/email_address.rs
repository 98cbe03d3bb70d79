//! Email addresses.

use super::quoted;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest email address accepted (RFC 5321 path limit less the brackets).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest part before the `@` (RFC 5321).
pub const MAX_EMAIL_LOCAL_PART_CHARS: usize = 64;

/// Characters allowed before the `@` besides ASCII letters and digits
/// (RFC 5322 `atext`, plus the dot). Quoted local parts are not accepted.
const LOCAL_PART_SYMBOLS: &str = "!#$%&'*+-/=?^_`{|}~.";

/// An email address: trimmed, ASCII only, one `@`, the domain lower-cased.
/// The part before the `@` keeps its case (mail servers may distinguish it),
/// so compare addresses for uniqueness case-insensitively where that matters.
///
/// Internationalised addresses (accented letters, IDN domains) are refused
/// with their own message; a user with an IDN domain can type its `xn--` form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

/// Why an email address was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EmailAddressError {
    /// Nothing was typed.
    Empty,
    /// Longer than [`MAX_EMAIL_CHARS`].
    TooLong { max: usize },
    /// Not the shape of an email address; `problem` says what is wrong.
    Malformed { problem: EmailProblem },
}

/// What exactly is wrong with a malformed email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmailProblem {
    /// A space (or other whitespace) inside the address.
    ContainsWhitespace,
    /// Accented letters or other non-ASCII characters (incl. IDN domains).
    NonAscii,
    /// No `@`.
    MissingAt,
    /// More than one `@`.
    MultipleAt,
    /// Nothing before the `@`.
    EmptyLocalPart,
    /// More than [`MAX_EMAIL_LOCAL_PART_CHARS`] characters before the `@`.
    LocalPartTooLong { max: usize },
    /// Nothing after the `@`.
    EmptyDomain,
    /// A character that may not appear in an email address (e.g. `,` `;` `"`).
    InvalidCharacter { character: char },
    /// Two dots in a row, or a dot at the start, the end or next to the `@`.
    MisplacedDot,
    /// A domain part starting or ending with `-`.
    MisplacedHyphen,
    /// A domain without a dot (`name@gmail` instead of `name@gmail.com`).
    DomainWithoutDot,
}

impl EmailAddress {
    /// Reads an email address as typed; see the type's documentation.
    pub fn parse(input: &str) -> Result<EmailAddress, EmailAddressError> {
        use EmailProblem::*;
        let malformed = |problem| Err(EmailAddressError::Malformed { problem });

        let address = input.trim();
        if address.is_empty() {
            return Err(EmailAddressError::Empty);
        }
        if address.chars().any(char::is_whitespace) {
            return malformed(ContainsWhitespace);
        }
        if address.chars().count() > MAX_EMAIL_CHARS {
            return Err(EmailAddressError::TooLong {
                max: MAX_EMAIL_CHARS,
            });
        }
        if !address.is_ascii() {
            return malformed(NonAscii);
        }
        let (local, domain) = match address.matches('@').count() {
            0 => return malformed(MissingAt),
            1 => address.split_once('@').expect("one @"),
            _ => return malformed(MultipleAt),
        };
        if local.is_empty() {
            return malformed(EmptyLocalPart);
        }
        if local.len() > MAX_EMAIL_LOCAL_PART_CHARS {
            return malformed(LocalPartTooLong {
                max: MAX_EMAIL_LOCAL_PART_CHARS,
            });
        }
        if domain.is_empty() {
            return malformed(EmptyDomain);
        }
        if let Some(character) = local
            .chars()
            .find(|&c| !c.is_ascii_alphanumeric() && !LOCAL_PART_SYMBOLS.contains(c))
        {
            return malformed(InvalidCharacter { character });
        }
        if let Some(character) = domain
            .chars()
            .find(|&c| !c.is_ascii_alphanumeric() && c != '-' && c != '.')
        {
            return malformed(InvalidCharacter { character });
        }
        let dots_misplaced =
            |part: &str| part.starts_with('.') || part.ends_with('.') || part.contains("..");
        if dots_misplaced(local) || dots_misplaced(domain) {
            return malformed(MisplacedDot);
        }
        if !domain.contains('.') {
            return malformed(DomainWithoutDot);
        }
        if domain
            .split('.')
            .any(|label| label.starts_with('-') || label.ends_with('-'))
        {
            return malformed(MisplacedHyphen);
        }
        Ok(EmailAddress(format!(
            "{local}@{}",
            domain.to_ascii_lowercase()
        )))
    }

    /// The whole address, `Nguyen.Van.A@gmail.com`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`, as typed.
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map_or("", |(local, _)| local)
    }

    /// The part after the `@`, lower-cased.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, domain)| domain)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = EmailAddressError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        EmailAddress::parse(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> Self {
        value.0
    }
}

impl EmailAddressError {
    /// The sentence shown to the citizen, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EmailAddressError::Empty, Lang::Vi) => "Vui lòng nhập địa chỉ email.".into(),
            (EmailAddressError::Empty, Lang::En) => "Please enter your email address.".into(),
            (EmailAddressError::TooLong { max }, Lang::Vi) => {
                format!("Địa chỉ email không được dài quá {max} ký tự.")
            }
            (EmailAddressError::TooLong { max }, Lang::En) => {
                format!("The email address must not be longer than {max} characters.")
            }
            (EmailAddressError::Malformed { problem }, lang) => problem.message(lang),
        }
    }
}

impl EmailProblem {
    /// The sentence shown to the citizen, in their language.
    pub fn message(&self, lang: Lang) -> String {
        use EmailProblem::*;
        match (self, lang) {
            (ContainsWhitespace, Lang::Vi) => "Địa chỉ email không được chứa dấu cách.".into(),
            (ContainsWhitespace, Lang::En) => "The email address must not contain spaces.".into(),
            (NonAscii, Lang::Vi) => {
                "Địa chỉ email không được chứa chữ có dấu hay ký tự ngoài bảng chữ cái Latinh không dấu (tên miền có dấu chưa được hỗ trợ).".into()
            }
            (NonAscii, Lang::En) => {
                "The email address may contain only unaccented Latin letters, digits and common symbols (internationalised domain names are not supported).".into()
            }
            (MissingAt, Lang::Vi) => {
                "Địa chỉ email phải có ký tự @ (ví dụ ten@example.com).".into()
            }
            (MissingAt, Lang::En) => {
                "The email address must contain an @ (for example name@example.com).".into()
            }
            (MultipleAt, Lang::Vi) => "Địa chỉ email chỉ được có một ký tự @.".into(),
            (MultipleAt, Lang::En) => "The email address must contain only one @.".into(),
            (EmptyLocalPart, Lang::Vi) => {
                "Địa chỉ email thiếu phần tên trước ký tự @ (ví dụ ten@example.com).".into()
            }
            (EmptyLocalPart, Lang::En) => {
                "The email address is missing the name before the @ (for example name@example.com).".into()
            }
            (LocalPartTooLong { max }, Lang::Vi) => {
                format!("Phần trước ký tự @ của địa chỉ email không được dài quá {max} ký tự.")
            }
            (LocalPartTooLong { max }, Lang::En) => format!(
                "The part of the email address before the @ must not be longer than {max} characters."
            ),
            (EmptyDomain, Lang::Vi) => {
                "Địa chỉ email thiếu tên miền sau ký tự @ (ví dụ gmail.com).".into()
            }
            (EmptyDomain, Lang::En) => {
                "The email address is missing the domain after the @ (for example gmail.com).".into()
            }
            (InvalidCharacter { character }, Lang::Vi) => format!(
                "Địa chỉ email chứa ký tự không được phép: {}.",
                quoted(*character)
            ),
            (InvalidCharacter { character }, Lang::En) => format!(
                "The email address contains a character that is not allowed: {}.",
                quoted(*character)
            ),
            (MisplacedDot, Lang::Vi) => {
                "Địa chỉ email không được có hai dấu chấm liền nhau, hay dấu chấm ở đầu, ở cuối hoặc sát ký tự @.".into()
            }
            (MisplacedDot, Lang::En) => {
                "The email address must not have two dots in a row, or a dot at the start, at the end or next to the @.".into()
            }
            (MisplacedHyphen, Lang::Vi) => {
                "Tên miền của địa chỉ email không được có phần nào bắt đầu hoặc kết thúc bằng dấu gạch ngang (-).".into()
            }
            (MisplacedHyphen, Lang::En) => {
                "No part of the email domain may start or end with a hyphen (-).".into()
            }
            (DomainWithoutDot, Lang::Vi) => {
                "Tên miền sau ký tự @ phải có dấu chấm (ví dụ gmail.com, không phải gmail).".into()
            }
            (DomainWithoutDot, Lang::En) => {
                "The domain after the @ must contain a dot (for example gmail.com, not gmail).".into()
            }
        }
    }
}

impl fmt::Display for EmailAddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email_problem(input: &str) -> EmailProblem {
        match EmailAddress::parse(input) {
            Err(EmailAddressError::Malformed { problem }) => problem,
            other => panic!("{input}: {other:?}"),
        }
    }

    #[test]
    fn valid_emails_are_accepted_and_domain_lower_cased() {
        let email = EmailAddress::parse("  Nguyen.Van.An@GMAIL.Com ").unwrap();
        assert_eq!(email.as_str(), "Nguyen.Van.An@gmail.com");
        assert_eq!(email.local_part(), "Nguyen.Van.An");
        assert_eq!(email.domain(), "gmail.com");
        for input in [
            "a@b.vn",
            "an.nguyen+motcua@mail.hanoi.gov.vn",
            "o'brien@example.co.uk",
            "user_name-1@sub-domain.example.com",
            "x@xn--tnmin-hsa4b.vn",
            "!#$%&'*+-/=?^_`{|}~@example.com",
        ] {
            assert!(EmailAddress::parse(input).is_ok(), "{input}");
        }
    }

    #[test]
    fn empty_email_is_refused() {
        assert_eq!(EmailAddress::parse(""), Err(EmailAddressError::Empty));
        assert_eq!(EmailAddress::parse(" \n "), Err(EmailAddressError::Empty));
    }

    #[test]
    fn too_long_email_is_refused() {
        let long = format!("{}@{}.vn", "a".repeat(64), "b".repeat(187));
        assert_eq!(long.len(), 255);
        assert_eq!(
            EmailAddress::parse(&long),
            Err(EmailAddressError::TooLong { max: 254 })
        );
        let just_fits = format!("{}@{}.vn", "a".repeat(64), "b".repeat(186));
        assert!(EmailAddress::parse(&just_fits).is_ok());
        assert!(EmailAddressError::TooLong { max: 254 }
            .message(Lang::Vi)
            .contains("254"));
    }

    #[test]
    fn each_malformation_is_named() {
        use EmailProblem::*;
        assert_eq!(email_problem("nguyen van@gmail.com"), ContainsWhitespace);
        assert_eq!(email_problem("nguyễn@gmail.com"), NonAscii);
        assert_eq!(email_problem("an@tênmiền.vn"), NonAscii);
        assert_eq!(email_problem("an.gmail.com"), MissingAt);
        assert_eq!(email_problem("an@@gmail.com"), MultipleAt);
        assert_eq!(email_problem("an@b@gmail.com"), MultipleAt);
        assert_eq!(email_problem("@gmail.com"), EmptyLocalPart);
        assert_eq!(
            email_problem(&format!("{}@gmail.com", "a".repeat(65))),
            LocalPartTooLong { max: 64 }
        );
        assert!(EmailAddress::parse(&format!("{}@gmail.com", "a".repeat(64))).is_ok());
        assert_eq!(email_problem("an@"), EmptyDomain);
        assert_eq!(
            email_problem("an@gmail,com"),
            InvalidCharacter { character: ',' }
        );
        assert_eq!(
            email_problem("\"an\"@gmail.com"),
            InvalidCharacter { character: '"' }
        );
        assert_eq!(
            email_problem("an@gmail_mail.com"),
            InvalidCharacter { character: '_' }
        );
        assert_eq!(email_problem("an..nguyen@gmail.com"), MisplacedDot);
        assert_eq!(email_problem(".an@gmail.com"), MisplacedDot);
        assert_eq!(email_problem("an.@gmail.com"), MisplacedDot);
        assert_eq!(email_problem("an@gmail..com"), MisplacedDot);
        assert_eq!(email_problem("an@.gmail.com"), MisplacedDot);
        assert_eq!(email_problem("an@gmail.com."), MisplacedDot);
        assert_eq!(email_problem("an@-gmail.com"), MisplacedHyphen);
        assert_eq!(email_problem("an@gmail-.com"), MisplacedHyphen);
        assert_eq!(email_problem("an@gmail"), DomainWithoutDot);
    }

    #[test]
    fn email_messages_say_what_is_wrong() {
        let message = |input: &str, lang| EmailAddress::parse(input).unwrap_err().message(lang);
        assert!(message("an.gmail.com", Lang::Vi).contains("@"));
        assert!(message("an@gmail", Lang::Vi).contains("dấu chấm"));
        assert!(message("an@gmail", Lang::En).contains("dot"));
        assert!(message("an@gmail,com", Lang::Vi).contains("“,”"));
        assert!(message("an@gmail,com", Lang::En).contains("“,”"));
        assert!(message("nguyễn@gmail.com", Lang::Vi).contains("có dấu"));
        assert!(message("a b@gmail.com", Lang::En).contains("spaces"));
        let problems = [
            EmailProblem::ContainsWhitespace,
            EmailProblem::NonAscii,
            EmailProblem::MissingAt,
            EmailProblem::MultipleAt,
            EmailProblem::EmptyLocalPart,
            EmailProblem::LocalPartTooLong { max: 64 },
            EmailProblem::EmptyDomain,
            EmailProblem::InvalidCharacter { character: ';' },
            EmailProblem::MisplacedDot,
            EmailProblem::MisplacedHyphen,
            EmailProblem::DomainWithoutDot,
        ];
        let mut seen = std::collections::HashSet::new();
        for problem in problems {
            let error = EmailAddressError::Malformed { problem };
            assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
            assert_eq!(error.to_string(), error.message(Lang::En));
            assert!(seen.insert(error.message(Lang::Vi)), "{problem:?}");
        }
    }

    #[test]
    fn email_round_trips_through_serde_and_validates() {
        let email = EmailAddress::parse("An@Example.VN").unwrap();
        let json = serde_json::to_string(&email).unwrap();
        assert_eq!(json, "\"An@example.vn\"");
        assert_eq!(serde_json::from_str::<EmailAddress>(&json).unwrap(), email);
        assert!(serde_json::from_str::<EmailAddress>("\"not an email\"").is_err());
        let error = EmailAddressError::Malformed {
            problem: EmailProblem::InvalidCharacter { character: ';' },
        };
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(
            serde_json::from_str::<EmailAddressError>(&json).unwrap(),
            error
        );
    }
}
