//! The portal's one clock: every "now" and "today" that decides something
//! (appointments, overdue, due soon, expiry, the morning digest, the
//! periods of the reports) is read from it.
//!
//! It reads real time in production. Tests start it at a chosen instant, from
//! where it runs on at the pace of real time, so that what depends on the hour
//! is checked at the hours that matter (just before closing, after midnight,
//! on the eve of Tết) instead of at whatever hour the suite happens to run.
//! The server keeps it in its state and gives it to every page and server
//! function through the Leptos context, beside the database pool.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Real time, or real time shifted to start at a chosen instant.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Microseconds added to real time (zero unless set); shared, so that
    /// setting one copy moves every copy the server holds.
    offset_micros: Arc<AtomicI64>,
}

impl Clock {
    /// Real time.
    pub fn real() -> Clock {
        Clock::default()
    }

    /// A clock that reads `instant` now and runs on from there.
    pub fn starting_at(instant: DateTime<Utc>) -> Clock {
        let clock = Clock::real();
        clock.set(instant);
        clock
    }

    /// Moves this clock (and every copy of it) so that it reads `instant` now.
    pub fn set(&self, instant: DateTime<Utc>) {
        let offset = (instant - Utc::now()).num_microseconds().unwrap_or(0);
        self.offset_micros.store(offset, Ordering::Relaxed);
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + TimeDelta::microseconds(self.offset_micros.load(Ordering::Relaxed))
    }

    /// Now, in Vietnam's local time.
    pub fn now_in_vietnam(&self) -> NaiveDateTime {
        crate::deadlines::vietnam_local(self.now())
    }

    /// Today's date in Vietnam: the one "today" of the portal.
    pub fn today_in_vietnam(&self) -> NaiveDate {
        self.now_in_vietnam().date()
    }
}

/// The clock the server provided for this request.
#[cfg(feature = "ssr")]
pub fn current() -> crate::error::AppResult<Clock> {
    leptos::prelude::use_context::<Clock>().ok_or_else(|| {
        tracing::error!("no clock in the request context");
        crate::error::AppError::Unavailable
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_clock_reads_the_chosen_instant_and_runs_on_in_real_time() {
        let eve_of_tet = DateTime::parse_from_rfc3339("2027-02-04T23:30:00+07:00")
            .unwrap()
            .with_timezone(&Utc);
        let clock = Clock::starting_at(eve_of_tet);
        let copy = clock.clone();
        let read = copy.now();
        assert!(read >= eve_of_tet && read - eve_of_tet < TimeDelta::seconds(5));
        assert_eq!(
            clock.today_in_vietnam(),
            NaiveDate::from_ymd_opt(2027, 2, 4).unwrap()
        );
        // 00:15 on the 5th in Vietnam, while UTC still reads the 4th.
        clock.set(eve_of_tet + TimeDelta::minutes(45));
        assert_eq!(
            copy.today_in_vietnam(),
            NaiveDate::from_ymd_opt(2027, 2, 5).unwrap()
        );
    }
}
