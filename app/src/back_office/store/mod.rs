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
            _ if !status.is_open() => DueMark::Closed,
            _ if status == DossierStatus::AwaitingSupplement => DueMark::NotRunning,
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day)
            .and_then(|date| date.and_hms_opt(hour, 0, 0))
            .unwrap()
    }

    #[test]
    fn a_finished_dossier_carries_no_clock_mark_and_a_supplement_pauses_it() {
        let window = DueWindow::at(&WorkingCalendar::new([], []), 1, at(9, 10));
        let long_past = Some(at(2, 17));
        for finished in [
            DossierStatus::Returned,
            DossierStatus::Refused,
            DossierStatus::Stopped,
            DossierStatus::Withdrawn,
        ] {
            assert_eq!(
                window.mark(finished, long_past),
                DueMark::Closed,
                "{finished:?}"
            );
        }
        assert_eq!(
            window.mark(DossierStatus::AwaitingSupplement, long_past),
            DueMark::NotRunning
        );
        assert_eq!(
            window.mark(DossierStatus::Processing, long_past),
            DueMark::Overdue
        );
        assert_eq!(
            window.mark(DossierStatus::Processing, Some(at(10, 17))),
            DueMark::DueSoon
        );
        assert_eq!(
            window.mark(DossierStatus::Processing, Some(at(20, 17))),
            DueMark::OnTrack
        );
    }
}
