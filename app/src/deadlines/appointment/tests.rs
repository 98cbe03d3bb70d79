//! The deadline rules on hand-built cases, written from the rules.

use super::*;
use chrono::{Datelike, Weekday};
use proptest::prelude::*;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    date(year, month, day).and_hms_opt(hour, minute, 0).unwrap()
}

/// The 2026 defaults the migration ships (see `calendar_days`).
fn calendar_2026() -> WorkingCalendar {
    WorkingCalendar::new(
        [
            date(2026, 1, 1),
            date(2026, 2, 16),
            date(2026, 2, 17),
            date(2026, 2, 18),
            date(2026, 2, 19),
            date(2026, 2, 20),
            date(2026, 4, 27),
            date(2026, 4, 30),
            date(2026, 5, 1),
            date(2026, 9, 1),
            date(2026, 9, 2),
        ],
        [],
    )
}

fn days(n: u32) -> ProcessingSpan {
    ProcessingSpan::WorkingDays(n)
}

const THREE_PM: Option<NaiveTime> = NaiveTime::from_hms_opt(15, 0, 0);

#[test]
fn the_day_of_receipt_is_not_counted() {
    // Monday 9 March 2026, 3 working days → Thursday 12 March.
    let result = appointment(&calendar_2026(), at(2026, 3, 9, 9, 0), days(3), THREE_PM);
    assert_eq!(result.counted_from, date(2026, 3, 9));
    assert_eq!(result.due, at(2026, 3, 12, 17, 0));
}

#[test]
fn after_the_cut_off_counts_from_the_next_working_day() {
    let calendar = calendar_2026();
    let before = appointment(&calendar, at(2026, 3, 13, 15, 0), days(1), THREE_PM);
    assert_eq!(
        before.due.date(),
        date(2026, 3, 16),
        "Friday 15:00 sharp is still Friday"
    );
    let after = appointment(&calendar, at(2026, 3, 13, 15, 1), days(1), THREE_PM);
    assert_eq!(
        after.counted_from,
        date(2026, 3, 16),
        "Friday 15:01 counts as Monday"
    );
    assert_eq!(after.due.date(), date(2026, 3, 17));
}

#[test]
fn tet_2026_is_skipped() {
    // Filed Friday 13 Feb 2026 (before Tết), 5 working days: the week of
    // 16–20 Feb is off, so 23, 24, 25, 26 Feb and 27 Feb.
    let result = appointment(&calendar_2026(), at(2026, 2, 13, 10, 0), days(5), THREE_PM);
    assert_eq!(result.due.date(), date(2026, 2, 27));
    // Filed during Tết: counts from Monday 23 Feb.
    let during = appointment(&calendar_2026(), at(2026, 2, 18, 10, 0), days(1), THREE_PM);
    assert_eq!(during.counted_from, date(2026, 2, 23));
    assert_eq!(during.due.date(), date(2026, 2, 24));
}

#[test]
fn reunification_and_labour_days_are_skipped() {
    // Wednesday 29 April 2026, 2 working days: 30/4 and 1/5 off, weekend → Tue 5 May.
    let result = appointment(&calendar_2026(), at(2026, 4, 29, 8, 30), days(2), THREE_PM);
    assert_eq!(result.due.date(), date(2026, 5, 5));
}

#[test]
fn national_day_is_skipped() {
    // Monday 31 Aug 2026, 1 working day: 1/9 and 2/9 off → Thursday 3 Sept.
    let result = appointment(&calendar_2026(), at(2026, 8, 31, 14, 0), days(1), THREE_PM);
    assert_eq!(result.due.date(), date(2026, 9, 3));
}

#[test]
fn a_make_up_saturday_is_worked() {
    let calendar = WorkingCalendar::new([date(2026, 1, 2)], [date(2026, 1, 10)]);
    // Friday 9 Jan, 1 working day → the make-up Saturday 10 Jan.
    let result = appointment(&calendar, at(2026, 1, 9, 9, 0), days(1), None);
    assert_eq!(result.due.date(), date(2026, 1, 10));
}

#[test]
fn hours_are_counted_inside_working_periods() {
    let calendar = calendar_2026();
    let hours = |n| ProcessingSpan::WorkingHours(n);
    // Monday 10:00 + 4 h: 10–12 and 13–15.
    assert_eq!(
        appointment(&calendar, at(2026, 3, 9, 10, 0), hours(4), None).due,
        at(2026, 3, 9, 15, 0)
    );
    // Friday 16:00 + 2 h: 16–17, then Monday 08–09.
    assert_eq!(
        appointment(&calendar, at(2026, 3, 13, 16, 0), hours(2), None).due,
        at(2026, 3, 16, 9, 0)
    );
    // Received at lunch: counting starts at 13:00.
    assert_eq!(
        appointment(&calendar, at(2026, 3, 9, 12, 20), hours(1), None).due,
        at(2026, 3, 9, 14, 0)
    );
    // Received on a Sunday evening: Monday 08:00 + 8 h = Monday 17:00.
    assert_eq!(
        appointment(&calendar, at(2026, 3, 8, 20, 0), hours(8), None).due,
        at(2026, 3, 9, 17, 0)
    );
}

// Same-day procedures (khai sinh, chứng thực…): "giải quyết ngay trong
// ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo".
#[test]
fn a_same_day_procedure_received_in_the_morning_is_due_that_evening() {
    // Monday 9 March 2026, 09:00: due Monday 17:00, not Tuesday.
    let result = appointment(
        &calendar_2026(),
        at(2026, 3, 9, 9, 0),
        ProcessingSpan::SameDay,
        None,
    );
    assert_eq!(result.counted_from, date(2026, 3, 9));
    assert_eq!(result.due, at(2026, 3, 9, 17, 0));
}

#[test]
fn a_same_day_procedure_received_after_15_is_due_the_next_working_day() {
    let calendar = calendar_2026();
    let same_day = ProcessingSpan::SameDay;
    // Friday 13 March 2026 at 15:00 sharp: still Friday.
    assert_eq!(
        appointment(&calendar, at(2026, 3, 13, 15, 0), same_day, None).due,
        at(2026, 3, 13, 17, 0)
    );
    // Friday 16:00: Monday 16 March, not Tuesday.
    assert_eq!(
        appointment(&calendar, at(2026, 3, 13, 16, 0), same_day, THREE_PM).due,
        at(2026, 3, 16, 17, 0)
    );
    // A procedure's own earlier cut-off wins over 15:00.
    let two_pm = NaiveTime::from_hms_opt(14, 0, 0);
    assert_eq!(
        appointment(&calendar, at(2026, 3, 9, 14, 30), same_day, two_pm).due,
        at(2026, 3, 10, 17, 0)
    );
}

#[test]
fn a_same_day_procedure_received_on_a_day_off_is_due_the_next_working_day() {
    let calendar = calendar_2026();
    // Saturday 14 March 2026 at 09:00 → Monday 16 March.
    assert_eq!(
        appointment(
            &calendar,
            at(2026, 3, 14, 9, 0),
            ProcessingSpan::SameDay,
            None
        )
        .due,
        at(2026, 3, 16, 17, 0)
    );
    // 30 April 2026 (holiday), then 1 May, the weekend → Monday 4 May.
    assert_eq!(
        appointment(
            &calendar,
            at(2026, 4, 30, 9, 0),
            ProcessingSpan::SameDay,
            None
        )
        .due,
        at(2026, 5, 4, 17, 0)
    );
}

// Out of office hours: received after closing, on a weekend or a holiday,
// a dossier counts as received at the start of the next working day,
// whether or not the procedure has a cut-off.
#[test]
fn a_dossier_received_in_the_evening_counts_from_the_next_working_day() {
    let calendar = calendar_2026();
    // Monday 9 March 2026, 20:00, 3 working days, no cut-off: counted
    // from Tuesday 10, due Friday 13.
    let evening = appointment(&calendar, at(2026, 3, 9, 20, 0), days(3), None);
    assert_eq!(evening.counted_from, date(2026, 3, 10));
    assert_eq!(evening.due, at(2026, 3, 13, 17, 0));
    // At 17:00 sharp the office is still open: Monday counts.
    let closing = appointment(&calendar, at(2026, 3, 9, 17, 0), days(3), None);
    assert_eq!(closing.counted_from, date(2026, 3, 9));
    // Before opening, the day has not started: Monday counts.
    let early = appointment(&calendar, at(2026, 3, 9, 6, 30), days(3), None);
    assert_eq!(early.counted_from, date(2026, 3, 9));
    assert_eq!(early.due, at(2026, 3, 12, 17, 0));
}

#[test]
fn a_dossier_received_on_a_weekend_without_cut_off_counts_from_monday() {
    // Sunday 15 March 2026, 10:00, 2 working days → counted Monday 16, due Wednesday 18.
    let result = appointment(&calendar_2026(), at(2026, 3, 15, 10, 0), days(2), None);
    assert_eq!(result.counted_from, date(2026, 3, 16));
    assert_eq!(result.due, at(2026, 3, 18, 17, 0));
}

#[test]
fn an_hour_based_dossier_received_in_the_evening_counts_from_the_next_morning() {
    // Monday 20:00 + 2 h: Tuesday 08:00–10:00, counted from Tuesday.
    let result = appointment(
        &calendar_2026(),
        at(2026, 3, 9, 20, 0),
        ProcessingSpan::WorkingHours(2),
        None,
    );
    assert_eq!(result.counted_from, date(2026, 3, 10));
    assert_eq!(result.due, at(2026, 3, 10, 10, 0));
}

#[test]
fn vietnam_is_seven_hours_ahead_of_utc() {
    let instant = DateTime::parse_from_rfc3339("2026-03-09T08:30:00Z")
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(vietnam_local(instant), at(2026, 3, 9, 15, 30));
}

fn any_moment() -> impl Strategy<Value = NaiveDateTime> {
    (0i64..(2 * 366 * 24 * 60))
        .prop_map(|minutes| at(2026, 1, 1, 0, 0) + TimeDelta::minutes(minutes))
}

proptest! {
    #[test]
    fn the_due_day_is_a_working_day_and_never_before_receipt(received in any_moment(), n in 0u32..60) {
        let calendar = calendar_2026();
        let result = appointment(&calendar, received, days(n), THREE_PM);
        prop_assert!(calendar.is_working_day(result.due.date()));
        prop_assert!(result.due.date() >= received.date());
        prop_assert!(result.counted_from >= received.date());
        prop_assert!(!matches!(result.due.date().weekday(), Weekday::Sat | Weekday::Sun));
    }

    #[test]
    fn adding_n_then_m_days_is_adding_n_plus_m(start in any_moment(), n in 0u32..40, m in 0u32..40) {
        let calendar = calendar_2026();
        let day = calendar.working_day_on_or_after(start.date());
        prop_assert_eq!(
            calendar.add_working_days(calendar.add_working_days(day, n), m),
            calendar.add_working_days(day, n + m)
        );
    }

    #[test]
    fn more_time_never_gives_an_earlier_date(received in any_moment(), n in 0u32..40) {
        let calendar = calendar_2026();
        let shorter = appointment(&calendar, received, days(n), THREE_PM);
        let longer = appointment(&calendar, received, days(n + 1), THREE_PM);
        prop_assert!(longer.due > shorter.due);
    }

    #[test]
    fn same_day_is_never_later_than_one_working_day(received in any_moment()) {
        let calendar = calendar_2026();
        let same_day = appointment(&calendar, received, ProcessingSpan::SameDay, THREE_PM);
        let one_day = appointment(&calendar, received, days(1), THREE_PM);
        prop_assert!(same_day.due < one_day.due);
        prop_assert_eq!(same_day.due.date(), same_day.counted_from);
        prop_assert!(calendar.is_working_day(same_day.due.date()));
    }

    #[test]
    fn hour_based_results_fall_inside_a_working_period(received in any_moment(), hours in 1u32..30) {
        let calendar = calendar_2026();
        let due = appointment(&calendar, received, ProcessingSpan::WorkingHours(hours), None).due;
        prop_assert!(calendar.is_working_day(due.date()));
        prop_assert!(calendar.periods.iter().any(|(begin, end)| due.time() > *begin && due.time() <= *end));
        prop_assert!(due > received);
    }
}
