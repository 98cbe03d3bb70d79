//! Loads the working calendar (server only). The table is small (a few dozen
//! rows a year), so it is read whole.

use super::WorkingCalendar;
use crate::error::AppResult;
use chrono::NaiveDate;
use sqlx::PgPool;

pub async fn working_calendar(pool: &PgPool) -> AppResult<WorkingCalendar> {
    let rows = sqlx::query!(r#"SELECT day AS "day: NaiveDate", kind FROM calendar_days"#)
        .fetch_all(pool)
        .await?;
    let holidays = rows
        .iter()
        .filter(|row| row.kind == "holiday")
        .map(|row| row.day);
    let make_up = rows
        .iter()
        .filter(|row| row.kind == "make_up")
        .map(|row| row.day);
    Ok(WorkingCalendar::new(holidays, make_up))
}
