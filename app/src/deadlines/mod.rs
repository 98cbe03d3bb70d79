//! The deadline engine: when a dossier's result is due (ngày hẹn trả).
//!
//! Pure Rust on plain dates, shared by the server and the browser:
//! - [`WorkingCalendar`] knows which days are worked: Monday to Friday, minus
//!   holidays, plus the make-up working days (ngày làm bù) the government
//!   announces. Its data is the `calendar_days` table, edited per year.
//! - [`appointment`] applies a procedure's processing time to a receipt
//!   moment: in working days, the N-th working day after the day of receipt
//!   (which is not counted), where a receipt after the cut-off time, after
//!   office hours or on a day off counts as received on the next working
//!   day; same-day procedures by the close of that day; in working hours,
//!   hours inside the working periods (08:00–12:00, 13:00–17:00).
//!
//! All times are Vietnam's local time (UTC+7, no daylight saving):
//! [`vietnam_local`] converts.

mod appointment;
mod calendar;
pub mod calendar_proposals;
pub mod lunar;
pub mod office_hours;
#[cfg(feature = "ssr")]
pub mod store;

pub use appointment::{
    appointment, parse_cutoff, vietnam_instant, vietnam_local, Appointment, ProcessingSpan,
    SAME_DAY_CUTOFF,
};
pub use calendar::WorkingCalendar;

/// A day as officials type it (`25/12/2026`, `25-12-2026`) or a date input
/// sends it (`2026-12-25`); `None` for anything that is not a real day.
pub fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    crate::accounts::birth_date::parse_typed_date(text)
}

#[cfg(test)]
mod parse_day_tests {
    use super::parse_day;

    #[test]
    fn typed_and_date_input_days_are_read_and_impossible_ones_are_not() {
        let christmas = chrono::NaiveDate::from_ymd_opt(2026, 12, 25);
        assert_eq!(parse_day("25/12/2026"), christmas);
        assert_eq!(parse_day("2026-12-25"), christmas);
        assert_eq!(parse_day("31/02/2026"), None);
        assert_eq!(parse_day("soon"), None);
    }
}
