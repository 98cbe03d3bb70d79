//! A date of birth as people type it: `15/03/1990` (the Vietnamese order),
//! `15-03-1990`, `15.03.1990`, or `1990-03-15` (what a browser's date picker
//! sends).

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthDateError {
    Empty,
    /// Not a date, or a day that does not exist (31/02).
    Invalid,
    /// Today or later.
    NotInThePast,
}

/// Reads a typed date: `15/03/1990`, `15-3-1990`, `15.03.1990` or
/// `1990-03-15`; `None` unless it is a real calendar day.
pub fn parse_typed_date(input: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = input.trim().split(['/', '-', '.']).map(str::trim).collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|part| part.parse().ok()).collect();
    match (parts.as_slice(), numbers.as_deref()) {
        ([year, _, _], Some([y, m, d])) if year.len() == 4 => {
            NaiveDate::from_ymd_opt(*y as i32, *m, *d)
        }
        ([_, _, year], Some([d, m, y])) if year.len() == 4 => {
            NaiveDate::from_ymd_opt(*y as i32, *m, *d)
        }
        _ => None,
    }
}

/// Reads a typed date of birth and checks it lies before `today`, and no
/// more than 150 years before it.
pub fn parse_birth_date(input: &str, today: NaiveDate) -> Result<NaiveDate, BirthDateError> {
    if input.trim().is_empty() {
        return Err(BirthDateError::Empty);
    }
    let date = parse_typed_date(input).ok_or(BirthDateError::Invalid)?;
    if date >= today {
        return Err(BirthDateError::NotInThePast);
    }
    if date.year() < today.year() - 150 {
        return Err(BirthDateError::Invalid);
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();

    #[test]
    fn vietnamese_and_iso_orders_are_read() {
        let expected = NaiveDate::from_ymd_opt(1990, 3, 15).unwrap();
        for typed in ["15/03/1990", "15-3-1990", " 15.03.1990 ", "1990-03-15"] {
            assert_eq!(parse_birth_date(typed, TODAY), Ok(expected), "{typed}");
        }
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        for typed in [
            "31/02/1990",
            "29/02/1990",
            "00/01/1990",
            "15/13/1990",
            "15/03/90",
            "hôm qua",
        ] {
            assert_eq!(
                parse_birth_date(typed, TODAY),
                Err(BirthDateError::Invalid),
                "{typed}"
            );
        }
        assert!(parse_birth_date("29/02/2000", TODAY).is_ok());
    }

    #[test]
    fn a_birth_date_lies_in_the_past() {
        assert_eq!(
            parse_birth_date("22/11/2026", TODAY),
            Err(BirthDateError::NotInThePast)
        );
        assert_eq!(parse_birth_date("", TODAY), Err(BirthDateError::Empty));
        assert!(parse_birth_date("21/11/2026", TODAY).is_ok());
    }
}
