//! Which days are worked.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use std::collections::BTreeSet;

/// Working days and the working periods within each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingCalendar {
    holidays: BTreeSet<NaiveDate>,
    make_up_days: BTreeSet<NaiveDate>,
    /// The working periods of a day, in order, not overlapping.
    pub periods: Vec<(NaiveTime, NaiveTime)>,
}

fn hm(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time of day")
}

impl WorkingCalendar {
    /// A calendar with these holidays and make-up working days, and the
    /// default working periods 08:00–12:00 and 13:00–17:00.
    pub fn new(
        holidays: impl IntoIterator<Item = NaiveDate>,
        make_up_days: impl IntoIterator<Item = NaiveDate>,
    ) -> Self {
        WorkingCalendar {
            holidays: holidays.into_iter().collect(),
            make_up_days: make_up_days.into_iter().collect(),
            periods: vec![(hm(8, 0), hm(12, 0)), (hm(13, 0), hm(17, 0))],
        }
    }

    /// Whether `day` is worked: a make-up day always is; otherwise Monday to
    /// Friday unless it is a holiday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.make_up_days.contains(&day) {
            return true;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// The first working day strictly after `day`. Holidays are finitely
    /// many, so a weekday that is not one always comes.
    pub fn next_working_day_after(&self, day: NaiveDate) -> NaiveDate {
        let mut next = day;
        loop {
            next = next + Days::new(1);
            if self.is_working_day(next) {
                return next;
            }
        }
    }

    /// `day` itself when it is worked, else the next working day.
    pub fn working_day_on_or_after(&self, day: NaiveDate) -> NaiveDate {
        if self.is_working_day(day) {
            day
        } else {
            self.next_working_day_after(day)
        }
    }

    /// The `n`-th working day after `start` (`start` itself is not counted).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        (0..n).fold(start, |day, _| self.next_working_day_after(day))
    }

    /// The end of the last working period of a day (17:00 by default).
    pub fn end_of_day(&self) -> NaiveTime {
        self.periods.last().map_or(hm(17, 0), |(_, end)| *end)
    }
}
