//! The rules of a calendar change, from the rules in the module's comment.

use super::{check_new_day, may_remove, DayKind, DayRefusal};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Friday 4 December 2026.
fn today() -> NaiveDate {
    day(2026, 12, 4)
}

#[test]
fn a_future_weekday_off_with_a_name_is_accepted() {
    // Thursday 31 December 2026, e.g. an announced swap.
    let refusals = check_new_day(
        day(2026, 12, 31),
        DayKind::Holiday,
        "Nghỉ hoán đổi",
        today(),
        false,
    );
    assert!(refusals.is_empty(), "{refusals:?}");
    // Saturday 9 January 2027 worked in exchange.
    let refusals = check_new_day(day(2027, 1, 9), DayKind::MakeUp, "Làm bù", today(), false);
    assert!(refusals.is_empty(), "{refusals:?}");
}

#[test]
fn today_and_the_past_do_not_change_so_no_deadline_moves() {
    assert_eq!(
        check_new_day(today(), DayKind::Holiday, "x", today(), false),
        vec![DayRefusal::NotAfterToday]
    );
    assert_eq!(
        check_new_day(day(2026, 11, 30), DayKind::Holiday, "x", today(), false),
        vec![DayRefusal::NotAfterToday]
    );
    assert!(!may_remove(today(), today()));
    assert!(!may_remove(day(2026, 9, 2), today()));
    assert!(may_remove(day(2026, 12, 5), today()));
}

#[test]
fn a_day_off_falls_on_a_weekday_and_a_make_up_day_on_a_weekend() {
    // Saturday 2 January 2027 and Monday 4 January 2027.
    assert_eq!(
        check_new_day(day(2027, 1, 2), DayKind::Holiday, "x", today(), false),
        vec![DayRefusal::HolidayOnWeekend]
    );
    assert_eq!(
        check_new_day(day(2027, 1, 4), DayKind::MakeUp, "x", today(), false),
        vec![DayRefusal::MakeUpOnWeekday]
    );
}

#[test]
fn a_day_needs_a_name_and_appears_once() {
    assert_eq!(
        check_new_day(day(2027, 1, 4), DayKind::Holiday, "  ", today(), true),
        vec![DayRefusal::NameMissing, DayRefusal::AlreadyListed]
    );
    let long = "x".repeat(201);
    assert_eq!(
        check_new_day(day(2027, 1, 4), DayKind::Holiday, &long, today(), false),
        vec![DayRefusal::NameMissing]
    );
}

#[test]
fn the_form_values_of_a_kind_read_back() {
    for kind in [DayKind::Holiday, DayKind::MakeUp] {
        assert_eq!(DayKind::parse(kind.as_str()), Some(kind));
    }
    assert_eq!(DayKind::parse("weekend"), None);
}
