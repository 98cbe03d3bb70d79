//! Back-office reads (server only). Every query is bounded by the agencies
//! the official's roles reach: a dossier outside them is "not found".

use super::model::DueMark;
use crate::deadlines::WorkingCalendar;
use crate::dossiers::DossierStatus;
use chrono::NaiveDateTime;

/// Dossiers per inbox page.
pub const PAGE_SIZE: i64 = 20;

/// The moments that decide the marks: now, and the end of the warning
/// window (`due_soon_days` working days from today), Vietnam time.
pub struct DueWindow {
    pub now: NaiveDateTime,
    pub soon: NaiveDateTime,
}

impl DueWindow {
    /// The window as of `now` (Vietnam local time).
    pub fn at(calendar: &WorkingCalendar, due_soon_days: u32, now: NaiveDateTime) -> DueWindow {
        let soon = calendar
            .add_working_days(now.date(), due_soon_days)
            .and_time(calendar.end_of_day());
        DueWindow { now, soon }
    }

    pub fn mark(&self, status: DossierStatus, due: Option<NaiveDateTime>) -> DueMark {
        match due {
            _ if !status.is_open() || status == DossierStatus::AwaitingSupplement => {
                DueMark::NotRunning
            }
            None => DueMark::NotRunning,
            Some(due) if due < self.now => DueMark::Overdue,
            Some(due) if due <= self.soon => DueMark::DueSoon,
            Some(_) => DueMark::OnTrack,
        }
    }
}

mod dossier;
mod inbox;

pub use dossier::{dossier, history};
pub use inbox::inbox;
