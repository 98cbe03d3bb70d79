//! Money in Vietnamese đồng: whole numbers, never floating point.

mod words;

pub use words::in_words;

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in Vietnamese đồng (VND), displayed the Vietnamese way: `1.250.000 đ`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Vnd(pub i64);

impl fmt::Display for Vnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} đ", grouped(self.0))
    }
}

/// A whole number with its thousands grouped by dots, as Vietnamese write
/// them: `1.250.000`.
pub fn grouped(number: i64) -> String {
    let digits = number.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if number < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::Vnd;

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(Vnd(1_250_000).to_string(), "1.250.000 đ");
        assert_eq!(Vnd(100_000).to_string(), "100.000 đ");
        assert_eq!(Vnd(8_000).to_string(), "8.000 đ");
    }

    #[test]
    fn small_and_zero_amounts_have_no_separator() {
        assert_eq!(Vnd(0).to_string(), "0 đ");
        assert_eq!(Vnd(500).to_string(), "500 đ");
    }

    #[test]
    fn negative_amounts_keep_their_sign() {
        assert_eq!(Vnd(-20_000).to_string(), "-20.000 đ");
    }
}
