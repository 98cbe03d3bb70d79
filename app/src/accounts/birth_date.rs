//! A date of birth as people type it: `15/03/1990` (the Vietnamese order),
//! `15-03-1990`, `15.03.1990`, or `1990-03-15` (what a browser's date picker
//! sends).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl From<chrono::NaiveDate> for CalendarDate {
    fn from(date: chrono::NaiveDate) -> CalendarDate {
        use chrono::Datelike;
        CalendarDate {
            year: date.year(),
            month: date.month(),
            day: date.day(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthDateError {
    Empty,
    /// Not a date, or a day that does not exist (31/02).
    Invalid,
    /// Today or later.
    NotInThePast,
}

impl CalendarDate {
    /// A real calendar date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(CalendarDate { year, month, day })
    }

    /// Reads a typed date: `15/03/1990`, `15-3-1990`, `15.03.1990` or
    /// `1990-03-15`; `None` unless it is a real calendar day.
    pub fn parse(input: &str) -> Option<CalendarDate> {
        let parts: Vec<&str> = input.trim().split(['/', '-', '.']).map(str::trim).collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|part| part.parse().ok()).collect();
        match (parts.as_slice(), numbers.as_deref()) {
            ([year, _, _], Some([y, m, d])) if year.len() == 4 => {
                CalendarDate::new(*y as i32, *m, *d)
            }
            ([_, _, year], Some([d, m, y])) if year.len() == 4 => {
                CalendarDate::new(*y as i32, *m, *d)
            }
            _ => None,
        }
    }

    /// Reads a typed date of birth and checks it lies before `today`, and no
    /// more than 150 years before it.
    pub fn parse_birth_date(
        input: &str,
        today: CalendarDate,
    ) -> Result<CalendarDate, BirthDateError> {
        if input.trim().is_empty() {
            return Err(BirthDateError::Empty);
        }
        let date = CalendarDate::parse(input).ok_or(BirthDateError::Invalid)?;
        if date >= today {
            return Err(BirthDateError::NotInThePast);
        }
        if date.year < today.year - 150 {
            return Err(BirthDateError::Invalid);
        }
        Ok(date)
    }

    /// `1990-03-15`, as PostgreSQL and `<input type=date>` read it.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `15/03/1990`, as Vietnamese documents write dates.
impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: CalendarDate = CalendarDate {
        year: 2026,
        month: 11,
        day: 22,
    };

    #[test]
    fn vietnamese_and_iso_orders_are_read() {
        let expected = CalendarDate::new(1990, 3, 15).unwrap();
        for typed in ["15/03/1990", "15-3-1990", " 15.03.1990 ", "1990-03-15"] {
            assert_eq!(
                CalendarDate::parse_birth_date(typed, TODAY),
                Ok(expected),
                "{typed}"
            );
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
                CalendarDate::parse_birth_date(typed, TODAY),
                Err(BirthDateError::Invalid),
                "{typed}"
            );
        }
        assert!(CalendarDate::parse_birth_date("29/02/2000", TODAY).is_ok());
    }

    #[test]
    fn a_birth_date_lies_in_the_past() {
        assert_eq!(
            CalendarDate::parse_birth_date("22/11/2026", TODAY),
            Err(BirthDateError::NotInThePast)
        );
        assert_eq!(
            CalendarDate::parse_birth_date("", TODAY),
            Err(BirthDateError::Empty)
        );
        assert!(CalendarDate::parse_birth_date("21/11/2026", TODAY).is_ok());
    }
}
