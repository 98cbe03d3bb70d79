//! The period a report covers: whole days, both ends included.

use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// This month up to `today`.
    pub fn month_so_far(today: NaiveDate) -> Period {
        Period {
            from: today.with_day(1).unwrap_or(today),
            to: today,
        }
    }

    /// The quarter before the one `today` is in.
    pub fn last_quarter(today: NaiveDate) -> Period {
        let quarter_start_month = (today.month0() / 3) * 3 + 1;
        let this_quarter =
            NaiveDate::from_ymd_opt(today.year(), quarter_start_month, 1).unwrap_or(today);
        let to = this_quarter.pred_opt().unwrap_or(today);
        let from = NaiveDate::from_ymd_opt(to.year(), (to.month0() / 3) * 3 + 1, 1).unwrap_or(to);
        Period { from, to }
    }

    /// This year up to `today`.
    pub fn year_so_far(today: NaiveDate) -> Period {
        Period {
            from: NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
            to: today,
        }
    }

    /// The period asked for; this month so far, and why, when it cannot be
    /// used.
    pub fn asked(
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
        lang: Lang,
    ) -> (Period, Option<String>) {
        let read = |text: Option<&str>| {
            text.filter(|text| !text.trim().is_empty())
                .map(crate::deadlines::parse_day)
        };
        match (read(from), read(to)) {
            (None, None) => (Period::month_so_far(today), None),
            (Some(Some(from)), Some(Some(to))) if from <= to => (Period { from, to }, None),
            (Some(Some(_)), Some(Some(_))) => (
                Period::month_so_far(today),
                Some(lang.texts().statistics.period_reversed.to_string()),
            ),
            _ => (
                Period::month_so_far(today),
                Some(lang.texts().statistics.period_incomplete.to_string()),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_quick_periods() {
        let today = day(2026, 12, 1);
        assert_eq!(
            Period::last_quarter(today),
            Period {
                from: day(2026, 7, 1),
                to: day(2026, 9, 30)
            }
        );
        assert_eq!(
            Period::last_quarter(day(2027, 2, 10)),
            Period {
                from: day(2026, 10, 1),
                to: day(2026, 12, 31)
            }
        );
        assert_eq!(Period::month_so_far(today).from, today);
        assert_eq!(Period::year_so_far(today).from, day(2026, 1, 1));
    }

    #[test]
    fn a_reversed_period_falls_back_and_says_why() {
        let (period, problem) = Period::asked(
            Some("2026-12-31"),
            Some("2026-10-01"),
            day(2026, 12, 15),
            Lang::Vi,
        );
        assert_eq!(period.from, day(2026, 12, 1));
        assert!(problem.unwrap().contains("phải trước"));
        let (period, problem) = Period::asked(
            Some("01/10/2026"),
            Some("31/12/2026"),
            day(2026, 12, 15),
            Lang::Vi,
        );
        assert_eq!(
            (period.from, period.to, problem),
            (day(2026, 10, 1), day(2026, 12, 31), None)
        );
    }
}
