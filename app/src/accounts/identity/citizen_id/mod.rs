//! Số định danh cá nhân (CCCD): the 12-digit personal identification number.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

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

#[cfg(test)]
mod tests;
