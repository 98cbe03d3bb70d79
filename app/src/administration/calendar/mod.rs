//! The working calendar as administrators keep it (`/quan-tri/lich-lam-viec`):
//! each year's days off and make-up working days, and whether the year is
//! confirmed against the government's announcement.
//!
//! The rules for a change are here, pure, so the page and the form handler
//! (`server/src/administration/calendar.rs`) say the same thing:
//! - only days after today change: a deadline already computed over a past
//!   day (or today) must not move under it (issue 18 item 7);
//! - a day off is a weekday (a Saturday or Sunday is already off; its day in
//!   lieu is entered on the weekday it moves to), a make-up working day is a
//!   Saturday or Sunday (a weekday is already worked) — Labour Code art. 111–112;
//! - a day appears once.

mod server_fns;

pub use server_fns::load_calendar;
#[cfg(feature = "ssr")]
pub use server_fns::store::province_id;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// What a calendar entry makes of its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayKind {
    /// A weekday off: a public holiday, a day in lieu, an announced swap.
    Holiday,
    /// A Saturday or Sunday worked (ngày làm bù).
    MakeUp,
}

impl DayKind {
    /// The value in `calendar_days.kind` and in the form.
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::MakeUp => "make_up",
        }
    }

    pub fn parse(text: &str) -> Option<DayKind> {
        [DayKind::Holiday, DayKind::MakeUp]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// Why a day cannot be added or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayRefusal {
    NotADate,
    NotAfterToday,
    HolidayOnWeekend,
    MakeUpOnWeekday,
    NameMissing,
    AlreadyListed,
    OutOfRange,
}

/// The longest name a day may have.
pub const NAME_LIMIT: usize = 200;

/// Whether `day` may be added as `kind` with `name`, given `today` (Vietnam)
/// and whether the day is already listed.
pub fn check_new_day(
    day: NaiveDate,
    kind: DayKind,
    name: &str,
    today: NaiveDate,
    already_listed: bool,
) -> Vec<DayRefusal> {
    let mut refusals = Vec::new();
    if !(2000..=2200).contains(&day.year()) {
        refusals.push(DayRefusal::OutOfRange);
    } else if day <= today {
        refusals.push(DayRefusal::NotAfterToday);
    }
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    match kind {
        DayKind::Holiday if weekend => refusals.push(DayRefusal::HolidayOnWeekend),
        DayKind::MakeUp if !weekend => refusals.push(DayRefusal::MakeUpOnWeekday),
        _ => {}
    }
    if name.trim().is_empty() || name.chars().count() > NAME_LIMIT {
        refusals.push(DayRefusal::NameMissing);
    }
    if already_listed {
        refusals.push(DayRefusal::AlreadyListed);
    }
    refusals
}

/// Whether a listed day may still be taken out: only after today.
pub fn may_remove(day: NaiveDate, today: NaiveDate) -> bool {
    day > today
}

/// One year in the year list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarYear {
    pub year: i32,
    pub confirmed: bool,
}

/// Where a day of the shown year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DaySource {
    /// Entered (or confirmed) by an administrator: in `calendar_days`.
    Listed,
    /// Proposed from the Labour Code for a year not yet confirmed.
    Proposed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDayRow {
    pub day: NaiveDate,
    pub kind: DayKind,
    pub name: String,
    pub source: DaySource,
    /// Listed, after today, and the viewer may edit the calendar.
    pub removable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// `dd/mm/yyyy hh:mm`, Vietnam time.
    pub at: String,
    pub by: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    pub year: i32,
    pub years: Vec<CalendarYear>,
    /// `None` while the year is provisional.
    pub confirmation: Option<Confirmation>,
    pub days: Vec<CalendarDayRow>,
    /// The viewer is an administrator of the province (the calendar is the
    /// province's, so a department's administrator only reads it).
    pub may_edit: bool,
}

#[cfg(test)]
mod tests;
