//! The Vietnamese lunar calendar (âm lịch), as far as the holidays need it:
//! the first day of a lunar year (Tết) and any day of a lunar month.
//!
//! Vietnam's lunar calendar is computed for UTC+7: a month begins on the
//! local day of the new moon, and month 11 is the one that holds the winter
//! solstice. That is why Tết can fall a day apart from China's (1985, 2007).
//! The new moon and the sun's longitude come from the series in Jean Meeus,
//! "Astronomical Algorithms" (1998), chapters 25 and 49, as Hồ Ngọc Đức
//! arranged them for the Vietnamese calendar; they are good to well under an
//! hour for the years a portal plans (1900–2100).

use chrono::NaiveDate;
use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of UTC.
const TIME_ZONE: f64 = 7.0;
/// The Julian day of the new moon of 1 January 1900, the series' epoch.
const EPOCH_NEW_MOON: f64 = 2_415_021.076_998_695;
/// The mean synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// The Julian day number of 1 January of year 1 (proleptic Gregorian) is
/// this plus one.
const JULIAN_DAY_OF_CE: i64 = 1_721_425;

/// A day of the lunar calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LunarDay {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 30.
    pub day: u32,
    /// The month is the leap (nhuận) month after `month`.
    pub leap: bool,
}

/// The solar date of a lunar day, or `None` for a leap month the year does
/// not have. Day 30 of a 29-day month is not checked: it comes out as the
/// next month's first day, so callers ask for days that exist.
pub fn to_solar(lunar: LunarDay) -> Option<NaiveDate> {
    let (a11, b11) = if lunar.month < 11 {
        (month_11(lunar.year - 1), month_11(lunar.year))
    } else {
        (month_11(lunar.year), month_11(lunar.year + 1))
    };
    let k = (0.5 + (a11 as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH).floor() as i64;
    let mut offset = (lunar.month as i64 - 11).rem_euclid(12);
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11);
        let leap_month = (leap_offset - 2).rem_euclid(12);
        if lunar.leap && lunar.month as i64 != leap_month {
            return None;
        }
        if lunar.leap || offset >= leap_offset {
            offset += 1;
        }
    } else if lunar.leap {
        return None;
    }
    let month_start = new_moon_day(k + offset);
    date_of(month_start + i64::from(lunar.day) - 1)
}

/// Mùng 1 Tết of lunar `year`: the solar date its first month begins.
pub fn new_year(year: i32) -> NaiveDate {
    to_solar(LunarDay {
        year,
        month: 1,
        day: 1,
        leap: false,
    })
    .expect("every lunar year has a first month")
}

/// How many days the last month of the lunar year before `year` has (29 or
/// 30): the eve of Tết is "29 tháng Chạp" or "30 tháng Chạp".
pub fn days_in_last_month_before(year: i32) -> u32 {
    let first = julian_day(new_year(year));
    let k = (0.5 + (first as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH).floor() as i64;
    (first - new_moon_day(k - 1)) as u32
}

fn julian_day(date: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date)) + JULIAN_DAY_OF_CE
}

fn date_of(julian_day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(julian_day - JULIAN_DAY_OF_CE).ok()?)
}

/// The local (UTC+7) Julian day number of the `k`-th new moon after the
/// epoch (Meeus ch. 49, the main periodic terms).
fn new_moon_day(k: i64) -> i64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.224_2 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.025_3 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.296_4 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.173_4 - 0.000_393 * t) * (m * dr).sin() + 0.002_1 * (2.0 * dr * m).sin();
    c1 += -0.406_8 * (mpr * dr).sin() + 0.016_1 * (dr * 2.0 * mpr).sin();
    c1 -= 0.000_4 * (dr * 3.0 * mpr).sin();
    c1 += 0.010_4 * (dr * 2.0 * f).sin() - 0.005_1 * (dr * (m + mpr)).sin();
    c1 += -0.007_4 * (dr * (m - mpr)).sin() + 0.000_4 * (dr * (2.0 * f + m)).sin();
    c1 += -0.000_4 * (dr * (2.0 * f - m)).sin() - 0.000_6 * (dr * (2.0 * f + mpr)).sin();
    c1 += 0.001_0 * (dr * (2.0 * f - mpr)).sin() + 0.000_5 * (dr * (2.0 * mpr + m)).sin();
    // ΔT, the difference between dynamical and universal time, in days.
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    let jd_new = jd1 + c1 - delta_t;
    (jd_new + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// Which twelfth of the ecliptic (0 to 11, 30° each from the spring
/// equinox) the sun is in at the start of local day `julian_day` (Meeus
/// ch. 25, low accuracy).
fn sun_sector(julian_day: i64) -> i64 {
    let t = (julian_day as f64 - 2_451_545.5 - TIME_ZONE / 24.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let longitude = ((l0 + dl) * dr).rem_euclid(2.0 * PI);
    (longitude / PI * 6.0).floor() as i64
}

/// The first day of lunar month 11 of `year`, the month of the winter
/// solstice.
fn month_11(year: i32) -> i64 {
    let december_31 = NaiveDate::from_ymd_opt(year, 12, 31).expect("31 December exists");
    let off = julian_day(december_31) - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let new_moon = new_moon_day(k);
    if sun_sector(new_moon) >= 9 {
        new_moon_day(k - 1)
    } else {
        new_moon
    }
}

/// In a year with 13 months, which month after month 11 (counted from 1) is
/// the leap one: the first with no major solar term.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn tet_falls_on_the_days_vietnam_celebrated_it() {
        // Mùng 1 Tết as published in Vietnamese calendars.
        for (year, expected) in [
            (2020, date(2020, 1, 25)),
            (2021, date(2021, 2, 12)),
            (2022, date(2022, 2, 1)),
            (2023, date(2023, 1, 22)),
            (2024, date(2024, 2, 10)),
            (2025, date(2025, 1, 29)),
            (2026, date(2026, 2, 17)),
            (2027, date(2027, 2, 6)),
            (2028, date(2028, 1, 26)),
            (2029, date(2029, 2, 13)),
        ] {
            assert_eq!(new_year(year), expected, "Tết {year}");
        }
    }

    #[test]
    fn vietnam_and_china_differ_where_the_time_zone_moves_the_new_moon() {
        // 1985: Vietnam celebrated on 21 January, China on 20 February.
        assert_eq!(new_year(1985), date(1985, 1, 21));
        // 2007: Vietnam 17 February, China 18 February.
        assert_eq!(new_year(2007), date(2007, 2, 17));
        // 2030: the new moon comes at 23:07 on 2 February in Hà Nội, 00:07
        // on 3 February in Beijing; Tết is a day earlier in Vietnam.
        assert_eq!(new_year(2030), date(2030, 2, 2));
    }

    #[test]
    fn the_hung_kings_day_is_the_tenth_of_the_third_month() {
        let hung_kings = |year| {
            to_solar(LunarDay {
                year,
                month: 3,
                day: 10,
                leap: false,
            })
        };
        assert_eq!(hung_kings(2024), Some(date(2024, 4, 18)));
        assert_eq!(hung_kings(2025), Some(date(2025, 4, 7)));
        assert_eq!(hung_kings(2026), Some(date(2026, 4, 26)));
        assert_eq!(hung_kings(2027), Some(date(2027, 4, 16)));
    }

    #[test]
    fn the_eve_of_tet_is_the_29th_or_the_30th() {
        // 16 Feb 2026 was "29 tháng Chạp", and 5 Feb 2027 is 29 too (the
        // government's Tết plans for both years name them so).
        assert_eq!(days_in_last_month_before(2026), 29);
        assert_eq!(days_in_last_month_before(2027), 29);
        for year in 2000..2100 {
            assert!(matches!(days_in_last_month_before(year), 29 | 30), "{year}");
        }
    }

    #[test]
    fn a_leap_month_exists_only_in_its_year() {
        // 2023 had a leap second month (nhuận tháng 2): 22 March 2023.
        let leap_second = LunarDay {
            year: 2023,
            month: 2,
            day: 1,
            leap: true,
        };
        assert_eq!(to_solar(leap_second), Some(date(2023, 3, 22)));
        assert_eq!(
            to_solar(LunarDay {
                year: 2024,
                ..leap_second
            }),
            None
        );
    }
}
