//! The days off a year will most likely have, before the government
//! announces its plan. They come from the Labour Code, art. 112:
//! - 1/1;
//! - Tết: 5 days, proposed as the eve (29 or 30 tháng Chạp) and mùng 1–4;
//! - Giỗ Tổ Hùng Vương (10/3 lunar);
//! - 30/4 and 1/5;
//! - 2/9 and one adjacent day.
//!
//! A holiday that falls on a Saturday or Sunday gives a day off in lieu
//! (nghỉ bù) on the next working day (art. 112(3)).
//!
//! The government fixes each year's Tết and adjacent days itself, sometimes
//! with swapped working days. So these are proposals: an administrator
//! confirms a year, and until then the officials' pages say that its dates
//! may move. Lunar dates are computed for UTC+7 (`super::lunar`).

use super::lunar::{self, LunarDay};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// A proposed day off: a weekday, with its name as the calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedDay {
    pub day: NaiveDate,
    pub name: String,
}

/// One holiday of the year, on whatever day of the week it falls.
struct Holiday {
    day: NaiveDate,
    /// "Tết Dương lịch", "Quốc khánh", …
    name: String,
    /// What sets it apart from the other days of the same holiday ("mùng
    /// 1", "ngày liền kề"); also names it in a day in lieu.
    detail: Option<String>,
}

impl Holiday {
    fn full_name(&self) -> String {
        match &self.detail {
            Some(detail) => format!("{} ({detail})", self.name),
            None => self.name.clone(),
        }
    }

    /// How a day in lieu refers to it: "mùng 1", or the day and month.
    fn short(&self) -> String {
        match &self.detail {
            Some(detail) if detail.starts_with("mùng") => detail.clone(),
            _ => format!("{}/{}", self.day.day(), self.day.month()),
        }
    }
}

/// The weekdays off proposed for `year`, in date order: holidays that fall
/// on a weekday, and days in lieu for those that fall on a weekend.
pub fn proposed_days_off(year: i32) -> Vec<ProposedDay> {
    let holidays = holidays_of(year);
    let holiday_days: BTreeSet<NaiveDate> = holidays.iter().map(|holiday| holiday.day).collect();
    let mut off = BTreeSet::new();
    let mut days = Vec::new();
    for holiday in &holidays {
        // Two holidays on one day (Giỗ Tổ can fall on 30/4) give the second
        // a day in lieu too.
        if !is_weekend(holiday.day) && off.insert(holiday.day) {
            days.push(ProposedDay {
                day: holiday.day,
                name: holiday.full_name(),
            });
            continue;
        }
        let mut in_lieu = holiday.day + Days::new(1);
        while is_weekend(in_lieu) || holiday_days.contains(&in_lieu) || off.contains(&in_lieu) {
            in_lieu = in_lieu + Days::new(1);
        }
        off.insert(in_lieu);
        let reason = match holiday.day.weekday() {
            Weekday::Sat => format!("Thứ Bảy {}", holiday.short()),
            Weekday::Sun => format!("Chủ nhật {}", holiday.short()),
            _ => holiday.short(),
        };
        days.push(ProposedDay {
            day: in_lieu,
            name: format!("{} (nghỉ bù cho {reason})", holiday.name),
        });
    }
    days.sort_by_key(|day| day.day);
    days
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a fixed holiday exists every year")
}

fn holidays_of(year: i32) -> Vec<Holiday> {
    let plain = |day, name: &str| Holiday {
        day,
        name: name.to_string(),
        detail: None,
    };
    let mut holidays = vec![plain(date(year, 1, 1), "Tết Dương lịch")];

    let tet_name = format!("Tết Nguyên đán {}", year_name(year));
    let first = lunar::new_year(year);
    holidays.push(Holiday {
        day: first - Days::new(1),
        name: tet_name.clone(),
        detail: Some(format!(
            "{} tháng Chạp",
            lunar::days_in_last_month_before(year)
        )),
    });
    for n in 1..=4u64 {
        holidays.push(Holiday {
            day: first + Days::new(n - 1),
            name: tet_name.clone(),
            detail: Some(format!("mùng {n}")),
        });
    }

    let hung_kings = lunar::to_solar(LunarDay {
        year,
        month: 3,
        day: 10,
        leap: false,
    })
    .expect("every lunar year has a third month");
    holidays.push(plain(hung_kings, "Giỗ Tổ Hùng Vương"));
    holidays.push(plain(date(year, 4, 30), "Ngày Chiến thắng"));
    holidays.push(plain(date(year, 5, 1), "Ngày Quốc tế Lao động"));

    let national_day = date(year, 9, 2);
    // The adjacent day the government has chosen in recent years: the one
    // that joins 2/9 to a weekend when there is one (3/9 after a Monday or
    // a Thursday), otherwise 1/9.
    let adjacent = match national_day.weekday() {
        Weekday::Mon | Weekday::Thu => date(year, 9, 3),
        _ => date(year, 9, 1),
    };
    holidays.push(Holiday {
        day: adjacent,
        name: "Quốc khánh".to_string(),
        detail: Some("ngày liền kề".to_string()),
    });
    holidays.push(plain(national_day, "Quốc khánh"));
    holidays.sort_by_key(|holiday| holiday.day);
    holidays
}

/// The lunar year's name (can chi) for the year that begins with Tết of
/// `year`: 2026 is Bính Ngọ.
pub fn year_name(year: i32) -> String {
    const STEMS: [&str; 10] = [
        "Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ",
    ];
    const BRANCHES: [&str; 12] = [
        "Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi",
    ];
    format!(
        "{} {}",
        STEMS[year.rem_euclid(10) as usize],
        BRANCHES[year.rem_euclid(12) as usize]
    )
}

#[cfg(test)]
mod tests;
