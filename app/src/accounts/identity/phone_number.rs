//! Số điện thoại di động: Vietnamese mobile numbers.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
