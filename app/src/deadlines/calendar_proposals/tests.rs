//! The proposals against the plans the government announced, and the
//! Labour Code's rules on any year.

use super::*;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn days_of(year: i32) -> Vec<(NaiveDate, String)> {
    proposed_days_off(year)
        .into_iter()
        .map(|day| (day.day, day.name))
        .collect()
}

fn named(days: &[(NaiveDate, &str)]) -> Vec<(NaiveDate, String)> {
    days.iter()
        .map(|(day, name)| (*day, name.to_string()))
        .collect()
}

#[test]
fn the_2026_proposal_is_the_plan_that_was_announced() {
    assert_eq!(
        days_of(2026),
        named(&[
            (date(2026, 1, 1), "Tết Dương lịch"),
            (date(2026, 2, 16), "Tết Nguyên đán Bính Ngọ (29 tháng Chạp)"),
            (date(2026, 2, 17), "Tết Nguyên đán Bính Ngọ (mùng 1)"),
            (date(2026, 2, 18), "Tết Nguyên đán Bính Ngọ (mùng 2)"),
            (date(2026, 2, 19), "Tết Nguyên đán Bính Ngọ (mùng 3)"),
            (date(2026, 2, 20), "Tết Nguyên đán Bính Ngọ (mùng 4)"),
            (
                date(2026, 4, 27),
                "Giỗ Tổ Hùng Vương (nghỉ bù cho Chủ nhật 26/4)"
            ),
            (date(2026, 4, 30), "Ngày Chiến thắng"),
            (date(2026, 5, 1), "Ngày Quốc tế Lao động"),
            (date(2026, 9, 1), "Quốc khánh (ngày liền kề)"),
            (date(2026, 9, 2), "Quốc khánh"),
        ])
    );
}

#[test]
fn the_2027_proposal_is_the_plan_that_was_announced() {
    // Mùng 1 and mùng 2 fall on the weekend: Wednesday 10 and Thursday 11
    // February are given in lieu. The eve, 5 February, is 29 tháng Chạp.
    assert_eq!(
        days_of(2027),
        named(&[
            (date(2027, 1, 1), "Tết Dương lịch"),
            (date(2027, 2, 5), "Tết Nguyên đán Đinh Mùi (29 tháng Chạp)"),
            (date(2027, 2, 8), "Tết Nguyên đán Đinh Mùi (mùng 3)"),
            (date(2027, 2, 9), "Tết Nguyên đán Đinh Mùi (mùng 4)"),
            (
                date(2027, 2, 10),
                "Tết Nguyên đán Đinh Mùi (nghỉ bù cho Thứ Bảy mùng 1)"
            ),
            (
                date(2027, 2, 11),
                "Tết Nguyên đán Đinh Mùi (nghỉ bù cho Chủ nhật mùng 2)"
            ),
            (date(2027, 4, 16), "Giỗ Tổ Hùng Vương"),
            (date(2027, 4, 30), "Ngày Chiến thắng"),
            (
                date(2027, 5, 3),
                "Ngày Quốc tế Lao động (nghỉ bù cho Thứ Bảy 1/5)"
            ),
            (date(2027, 9, 2), "Quốc khánh"),
            (date(2027, 9, 3), "Quốc khánh (ngày liền kề)"),
        ])
    );
}

#[test]
fn in_2028_tet_starts_on_26_january_and_new_year_on_a_saturday_gives_monday_off() {
    let days = days_of(2028);
    let off: Vec<NaiveDate> = days.iter().map(|(day, _)| *day).collect();
    // 1/1/2028 is a Saturday: Monday 3 January in lieu.
    assert!(off.contains(&date(2028, 1, 3)), "{days:?}");
    // Tết Mậu Thân: eve Tuesday 25 Jan, mùng 1–3 Wednesday to Friday, mùng 4
    // on Saturday 29 → Monday 31 January in lieu.
    for day in [25, 26, 27, 28, 31] {
        assert!(off.contains(&date(2028, 1, day)), "{day} Jan in {days:?}");
    }
    assert!(days
        .iter()
        .any(|(_, name)| name.starts_with("Tết Nguyên đán Mậu Thân")));
}

#[test]
fn every_year_has_eleven_weekdays_off_and_none_on_a_weekend() {
    // 11 days of holiday in art. 112(1): 1 + 5 + 1 + 1 + 1 + 2.
    for year in 2026..2100 {
        let days = proposed_days_off(year);
        assert_eq!(days.len(), 11, "{year}: {days:?}");
        let distinct: BTreeSet<NaiveDate> = days.iter().map(|day| day.day).collect();
        assert_eq!(distinct.len(), 11, "{year}: two holidays on one day");
        assert!(
            days.iter().all(|day| !is_weekend(day.day)),
            "{year}: {days:?}"
        );
    }
}

#[test]
fn lunar_years_are_named_by_stem_and_branch() {
    assert_eq!(year_name(2026), "Bính Ngọ");
    assert_eq!(year_name(2027), "Đinh Mùi");
    assert_eq!(year_name(2024), "Giáp Thìn");
    assert_eq!(year_name(2000), "Canh Thìn");
}
