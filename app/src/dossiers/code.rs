//! Dossier codes: `<agency electronic code>-<yymmdd>-<nnnn>`, e.g.
//! `000.00.12.H34-251122-0007`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DossierCode(String);

impl DossierCode {
    /// The code of the `number`-th dossier an agency received on `day`.
    pub fn new(agency_code: &str, day: NaiveDate, number: u32) -> DossierCode {
        DossierCode(format!(
            "{agency_code}-{}-{number:04}",
            day.format("%y%m%d")
        ))
    }

    /// Reads a code as typed (spaces trimmed, letters upper-cased); `None`
    /// when it cannot be a dossier code.
    pub fn parse(text: &str) -> Option<DossierCode> {
        let text = text.trim().to_ascii_uppercase();
        let mut parts = text.rsplitn(3, '-');
        let number = parts.next()?;
        let day = parts.next()?;
        let agency = parts.next()?;
        let digits =
            |part: &str, len: usize| part.len() >= len && part.bytes().all(|b| b.is_ascii_digit());
        let agency_ok = agency.len() == 13 && agency.split('.').count() == 4;
        (digits(number, 4) && day.len() == 6 && digits(day, 6) && agency_ok)
            .then_some(DossierCode(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DossierCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_national_pattern() {
        let day = NaiveDate::from_ymd_opt(2025, 11, 22).unwrap();
        assert_eq!(
            DossierCode::new("000.00.12.H34", day, 7).as_str(),
            "000.00.12.H34-251122-0007"
        );
        assert_eq!(
            DossierCode::new("000.00.12.H34", day, 12345).as_str(),
            "000.00.12.H34-251122-12345"
        );
    }

    #[test]
    fn typed_codes_are_read_leniently_but_checked() {
        let code = DossierCode::parse(" 000.00.12.h34-251122-0007 ").unwrap();
        assert_eq!(code.as_str(), "000.00.12.H34-251122-0007");
        for bad in [
            "",
            "0007",
            "000.00.12.H34-2511-0007",
            "abc-251122-0007",
            "000.00.12.H34-251122-07",
        ] {
            assert!(DossierCode::parse(bad).is_none(), "{bad}");
        }
    }
}
