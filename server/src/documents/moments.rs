//! Moments as Vietnamese administrative documents write them: "Vào lúc 21
//! giờ 48 phút, ngày 04 tháng 12 năm 2026" (Decree 30/2020's style for
//! dates in the text, with the hour and minute spelled out).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// "21 giờ 48 phút, ngày 04 tháng 12 năm 2026".
pub fn moment(at: NaiveDateTime) -> String {
    format!(
        "{} giờ {:02} phút, {}",
        at.hour(),
        at.minute(),
        day(at.date())
    )
}

/// "ngày 04 tháng 12 năm 2026".
pub fn day(date: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {:02} năm {}",
        date.day(),
        date.month(),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_as_in_an_official_letter() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|day| day.and_hms_opt(21, 48, 0))
            .unwrap();
        assert_eq!(moment(at), "21 giờ 48 phút, ngày 04 tháng 12 năm 2026");
        let morning = NaiveDate::from_ymd_opt(2027, 1, 5)
            .and_then(|day| day.and_hms_opt(8, 5, 0))
            .unwrap();
        assert_eq!(moment(morning), "8 giờ 05 phút, ngày 05 tháng 01 năm 2027");
    }
}
