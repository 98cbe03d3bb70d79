//! From a receipt moment and a processing time to the appointment.

use super::WorkingCalendar;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// How long a procedure takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessingSpan {
    /// "Giải quyết ngay trong ngày; trường hợp nhận hồ sơ sau 15 giờ thì trả
    /// kết quả trong ngày làm việc tiếp theo" (`docs/legal-basis.md`,
    /// "Same-day procedures"): due at the close of the day of receipt, or of
    /// the next working day when received after the cut-off, out of hours or
    /// on a day off.
    SameDay,
    WorkingDays(u32),
    WorkingHours(u32),
}

/// The cut-off of a same-day procedure that names none of its own: 15:00,
/// the hour the rules for same-day procedures write.
pub const SAME_DAY_CUTOFF: NaiveTime = match NaiveTime::from_hms_opt(15, 0, 0) {
    Some(time) => time,
    None => panic!("15:00 is a time of day"),
};

/// When the result is due for a dossier received at a given moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    /// The working day the dossier counts as received on (after the cut-off
    /// or on a day off: the next working day).
    pub counted_from: NaiveDate,
    /// The moment the result is due, Vietnam time: for day-based procedures
    /// the end of the working day.
    pub due: NaiveDateTime,
}

impl From<crate::catalogue::model::ProcessingTime> for ProcessingSpan {
    fn from(time: crate::catalogue::model::ProcessingTime) -> Self {
        use crate::catalogue::model::TimeUnit;
        let value = time.value.max(0) as u32;
        match time.unit {
            TimeUnit::WorkingDays => ProcessingSpan::WorkingDays(value),
            TimeUnit::WorkingHours => ProcessingSpan::WorkingHours(value),
            TimeUnit::SameDay => ProcessingSpan::SameDay,
        }
    }
}

impl ProcessingSpan {
    /// The span as a procedure version stores it (`processing_time_value`,
    /// `processing_time_unit`): working days unless it says otherwise.
    pub fn stored(value: i32, unit: &str) -> ProcessingSpan {
        let value = value.max(0) as u32;
        match unit {
            "working_hours" => ProcessingSpan::WorkingHours(value),
            "same_day" => ProcessingSpan::SameDay,
            _ => ProcessingSpan::WorkingDays(value),
        }
    }
}

/// A cut-off as the catalogue stores it (`HH:MM`).
pub fn parse_cutoff(text: Option<&str>) -> Option<NaiveTime> {
    text.and_then(|text| NaiveTime::parse_from_str(text, "%H:%M").ok())
}

/// Vietnam's local time for an instant (UTC+7 all year).
pub fn vietnam_local(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.naive_utc() + TimeDelta::hours(7)
}

/// The instant of a Vietnam-local time (the reverse of `vietnam_local`).
pub fn vietnam_instant(local: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(local - TimeDelta::hours(7), Utc)
}

/// The appointment for a dossier received at `received` (Vietnam time).
pub fn appointment(
    calendar: &WorkingCalendar,
    received: NaiveDateTime,
    span: ProcessingSpan,
    cutoff: Option<NaiveTime>,
) -> Appointment {
    match span {
        ProcessingSpan::SameDay => {
            let counted_from =
                received_on(calendar, received, Some(cutoff.unwrap_or(SAME_DAY_CUTOFF)));
            Appointment {
                counted_from,
                due: counted_from.and_time(calendar.end_of_day()),
            }
        }
        ProcessingSpan::WorkingDays(days) => {
            let counted_from = received_on(calendar, received, cutoff);
            let due_day = calendar.add_working_days(counted_from, days);
            Appointment {
                counted_from,
                due: due_day.and_time(calendar.end_of_day()),
            }
        }
        ProcessingSpan::WorkingHours(hours) => {
            // Working hours are only spent inside working periods, so a
            // receipt out of hours already starts at the next one.
            let due = calendar.add_working_minutes(received, i64::from(hours) * 60);
            let counted_from = received_on(calendar, received, None);
            Appointment { counted_from, due }
        }
    }
}

/// The working day a dossier counts as received on. A dossier received out
/// of office hours — after the day's last working period, on a weekend or a
/// holiday — counts as received at the start of the next working day, with
/// or without a cut-off; after the procedure's cut-off, likewise. Before
/// opening time it is that day: nothing of the day has been spent yet.
/// Sources: `docs/legal-basis.md`, "Receipt out of office hours".
fn received_on(
    calendar: &WorkingCalendar,
    received: NaiveDateTime,
    cutoff: Option<NaiveTime>,
) -> NaiveDate {
    let day = received.date();
    let after_hours = received.time() > calendar.end_of_day();
    let after_cutoff = cutoff.is_some_and(|cutoff| received.time() > cutoff);
    if after_hours || after_cutoff || !calendar.is_working_day(day) {
        calendar.next_working_day_after(day)
    } else {
        day
    }
}

#[cfg(test)]
mod tests;
