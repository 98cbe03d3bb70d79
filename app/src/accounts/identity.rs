//! The identity a citizen gives when registering: personal identification
//! number (CCCD), mobile phone number, email address and full name.
//!
//! Each type is built only by its `parse` function (or by deserialising, which
//! runs the same `parse` through `TryFrom<String>`), so a value of the type is
//! always valid and normalised. Each error enum's `message(lang)` is the
//! sentence shown next to the form field.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

// ---------------------------------------------------------------------------
// Số định danh cá nhân (CCCD)
// ---------------------------------------------------------------------------

/// Number of digits of a personal identification number.
pub const CITIZEN_ID_DIGITS: usize = 12;

/// Province codes of birth registration (the first three digits), from the
/// annex of Circular 07/2016/TT-BCA (kept by Circular 59/2021/TT-BCA): the
/// General Statistics Office codes of the 63 provinces before the 2025 merger,
/// zero-padded to three digits. The 34 provinces in force since 2025-07-01
/// kept the code of one of the provinces they merged, so every number issued
/// before or after the merger starts with one of these. Sorted, for
/// `binary_search`.
const PROVINCE_CODES: [&str; 63] = [
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
];

/// A personal identification number (số định danh cá nhân), the 12 digits on
/// a citizen identity card (CCCD):
///
/// | digits | meaning |
/// |---|---|
/// | 1–3 | province code of birth registration |
/// | 4 | sex and century of birth: 0/1 1900s, 2/3 2000s, 4/5 2100s, 6/7 2200s, 8/9 2300s (even male, odd female) |
/// | 5–6 | last two digits of the year of birth |
/// | 7–12 | random |
///
/// The number is personal data: `Debug` prints only [`CitizenId::masked`], and
/// logs must use `masked()` too. [`CitizenId::as_str`] gives the full number
/// for storage and for showing the citizen their own number.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CitizenId(String);

/// Sex as encoded in the fourth digit of a personal identification number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// The word shown on forms ("Nam"/"Nữ").
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Sex::Male, Lang::Vi) => "Nam",
            (Sex::Female, Lang::Vi) => "Nữ",
            (Sex::Male, Lang::En) => "Male",
            (Sex::Female, Lang::En) => "Female",
        }
    }
}

/// Why a personal identification number was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CitizenIdError {
    /// Nothing was typed.
    Empty,
    /// Only digits, but not 12 of them.
    WrongLength { found: usize },
    /// Something other than a digit or a space was typed.
    NotDigits,
    /// The first three digits are no province code.
    UnknownProvince { code: String },
    /// The year of birth the number encodes is not the one the citizen typed.
    BirthYearMismatch { expected_year: i32, id_year: i32 },
}

impl CitizenId {
    /// Reads a personal identification number as typed: surrounding and inner
    /// whitespace is ignored ("001 099 012 345"), everything else must be one
    /// of 12 ASCII digits starting with a known province code.
    pub fn parse(input: &str) -> Result<CitizenId, CitizenIdError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err(CitizenIdError::Empty);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CitizenIdError::NotDigits);
        }
        if digits.len() != CITIZEN_ID_DIGITS {
            return Err(CitizenIdError::WrongLength {
                found: digits.len(),
            });
        }
        let code = &digits[..3];
        if PROVINCE_CODES.binary_search(&code).is_err() {
            return Err(CitizenIdError::UnknownProvince {
                code: code.to_string(),
            });
        }
        Ok(CitizenId(digits))
    }

    /// The full 12 digits. Never log this: use [`CitizenId::masked`].
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The province code of birth registration (the first three digits).
    pub fn province_code(&self) -> &str {
        &self.0[..3]
    }

    fn century_digit(&self) -> u8 {
        self.0.as_bytes()[3] - b'0'
    }

    /// The sex the number encodes: even fourth digit male, odd female.
    pub fn sex(&self) -> Sex {
        if self.century_digit().is_multiple_of(2) {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// The year of birth the number encodes (century from the fourth digit,
    /// year from the fifth and sixth).
    pub fn birth_year(&self) -> i32 {
        let century_start = match self.century_digit() {
            0 | 1 => 1900,
            2 | 3 => 2000,
            4 | 5 => 2100,
            6 | 7 => 2200,
            _ => 2300,
        };
        let bytes = self.0.as_bytes();
        let year_in_century = i32::from(bytes[4] - b'0') * 10 + i32::from(bytes[5] - b'0');
        century_start + year_in_century
    }

    /// The first three and last three digits, the rest hidden:
    /// `001******789`. For logs and for display outside the citizen's own
    /// profile.
    pub fn masked(&self) -> String {
        format!("{}******{}", &self.0[..3], &self.0[9..])
    }

    /// Checks the number against the year of the date of birth the citizen
    /// typed: they must be the same year.
    pub fn check_birth_date(&self, year: i32) -> Result<(), CitizenIdError> {
        let id_year = self.birth_year();
        if id_year == year {
            Ok(())
        } else {
            Err(CitizenIdError::BirthYearMismatch {
                expected_year: year,
                id_year,
            })
        }
    }
}

impl fmt::Debug for CitizenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CitizenId").field(&self.masked()).finish()
    }
}

impl TryFrom<String> for CitizenId {
    type Error = CitizenIdError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CitizenId::parse(&value)
    }
}

impl From<CitizenId> for String {
    fn from(value: CitizenId) -> Self {
        value.0
    }
}

impl CitizenIdError {
    /// The sentence shown to the citizen, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CitizenIdError::Empty, Lang::Vi) => {
                "Vui lòng nhập số định danh cá nhân (12 chữ số trên thẻ căn cước).".into()
            }
            (CitizenIdError::Empty, Lang::En) => {
                "Please enter your personal identification number (the 12 digits on your identity card).".into()
            }
            (CitizenIdError::WrongLength { found }, Lang::Vi) => format!(
                "Số định danh cá nhân phải gồm đúng 12 chữ số (bạn đã nhập {found})."
            ),
            (CitizenIdError::WrongLength { found }, Lang::En) => format!(
                "The personal identification number must have exactly 12 digits (you entered {found})."
            ),
            (CitizenIdError::NotDigits, Lang::Vi) => {
                "Số định danh cá nhân chỉ được gồm các chữ số từ 0 đến 9, không có chữ cái hay ký hiệu.".into()
            }
            (CitizenIdError::NotDigits, Lang::En) => {
                "The personal identification number may contain only the digits 0 to 9, with no letters or symbols.".into()
            }
            (CitizenIdError::UnknownProvince { code }, Lang::Vi) => format!(
                "Ba chữ số đầu của số định danh cá nhân ({code}) không phải là mã tỉnh, thành phố hợp lệ. Vui lòng kiểm tra lại số trên thẻ căn cước."
            ),
            (CitizenIdError::UnknownProvince { code }, Lang::En) => format!(
                "The first three digits of the personal identification number ({code}) are not a valid province code. Please check the number on your identity card."
            ),
            (
                CitizenIdError::BirthYearMismatch {
                    expected_year,
                    id_year,
                },
                Lang::Vi,
            ) => format!(
                "Số định danh cá nhân cho biết năm sinh {id_year}, nhưng năm sinh bạn khai là {expected_year}. Vui lòng kiểm tra lại số định danh hoặc ngày sinh."
            ),
            (
                CitizenIdError::BirthYearMismatch {
                    expected_year,
                    id_year,
                },
                Lang::En,
            ) => format!(
                "The personal identification number says you were born in {id_year}, but the date of birth you entered is in {expected_year}. Please check the number or your date of birth."
            ),
        }
    }
}

impl fmt::Display for CitizenIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

// ---------------------------------------------------------------------------
// Số điện thoại di động
// ---------------------------------------------------------------------------

/// The two digits after the leading 0 of Vietnamese mobile numbers since the
/// 2018 conversion from 11 to 10 digits. Sorted, for `binary_search`.
///
/// Viettel 032–039, 086, 096–098; VinaPhone 081–085, 088, 091, 094;
/// MobiFone 070, 076–079, 089, 090, 093; Vietnamobile 052, 056, 058, 092;
/// Gmobile 059, 099; Wintel (formerly Reddi) 055; Itelecom 087. Virtual
/// operators (Local, Saymee, …) use blocks inside these prefixes.
const MOBILE_PREFIXES: [&str; 36] = [
    "32", "33", "34", "35", "36", "37", "38", "39", "52", "55", "56", "58", "59", "70", "76", "77",
    "78", "79", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94",
    "96", "97", "98", "99",
];

/// A Vietnamese mobile phone number, stored as the 10 national digits
/// `0xxxxxxxxx`.
///
/// Accepted as typed: `0912345678`, `091 234 5678`, `0912.345.678`,
/// `0912-345-678`, `+84912345678`, `+84 912 345 678`, `(+84) 912 345 678`,
/// `84912345678`, `0084912345678`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// Why a phone number was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PhoneNumberError {
    /// Nothing was typed.
    Empty,
    /// Something other than digits, spaces, dots, dashes, parentheses and a
    /// leading `+`.
    InvalidCharacters,
    /// Not 10 digits (0 + 9), nor +84 followed by 9 digits.
    WrongLength,
    /// A well-formed number, but not a Vietnamese mobile number (a landline,
    /// an unassigned prefix or a foreign number).
    NotMobile,
}

impl PhoneNumber {
    /// Reads a phone number as typed; see the type's documentation.
    pub fn parse(input: &str) -> Result<PhoneNumber, PhoneNumberError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneNumberError::Empty);
        }
        let mut digits = String::with_capacity(trimmed.len());
        let mut plus = false;
        for c in trimmed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if digits.is_empty() && !plus => plus = true,
                c if c.is_whitespace() => {}
                '.' | '-' | '(' | ')' => {}
                _ => return Err(PhoneNumberError::InvalidCharacters),
            }
        }

        // The nine digits after the trunk prefix 0 / country code 84.
        let subscriber = if plus {
            match digits.strip_prefix("84") {
                Some(rest) => rest.strip_prefix('0').unwrap_or(rest),
                None if digits.is_empty() => return Err(PhoneNumberError::WrongLength),
                None => return Err(PhoneNumberError::NotMobile),
            }
        } else if let Some(rest) = digits.strip_prefix("0084") {
            rest.strip_prefix('0').unwrap_or(rest)
        } else if digits.len() == 11 && digits.starts_with("84") {
            &digits[2..]
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest
        } else {
            return Err(PhoneNumberError::WrongLength);
        };

        if subscriber.len() != 9 {
            // 0 + 2x area code + subscriber: an 11-digit landline number.
            if subscriber.len() == 10 && subscriber.starts_with('2') {
                return Err(PhoneNumberError::NotMobile);
            }
            return Err(PhoneNumberError::WrongLength);
        }
        if MOBILE_PREFIXES.binary_search(&&subscriber[..2]).is_err() {
            return Err(PhoneNumberError::NotMobile);
        }
        Ok(PhoneNumber(format!("0{subscriber}")))
    }

    /// The national form, `0912345678`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The international (E.164) form, `+84912345678`.
    pub fn international(&self) -> String {
        format!("+84{}", &self.0[1..])
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.0
    }
}

impl PhoneNumberError {
    /// The sentence shown to the citizen, in their language.
    pub fn message(&self, lang: Lang) -> String {
        let text = match (self, lang) {
            (PhoneNumberError::Empty, Lang::Vi) => "Vui lòng nhập số điện thoại di động.",
            (PhoneNumberError::Empty, Lang::En) => "Please enter your mobile phone number.",
            (PhoneNumberError::InvalidCharacters, Lang::Vi) => {
                "Số điện thoại chỉ được gồm chữ số, có thể kèm dấu cách, dấu chấm, dấu gạch ngang và dấu + ở đầu (ví dụ 0912 345 678 hoặc +84 912 345 678)."
            }
            (PhoneNumberError::InvalidCharacters, Lang::En) => {
                "A phone number may contain only digits, optionally with spaces, dots, dashes and a leading + (for example 0912 345 678 or +84 912 345 678)."
            }
            (PhoneNumberError::WrongLength, Lang::Vi) => {
                "Số điện thoại di động phải gồm 10 chữ số bắt đầu bằng số 0 (ví dụ 0912 345 678), hoặc +84 và 9 chữ số tiếp theo."
            }
            (PhoneNumberError::WrongLength, Lang::En) => {
                "A mobile phone number must have 10 digits starting with 0 (for example 0912 345 678), or +84 followed by 9 digits."
            }
            (PhoneNumberError::NotMobile, Lang::Vi) => {
                "Đây không phải là số điện thoại di động Việt Nam. Vui lòng nhập số di động (đầu số 03, 05, 07, 08 hoặc 09), không nhập số máy bàn hay số nước ngoài."
            }
            (PhoneNumberError::NotMobile, Lang::En) => {
                "This is not a Vietnamese mobile phone number. Please enter a mobile number (starting with 03, 05, 07, 08 or 09), not a landline or a foreign number."
            }
        };
        text.to_string()
    }
}

impl fmt::Display for PhoneNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

// ---------------------------------------------------------------------------
// Địa chỉ email
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Họ và tên
// ---------------------------------------------------------------------------

/// Fewest letters in a full name.
pub const MIN_NAME_LETTERS: usize = 2;
/// Most characters in a full name (after normalisation).
pub const MAX_NAME_CHARS: usize = 100;

/// A full name (họ và tên): NFC, trimmed, single spaces, 2 to 100 characters
/// of letters (any script, Vietnamese included), spaces, apostrophes and
/// hyphens ("Nguyễn Văn An", "H'Hen Niê", "Trần-Lê Minh"). Typographic
/// apostrophes (’, ʼ) are stored as `'`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

/// Why a full name was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PersonNameError {
    /// Nothing but whitespace was typed.
    Empty,
    /// Fewer than `min` letters.
    TooShort { min: usize },
    /// More than `max` characters.
    TooLong { max: usize },
    /// Characters other than letters, spaces, apostrophes and hyphens; each
    /// offending character once, in the order typed.
    InvalidCharacters { characters: String },
}

impl PersonName {
    /// Reads a full name as typed; see the type's documentation.
    pub fn parse(input: &str) -> Result<PersonName, PersonNameError> {
        let name: String = crate::text::normalize(input)
            .chars()
            .map(|c| match c {
                '\u{2019}' | '\u{02BC}' => '\'',
                c => c,
            })
            .collect();
        if name.is_empty() {
            return Err(PersonNameError::Empty);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(PersonNameError::TooLong {
                max: MAX_NAME_CHARS,
            });
        }
        let mut letters = 0;
        let mut invalid = String::new();
        let mut previous_is_letter = false;
        for c in name.chars() {
            let is_letter = c.is_alphabetic()
                // A combining mark NFC could not fold into the letter before it.
                || (previous_is_letter
                    && unicode_normalization::char::is_combining_mark(c));
            if is_letter {
                letters += 1;
            } else if !matches!(c, ' ' | '\'' | '-') && !invalid.contains(c) {
                invalid.push(c);
            }
            previous_is_letter = is_letter;
        }
        if !invalid.is_empty() {
            return Err(PersonNameError::InvalidCharacters {
                characters: invalid,
            });
        }
        if letters < MIN_NAME_LETTERS {
            return Err(PersonNameError::TooShort {
                min: MIN_NAME_LETTERS,
            });
        }
        Ok(PersonName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PersonName {
    type Error = PersonNameError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PersonName::parse(&value)
    }
}

impl From<PersonName> for String {
    fn from(value: PersonName) -> Self {
        value.0
    }
}

impl PersonNameError {
    /// The sentence shown to the citizen, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PersonNameError::Empty, Lang::Vi) => "Vui lòng nhập họ và tên.".into(),
            (PersonNameError::Empty, Lang::En) => "Please enter your full name.".into(),
            (PersonNameError::TooShort { min }, Lang::Vi) => {
                format!("Họ và tên phải có ít nhất {min} chữ cái.")
            }
            (PersonNameError::TooShort { min }, Lang::En) => {
                format!("Your full name must contain at least {min} letters.")
            }
            (PersonNameError::TooLong { max }, Lang::Vi) => {
                format!("Họ và tên không được dài quá {max} ký tự.")
            }
            (PersonNameError::TooLong { max }, Lang::En) => {
                format!("Your full name must not be longer than {max} characters.")
            }
            (PersonNameError::InvalidCharacters { characters }, Lang::Vi) => format!(
                "Họ và tên chỉ được gồm chữ cái, dấu cách, dấu nháy đơn (') và dấu gạch nối (-); không được có {}.",
                quoted_list(characters)
            ),
            (PersonNameError::InvalidCharacters { characters }, Lang::En) => format!(
                "Your full name may contain only letters, spaces, apostrophes (') and hyphens (-), not {}.",
                quoted_list(characters)
            ),
        }
    }
}

impl fmt::Display for PersonNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A character as shown inside a message: “x”, or its code point when it is
/// invisible.
fn quoted(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("“{c}”")
    }
}

fn quoted_list(characters: &str) -> String {
    characters
        .chars()
        .map(quoted)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // ----- CitizenId -------------------------------------------------------

    #[test]
    fn province_codes_are_sorted_unique_and_63() {
        assert!(PROVINCE_CODES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(PROVINCE_CODES.len(), 63);
        assert!(PROVINCE_CODES.iter().all(|c| c.len() == 3));
    }

    #[test]
    fn a_valid_citizen_id_is_accepted() {
        let id = CitizenId::parse("001099012345").unwrap();
        assert_eq!(id.as_str(), "001099012345");
        assert_eq!(id.province_code(), "001");
        assert_eq!(id.sex(), Sex::Male);
        assert_eq!(id.birth_year(), 1999);
    }

    #[test]
    fn citizen_id_spaces_are_ignored() {
        let id = CitizenId::parse("  001 099 012 345\t").unwrap();
        assert_eq!(id.as_str(), "001099012345");
        let id = CitizenId::parse("079\u{a0}301\u{a0}000123").unwrap();
        assert_eq!(id.as_str(), "079301000123");
    }

    #[test]
    fn every_province_code_is_accepted() {
        for code in PROVINCE_CODES {
            let id = CitizenId::parse(&format!("{code}095001234")).unwrap();
            assert_eq!(id.province_code(), code);
        }
    }

    #[test]
    fn every_other_province_code_is_refused() {
        for n in 0..1000 {
            let code = format!("{n:03}");
            if PROVINCE_CODES.contains(&code.as_str()) {
                continue;
            }
            assert_eq!(
                CitizenId::parse(&format!("{code}095001234")),
                Err(CitizenIdError::UnknownProvince { code: code.clone() }),
                "{code}"
            );
        }
    }

    #[test]
    fn known_gaps_in_the_province_codes_are_refused() {
        for code in ["000", "003", "005", "013", "050", "090", "097", "099"] {
            assert!(matches!(
                CitizenId::parse(&format!("{code}095001234")),
                Err(CitizenIdError::UnknownProvince { .. })
            ));
        }
    }

    #[test]
    fn each_century_digit_gives_sex_and_century() {
        let expected = [
            (0, Sex::Male, 1900),
            (1, Sex::Female, 1900),
            (2, Sex::Male, 2000),
            (3, Sex::Female, 2000),
            (4, Sex::Male, 2100),
            (5, Sex::Female, 2100),
            (6, Sex::Male, 2200),
            (7, Sex::Female, 2200),
            (8, Sex::Male, 2300),
            (9, Sex::Female, 2300),
        ];
        for (digit, sex, century) in expected {
            let id = CitizenId::parse(&format!("036{digit}85123456")).unwrap();
            assert_eq!(id.sex(), sex, "digit {digit}");
            assert_eq!(id.birth_year(), century + 85, "digit {digit}");
            assert_eq!(id.check_birth_date(century + 85), Ok(()));
        }
    }

    #[test]
    fn birth_year_uses_digits_five_and_six() {
        assert_eq!(CitizenId::parse("001200000001").unwrap().birth_year(), 2000);
        assert_eq!(CitizenId::parse("001305000001").unwrap().birth_year(), 2005);
        assert_eq!(CitizenId::parse("001199000001").unwrap().birth_year(), 1999);
        assert_eq!(CitizenId::parse("001001000001").unwrap().birth_year(), 1901);
    }

    #[test]
    fn birth_year_mismatch_is_reported_with_both_years() {
        let id = CitizenId::parse("001099012345").unwrap();
        assert_eq!(id.check_birth_date(1999), Ok(()));
        let error = id.check_birth_date(2099).unwrap_err();
        assert_eq!(
            error,
            CitizenIdError::BirthYearMismatch {
                expected_year: 2099,
                id_year: 1999
            }
        );
        for lang in Lang::ALL {
            let message = error.message(lang);
            assert!(
                message.contains("1999") && message.contains("2099"),
                "{message}"
            );
        }
        // Same two digits, other century.
        let woman_2000s = CitizenId::parse("001305012345").unwrap();
        assert!(woman_2000s.check_birth_date(1905).is_err());
        assert!(woman_2000s.check_birth_date(2005).is_ok());
    }

    #[test]
    fn empty_citizen_id_is_refused() {
        assert_eq!(CitizenId::parse(""), Err(CitizenIdError::Empty));
        assert_eq!(CitizenId::parse("  \t "), Err(CitizenIdError::Empty));
    }

    #[test]
    fn wrong_length_reports_the_digits_found() {
        assert_eq!(
            CitizenId::parse("00109901234"),
            Err(CitizenIdError::WrongLength { found: 11 })
        );
        assert_eq!(
            CitizenId::parse("0010990123456"),
            Err(CitizenIdError::WrongLength { found: 13 })
        );
        // The 9-digit numbers of the old identity cards (CMND).
        assert_eq!(
            CitizenId::parse("012345678"),
            Err(CitizenIdError::WrongLength { found: 9 })
        );
        let error = CitizenIdError::WrongLength { found: 11 };
        assert_eq!(
            error.message(Lang::Vi),
            "Số định danh cá nhân phải gồm đúng 12 chữ số (bạn đã nhập 11)."
        );
        assert_eq!(
            error.message(Lang::En),
            "The personal identification number must have exactly 12 digits (you entered 11)."
        );
    }

    #[test]
    fn non_digits_are_refused() {
        for input in [
            "00109901234a",
            "001-099-012345",
            "001.099.012.345",
            "abc",
            "００１０９９０１２３４５", // full-width digits
            "+001099012345",
        ] {
            assert_eq!(
                CitizenId::parse(input),
                Err(CitizenIdError::NotDigits),
                "{input}"
            );
        }
    }

    #[test]
    fn unknown_province_message_names_the_code() {
        let error = CitizenId::parse("003099012345").unwrap_err();
        assert_eq!(
            error,
            CitizenIdError::UnknownProvince { code: "003".into() }
        );
        assert!(error.message(Lang::Vi).contains("(003)"));
        assert!(error.message(Lang::En).contains("(003)"));
    }

    #[test]
    fn citizen_id_is_masked_in_debug_and_masked() {
        let id = CitizenId::parse("001099012789").unwrap();
        assert_eq!(id.masked(), "001******789");
        let debug = format!("{id:?}");
        assert_eq!(debug, "CitizenId(\"001******789\")");
        assert!(!debug.contains("099012"));
    }

    #[test]
    fn citizen_id_round_trips_through_serde_and_validates() {
        let id = CitizenId::parse("079301000123").unwrap();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"079301000123\"");
        assert_eq!(serde_json::from_str::<CitizenId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<CitizenId>("\"003301000123\"").is_err());
        assert!(serde_json::from_str::<CitizenId>("\"12\"").is_err());
    }

    #[test]
    fn citizen_id_errors_round_trip_through_serde() {
        let error = CitizenIdError::BirthYearMismatch {
            expected_year: 1990,
            id_year: 1991,
        };
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(
            serde_json::from_str::<CitizenIdError>(&json).unwrap(),
            error
        );
    }

    #[test]
    fn citizen_id_messages_differ_by_language_and_display_is_english() {
        let errors = [
            CitizenIdError::Empty,
            CitizenIdError::WrongLength { found: 3 },
            CitizenIdError::NotDigits,
            CitizenIdError::UnknownProvince { code: "003".into() },
            CitizenIdError::BirthYearMismatch {
                expected_year: 1990,
                id_year: 1991,
            },
        ];
        for error in errors {
            assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
            assert_eq!(error.to_string(), error.message(Lang::En));
        }
        assert!(CitizenIdError::NotDigits
            .message(Lang::Vi)
            .contains("chữ số"));
        assert!(CitizenIdError::Empty
            .message(Lang::Vi)
            .contains("Vui lòng nhập"));
    }

    #[test]
    fn sex_labels() {
        assert_eq!(Sex::Male.label(Lang::Vi), "Nam");
        assert_eq!(Sex::Female.label(Lang::Vi), "Nữ");
        assert_eq!(Sex::Female.label(Lang::En), "Female");
    }

    // ----- PhoneNumber -----------------------------------------------------

    #[test]
    fn mobile_prefixes_are_sorted_and_unique() {
        assert!(MOBILE_PREFIXES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn accepted_phone_formats_normalise_to_ten_digits() {
        for input in [
            "0912345678",
            "091 234 5678",
            "0912 345 678",
            "0912.345.678",
            "0912-345-678",
            "+84912345678",
            "+84 912 345 678",
            "+84 (0) 912 345 678",
            "(+84) 912-345-678",
            "+840912345678",
            "84912345678",
            "84 912 345 678",
            "0084912345678",
            "00 84 912 345 678",
            "  0912345678  ",
        ] {
            let phone = PhoneNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(phone.as_str(), "0912345678", "{input}");
            assert_eq!(phone.international(), "+84912345678", "{input}");
        }
    }

    #[test]
    fn every_mobile_prefix_is_accepted() {
        for prefix in MOBILE_PREFIXES {
            let phone = PhoneNumber::parse(&format!("0{prefix}1234567")).unwrap();
            assert_eq!(phone.as_str(), format!("0{prefix}1234567"));
            let phone = PhoneNumber::parse(&format!("+84{prefix}1234567")).unwrap();
            assert_eq!(phone.international(), format!("+84{prefix}1234567"));
        }
    }

    #[test]
    fn every_other_prefix_is_not_mobile() {
        for n in 0..100 {
            let prefix = format!("{n:02}");
            if MOBILE_PREFIXES.contains(&prefix.as_str()) {
                continue;
            }
            assert_eq!(
                PhoneNumber::parse(&format!("0{prefix}1234567")),
                Err(PhoneNumberError::NotMobile),
                "{prefix}"
            );
        }
        // Some that are easy to get wrong.
        for input in [
            "0951234567",
            "0311234567",
            "0801234567",
            "0691234567",
            "0711234567",
        ] {
            assert_eq!(
                PhoneNumber::parse(input),
                Err(PhoneNumberError::NotMobile),
                "{input}"
            );
        }
    }

    #[test]
    fn landlines_and_foreign_numbers_are_not_mobile() {
        // Hà Nội and Hồ Chí Minh City landlines (0 + 2x area code + 8 digits).
        assert_eq!(
            PhoneNumber::parse("024 3825 1234"),
            Err(PhoneNumberError::NotMobile)
        );
        assert_eq!(
            PhoneNumber::parse("028 3829 1234"),
            Err(PhoneNumberError::NotMobile)
        );
        assert_eq!(
            PhoneNumber::parse("+1 202 555 0123"),
            Err(PhoneNumberError::NotMobile)
        );
        assert_eq!(
            PhoneNumber::parse("+33 6 12 34 56 78"),
            Err(PhoneNumberError::NotMobile)
        );
    }

    #[test]
    fn wrong_lengths_are_refused() {
        for input in [
            "091234567",     // 9 digits
            "09123456789",   // 11 digits
            "01623456789",   // an old 11-digit Viettel number
            "912345678",     // no leading 0
            "+8491234567",   // +84 and 8 digits
            "+849123456789", // +84 and 10 digits
            "0",
            "+",
            "+84",
            "---",
        ] {
            assert_eq!(
                PhoneNumber::parse(input),
                Err(PhoneNumberError::WrongLength),
                "{input}"
            );
        }
    }

    #[test]
    fn invalid_phone_characters_are_refused() {
        for input in [
            "09123456a8",
            "0912/345/678",
            "0912 345 678 ext 1",
            "0912+345678",
            "++84912345678",
            "tel:0912345678",
            "０９１２３４５６７８",
        ] {
            assert_eq!(
                PhoneNumber::parse(input),
                Err(PhoneNumberError::InvalidCharacters),
                "{input}"
            );
        }
    }

    #[test]
    fn empty_phone_is_refused() {
        assert_eq!(PhoneNumber::parse(""), Err(PhoneNumberError::Empty));
        assert_eq!(PhoneNumber::parse("   "), Err(PhoneNumberError::Empty));
    }

    #[test]
    fn phone_messages_say_what_is_wrong() {
        assert!(PhoneNumberError::WrongLength
            .message(Lang::Vi)
            .contains("10 chữ số"));
        assert!(PhoneNumberError::WrongLength
            .message(Lang::En)
            .contains("10 digits"));
        assert!(PhoneNumberError::NotMobile
            .message(Lang::Vi)
            .contains("di động"));
        assert!(PhoneNumberError::NotMobile
            .message(Lang::En)
            .contains("landline"));
        assert!(PhoneNumberError::InvalidCharacters
            .message(Lang::Vi)
            .contains("chỉ được gồm chữ số"));
        for error in [
            PhoneNumberError::Empty,
            PhoneNumberError::InvalidCharacters,
            PhoneNumberError::WrongLength,
            PhoneNumberError::NotMobile,
        ] {
            assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
            assert_eq!(error.to_string(), error.message(Lang::En));
        }
    }

    #[test]
    fn phone_round_trips_through_serde_and_validates() {
        let phone = PhoneNumber::parse("+84 912 345 678").unwrap();
        let json = serde_json::to_string(&phone).unwrap();
        assert_eq!(json, "\"0912345678\"");
        assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), phone);
        assert!(serde_json::from_str::<PhoneNumber>("\"0241234567\"").is_err());
    }

    // ----- EmailAddress ----------------------------------------------------

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

    // ----- PersonName ------------------------------------------------------

    #[test]
    fn vietnamese_names_are_accepted() {
        for input in [
            "Nguyễn Văn An",
            "Đặng Thị Ánh Tuyết",
            "Tôn Nữ Thị Ngọc Hân",
            "H'Hen Niê",
            "Trần-Lê Minh",
            "Lò Văn Giàng",
            "Ksor Y Phúc",
            "Ông Ích Khiêm",
            "An",
            "O'Brien",
            "张伟",
        ] {
            let name = PersonName::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(name.as_str(), input);
        }
    }

    #[test]
    fn names_are_nfc_normalised_and_whitespace_collapsed() {
        let decomposed = "Nguye\u{302}\u{303}n  Va\u{306}n\tAn ";
        assert_eq!(
            PersonName::parse(decomposed).unwrap().as_str(),
            "Nguyễn Văn An"
        );
        assert_eq!(
            PersonName::parse("  Lê   Thị  Hồng ").unwrap().as_str(),
            "Lê Thị Hồng"
        );
    }

    #[test]
    fn typographic_apostrophes_become_ascii() {
        assert_eq!(
            PersonName::parse("H’Hen Niê").unwrap().as_str(),
            "H'Hen Niê"
        );
        assert_eq!(PersonName::parse("Hʼ Mai").unwrap().as_str(), "H' Mai");
    }

    #[test]
    fn combining_marks_without_a_precomposed_form_are_letters() {
        // "q" + combining dot below has no precomposed form.
        assert!(PersonName::parse("Aq\u{323}a").is_ok());
        // But a lone combining mark is not a letter.
        assert!(matches!(
            PersonName::parse("An \u{301}"),
            Err(PersonNameError::InvalidCharacters { .. })
        ));
    }

    #[test]
    fn empty_name_is_refused() {
        assert_eq!(PersonName::parse(""), Err(PersonNameError::Empty));
        assert_eq!(PersonName::parse(" \t\n "), Err(PersonNameError::Empty));
    }

    #[test]
    fn short_names_are_refused() {
        assert_eq!(
            PersonName::parse("A"),
            Err(PersonNameError::TooShort { min: 2 })
        );
        assert_eq!(
            PersonName::parse("A -"),
            Err(PersonNameError::TooShort { min: 2 })
        );
        assert_eq!(
            PersonName::parse("--"),
            Err(PersonNameError::TooShort { min: 2 })
        );
        assert!(PersonNameError::TooShort { min: 2 }
            .message(Lang::Vi)
            .contains("2 chữ cái"));
    }

    #[test]
    fn long_names_are_refused() {
        let hundred = format!("{} {}", "Nguyễn".repeat(10), "Ánh".repeat(13));
        assert_eq!(hundred.chars().count(), 100);
        assert!(PersonName::parse(&hundred).is_ok());
        let too_long = format!("{hundred}a");
        assert_eq!(
            PersonName::parse(&too_long),
            Err(PersonNameError::TooLong { max: 100 })
        );
        assert!(PersonNameError::TooLong { max: 100 }
            .message(Lang::En)
            .contains("100"));
    }

    #[test]
    fn invalid_name_characters_are_listed() {
        assert_eq!(
            PersonName::parse("Nguyễn Văn 2"),
            Err(PersonNameError::InvalidCharacters {
                characters: "2".into()
            })
        );
        let error = PersonName::parse("an@b.c 1@").unwrap_err();
        assert_eq!(
            error,
            PersonNameError::InvalidCharacters {
                characters: "@.1".into()
            }
        );
        let vi = error.message(Lang::Vi);
        assert!(vi.contains("“@”, “.”, “1”"), "{vi}");
        let en = error.message(Lang::En);
        assert!(en.contains("“@”, “.”, “1”"), "{en}");
        for input in ["Nguyễn_Văn", "Lê (Bé)", "An, Bình", "An\u{0}"] {
            assert!(
                matches!(
                    PersonName::parse(input),
                    Err(PersonNameError::InvalidCharacters { .. })
                ),
                "{input}"
            );
        }
        let control = PersonName::parse("An\u{0}").unwrap_err().message(Lang::En);
        assert!(control.contains("U+0000"), "{control}");
    }

    #[test]
    fn name_messages_differ_by_language_and_display_is_english() {
        for error in [
            PersonNameError::Empty,
            PersonNameError::TooShort { min: 2 },
            PersonNameError::TooLong { max: 100 },
            PersonNameError::InvalidCharacters {
                characters: "1".into(),
            },
        ] {
            assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
            assert_eq!(error.to_string(), error.message(Lang::En));
        }
    }

    #[test]
    fn name_round_trips_through_serde_and_validates() {
        let name = PersonName::parse("Nguyễn Văn An").unwrap();
        let json = serde_json::to_string(&name).unwrap();
        assert_eq!(serde_json::from_str::<PersonName>(&json).unwrap(), name);
        assert!(serde_json::from_str::<PersonName>("\"R2-D2\"").is_err());
        // Deserialising normalises like parse does.
        assert_eq!(
            serde_json::from_str::<PersonName>("\" Lê  Lợi \"")
                .unwrap()
                .as_str(),
            "Lê Lợi"
        );
    }
}
