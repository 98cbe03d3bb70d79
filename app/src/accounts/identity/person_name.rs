//! Họ và tên: a person's full name.

use super::quoted_list;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

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
