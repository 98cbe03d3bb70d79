//! Which days are worked.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use std::collections::BTreeSet;

/// Working days and the working periods within each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingCalendar {
    holidays: BTreeSet<NaiveDate>,
    make_up_days: BTreeSet<NaiveDate>,
    /// The working periods of a day, in order, not overlapping.
    pub periods: Vec<(NaiveTime, NaiveTime)>,
    /// Years whose days off are only proposed (computed from the Labour
    /// Code), not yet confirmed by an administrator: dates in them may move.
    provisional_years: BTreeSet<i32>,
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
            provisional_years: BTreeSet::new(),
        }
    }

    /// The same calendar counted in an agency's own office hours (its
    /// working periods); the default ones when it gives none.
    pub fn with_periods(mut self, periods: Vec<(NaiveTime, NaiveTime)>) -> Self {
        if !periods.is_empty() {
            self.periods = periods;
        }
        self
    }

    /// The same calendar, with `years` marked as only proposed.
    pub fn with_provisional_years(mut self, years: impl IntoIterator<Item = i32>) -> Self {
        self.provisional_years = years.into_iter().collect();
        self
    }

    /// Whether `day` lies in a year whose days off are only proposed: an
    /// appointment on it may move when the government announces the year.
    pub fn is_provisional(&self, day: NaiveDate) -> bool {
        self.provisional_years.contains(&day.year())
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

    /// The last working day strictly before `day` (a week of holidays
    /// and weekends is the longest run there is; looking back 60 days is
    /// plenty, and `day` before that is answered with that day).
    pub fn last_working_day_before(&self, day: NaiveDate) -> NaiveDate {
        let mut previous = day;
        for _ in 0..60 {
            previous = previous - Days::new(1);
            if self.is_working_day(previous) {
                return previous;
            }
        }
        previous
    }

    /// Whether slip 04 issued on `issued` came too late for the rule that
    /// it reaches the applicant at the latest one working day before the
    /// appointment `due` (Decree 61/2018 art. 19(4)(c), kept by Decree
    /// 118/2025): issued after the last working day before the day of the
    /// appointment. (One issued after the appointment itself is overdue,
    /// which the slip says on its own.)
    pub fn apology_is_late(&self, issued: NaiveDate, due: NaiveDateTime) -> bool {
        issued > self.last_working_day_before(due.date())
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

    /// The working days from `from` (counted) up to `until` (not counted):
    /// how long the clock stood still for a pause from one day to the other.
    pub fn working_days_between(&self, from: NaiveDate, until: NaiveDate) -> u32 {
        from.iter_days()
            .take_while(|day| *day < until)
            .filter(|day| self.is_working_day(*day))
            .count() as u32
    }

    /// `due` moved later by the `paused` working days, at the same time of day.
    pub fn extend_by_pause(&self, due: NaiveDateTime, paused: u32) -> NaiveDateTime {
        self.add_working_days(due.date(), paused)
            .and_time(due.time())
    }

    /// The end of the last working period of a day (17:00 by default).
    pub fn end_of_day(&self) -> NaiveTime {
        self.periods.last().map_or(hm(17, 0), |(_, end)| *end)
    }

    /// Walks forward through the working periods from `start`, spending
    /// `minutes` of working time.
    pub fn add_working_minutes(&self, start: NaiveDateTime, minutes: i64) -> NaiveDateTime {
        let mut remaining = TimeDelta::minutes(minutes.max(0));
        let mut day = start.date();
        let mut cursor = start.time();
        loop {
            if self.is_working_day(day) {
                for (begin, end) in &self.periods {
                    if cursor >= *end {
                        continue;
                    }
                    let from = cursor.max(*begin);
                    let available = *end - from;
                    if remaining <= available {
                        return day.and_time(from + remaining);
                    }
                    remaining -= available;
                    cursor = *end;
                }
            }
            day = self.next_working_day_after(day);
            cursor = NaiveTime::MIN;
        }
    }

    /// The working minutes from `from` until `until` (0 when `until` is not
    /// later): what was left of a step's time when its clock stopped.
    pub fn working_minutes_between(&self, from: NaiveDateTime, until: NaiveDateTime) -> i64 {
        let mut minutes = 0;
        let mut day = from.date();
        while day <= until.date() {
            if self.is_working_day(day) {
                for (begin, end) in &self.periods {
                    let start = day.and_time(*begin).max(from);
                    let stop = day.and_time(*end).min(until);
                    if stop > start {
                        minutes += (stop - start).num_minutes();
                    }
                }
            }
            day = day + Days::new(1);
        }
        minutes
    }
}

#[cfg(test)]
mod pause_tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Tết 2027 (5 Feb–11 Feb) and 30/4–1/5, with a make-up Saturday.
    fn calendar() -> WorkingCalendar {
        let tet = (5..=11).map(|day| date(2027, 2, day));
        WorkingCalendar::new(
            tet.chain([date(2027, 4, 30), date(2027, 5, 1)]),
            [date(2027, 1, 30)],
        )
    }

    proptest! {
        #[test]
        fn a_pause_of_k_working_days_moves_the_due_date_by_exactly_k(
            start in 0u64..300, k in 0u32..15, due_offset in 0u32..30,
        ) {
            let calendar = calendar();
            let paused_on = calendar.working_day_on_or_after(date(2027, 1, 1) + Days::new(start));
            let resumed_on = calendar.add_working_days(paused_on, k);
            prop_assert_eq!(calendar.working_days_between(paused_on, resumed_on), k);
            let due = calendar.add_working_days(paused_on, due_offset).and_hms_opt(17, 0, 0).unwrap();
            let moved = calendar.extend_by_pause(due, k);
            prop_assert!(calendar.is_working_day(moved.date()));
            prop_assert_eq!(calendar.working_days_between(due.date(), moved.date()), k);
            prop_assert_eq!(moved.time(), due.time());
        }
    }

    proptest! {
        #[test]
        fn spending_working_minutes_and_counting_them_agree(
            start_day in 0u64..300, start_minute in 0i64..1440, minutes in 0i64..20_000,
        ) {
            let calendar = calendar();
            let start = (date(2027, 1, 1) + Days::new(start_day)).and_hms_opt(0, 0, 0).unwrap()
                + TimeDelta::minutes(start_minute);
            let end = calendar.add_working_minutes(start, minutes);
            prop_assert!(end >= start);
            prop_assert_eq!(calendar.working_minutes_between(start, end), minutes);
        }
    }

    #[test]
    fn a_pause_over_tet_counts_only_working_days() {
        // Paused Thursday 4 Feb, resumed Friday 12 Feb: Tết in between.
        assert_eq!(
            calendar().working_days_between(date(2027, 2, 4), date(2027, 2, 12)),
            1
        );
        assert_eq!(
            calendar().working_days_between(date(2027, 2, 4), date(2027, 2, 4)),
            0
        );
    }

    #[test]
    fn slip_04_must_come_by_the_last_working_day_before_the_appointment() {
        let due = |y, m, d| date(y, m, d).and_hms_opt(17, 0, 0).unwrap();
        // Due Friday 12 Feb 2027, the first working day after Tết (5–11
        // Feb): the apology must be out on Thursday 4 Feb.
        assert!(!calendar().apology_is_late(date(2027, 2, 1), due(2027, 2, 12)));
        assert!(!calendar().apology_is_late(date(2027, 2, 4), due(2027, 2, 12)));
        assert!(calendar().apology_is_late(date(2027, 2, 5), due(2027, 2, 12)));
        assert!(calendar().apology_is_late(date(2027, 2, 12), due(2027, 2, 12)));
        // An ordinary Wednesday appointment: Tuesday at the latest.
        assert!(!calendar().apology_is_late(date(2027, 3, 9), due(2027, 3, 10)));
        assert!(calendar().apology_is_late(date(2027, 3, 10), due(2027, 3, 10)));
        // Due Monday 3 May 2027 after 30 April and 1 May: Thursday 29 April.
        assert_eq!(
            calendar().last_working_day_before(date(2027, 5, 3)),
            date(2027, 4, 29)
        );
        // A make-up Saturday is a working day: due Monday 1 Feb 2027, the
        // Saturday before (30 Jan) still counts.
        assert!(!calendar().apology_is_late(date(2027, 1, 30), due(2027, 2, 1)));
    }
}
