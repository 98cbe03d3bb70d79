//! How long an agency has to handle a field report: its category says at
//! once, a number of working hours, or a number of working days, counted
//! on the working calendar from when the report was received. No law sets
//! these times; the province chooses them per category (as Huế's Hue-S and
//! Hồ Chí Minh City's 1022 do), and `docs/legal-basis.md` says so.

use crate::deadlines::WorkingCalendar;
use chrono::{NaiveDateTime, TimeDelta};

/// A category's time to handle a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sla {
    /// At once: within this many hours, day or night (a tree fallen across
    /// a road does not wait for office hours).
    Immediate(u32),
    WorkingHours(u32),
    WorkingDays(u32),
}

impl Sla {
    /// The time as stored (`unit`, `amount`), when the two agree.
    pub fn stored(unit: &str, amount: Option<i32>) -> Option<Sla> {
        let amount = amount
            .and_then(|amount| u32::try_from(amount).ok())
            .filter(|n| *n > 0);
        match (unit, amount) {
            ("immediate", Some(hours)) => Some(Sla::Immediate(hours)),
            ("working_hours", Some(hours)) => Some(Sla::WorkingHours(hours)),
            ("working_days", Some(days)) => Some(Sla::WorkingDays(days)),
            _ => None,
        }
    }

    /// When a report received at `received` (Vietnam time) is due. Working
    /// hours are spent through the calendar's working periods; working
    /// days are the same working time that many working days later (a
    /// report received outside the periods starts at the next one).
    pub fn due(self, calendar: &WorkingCalendar, received: NaiveDateTime) -> NaiveDateTime {
        match self {
            Sla::Immediate(hours) => received + TimeDelta::hours(i64::from(hours)),
            Sla::WorkingHours(hours) => {
                calendar.add_working_minutes(received, i64::from(hours) * 60)
            }
            Sla::WorkingDays(days) => {
                let day_minutes: i64 = calendar
                    .periods
                    .iter()
                    .map(|(begin, end)| (*end - *begin).num_minutes())
                    .sum();
                calendar.add_working_minutes(received, i64::from(days) * day_minutes)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(hour, minute, 0)
            .unwrap()
    }

    /// 30 April 2027 (a Friday) is a holiday; 1 May falls on the Saturday.
    fn calendar() -> WorkingCalendar {
        WorkingCalendar::new(
            [
                NaiveDate::from_ymd_opt(2027, 4, 30).unwrap(),
                NaiveDate::from_ymd_opt(2027, 5, 1).unwrap(),
            ],
            [],
        )
    }

    #[test]
    fn working_hours_stop_over_the_weekend() {
        // Friday 23 April 16:00 + 4 working hours: one hour on Friday,
        // three on Monday morning.
        let due = Sla::WorkingHours(4).due(&calendar(), at(2027, 4, 23, 16, 0));
        assert_eq!(due, at(2027, 4, 26, 11, 0));
        // Received on Saturday night: counted from Monday 08:00.
        let due = Sla::WorkingHours(8).due(&calendar(), at(2027, 4, 24, 22, 0));
        assert_eq!(due, at(2027, 4, 26, 17, 0));
    }

    #[test]
    fn working_days_skip_the_holiday_and_the_weekend() {
        // Thursday 29 April 10:00 + 2 working days: Friday 30 April is a
        // holiday, then the weekend; Monday 3 May is the first day, and
        // the time runs out on Tuesday 4 May at 10:00.
        let due = Sla::WorkingDays(2).due(&calendar(), at(2027, 4, 29, 10, 0));
        assert_eq!(due, at(2027, 5, 4, 10, 0));
        // One working day from Thursday morning: Monday, the same hour.
        let due = Sla::WorkingDays(1).due(&calendar(), at(2027, 4, 29, 9, 30));
        assert_eq!(due, at(2027, 5, 3, 9, 30));
    }

    #[test]
    fn at_once_counts_clock_hours_day_or_night() {
        let due = Sla::Immediate(2).due(&calendar(), at(2027, 4, 25, 23, 0));
        assert_eq!(due, at(2027, 4, 26, 1, 0));
    }

    #[test]
    fn a_stored_time_must_be_whole() {
        assert_eq!(Sla::stored("immediate", Some(2)), Some(Sla::Immediate(2)));
        assert_eq!(
            Sla::stored("working_days", Some(3)),
            Some(Sla::WorkingDays(3))
        );
        assert_eq!(Sla::stored("working_hours", Some(0)), None);
        assert_eq!(Sla::stored("working_days", None), None);
        assert_eq!(
            Sla::stored("immediate", None),
            None,
            "at once, but within how long?"
        );
        assert_eq!(Sla::stored("weeks", Some(1)), None);
    }
}
