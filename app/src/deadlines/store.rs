//! Loads the working calendar (server only). The table is small (a few dozen
//! rows a year), so it is read whole.
//!
//! A year an administrator has confirmed (`calendar_years`) is exactly its
//! rows in `calendar_days`. The ten years after the last confirmed one get
//! the days off proposed from the Labour Code (`calendar_proposals`) on top
//! of any rows already entered for them, and are marked provisional.

use super::calendar_proposals::proposed_days_off;
use super::WorkingCalendar;
use crate::error::AppResult;
use chrono::NaiveDate;
use sqlx::{PgConnection, PgPool};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

/// How many years past the last confirmed one are proposed.
const PROPOSED_YEARS: i32 = 10;

pub async fn working_calendar(pool: &PgPool) -> AppResult<WorkingCalendar> {
    let mut conn = pool.acquire().await?;
    working_calendar_in(&mut conn).await
}

/// The same, on a connection already held (a transaction that must not
/// wait for a second connection from the pool).
pub async fn working_calendar_in(conn: &mut PgConnection) -> AppResult<WorkingCalendar> {
    let rows = sqlx::query!(r#"SELECT day AS "day: NaiveDate", kind FROM calendar_days"#)
        .fetch_all(&mut *conn)
        .await?;
    let confirmed: BTreeSet<i32> = sqlx::query_scalar!("SELECT year FROM calendar_years")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
    let mut holidays: Vec<NaiveDate> = rows
        .iter()
        .filter(|row| row.kind == "holiday")
        .map(|row| row.day)
        .collect();
    let make_up = rows
        .iter()
        .filter(|row| row.kind == "make_up")
        .map(|row| row.day);
    let provisional = provisional_years(&confirmed);
    for year in &provisional {
        holidays.extend(proposed_days(*year).iter().copied());
    }
    Ok(WorkingCalendar::new(holidays, make_up).with_provisional_years(provisional))
}

/// The proposed days off of `year`, worked out once per process: they are a
/// pure function of the year (the lunar calendar and the Labour Code), and
/// this runs on every page that shows an appointment.
fn proposed_days(year: i32) -> Arc<[NaiveDate]> {
    static PROPOSED: OnceLock<Mutex<HashMap<i32, Arc<[NaiveDate]>>>> = OnceLock::new();
    let mut cache = PROPOSED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache
        .entry(year)
        .or_insert_with(|| {
            proposed_days_off(year)
                .into_iter()
                .map(|day| day.day)
                .collect()
        })
        .clone()
}

/// The years from the first confirmed one (2025, the first of the two-tier
/// government, when none is) to ten past the last, that are not confirmed.
pub fn provisional_years(confirmed: &BTreeSet<i32>) -> BTreeSet<i32> {
    const FIRST_YEAR: i32 = 2025;
    let first = confirmed.first().copied().unwrap_or(FIRST_YEAR);
    let last = confirmed.last().copied().unwrap_or(FIRST_YEAR);
    (first..=last + PROPOSED_YEARS)
        .filter(|year| !confirmed.contains(year))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::provisional_years;

    #[test]
    fn the_years_after_the_confirmed_ones_and_any_gap_are_provisional() {
        let confirmed = [2026, 2027, 2029].into_iter().collect();
        let provisional = provisional_years(&confirmed);
        assert!(provisional.contains(&2028));
        assert!(provisional.contains(&2030));
        assert!(provisional.contains(&2039));
        assert!(!provisional.contains(&2040));
        assert!(!provisional.contains(&2027));
        assert!(!provisional.contains(&2025));
        assert_eq!(provisional_years(&Default::default()).first(), Some(&2025));
    }
}
