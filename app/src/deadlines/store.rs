//! Loads the working calendar (server only). The table is small (a few dozen
//! rows a year), so it is read whole.

use super::WorkingCalendar;
use crate::error::AppResult;
use chrono::NaiveDate;
use sqlx::PgPool;

pub async fn working_calendar(pool: &PgPool) -> AppResult<WorkingCalendar> {
    let rows =
        sqlx::query!(r#"SELECT to_char(day, 'YYYY-MM-DD') AS "day!", kind FROM calendar_days"#)
            .fetch_all(pool)
            .await?;
    let parse = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let holidays = rows
        .iter()
        .filter(|row| row.kind == "holiday")
        .filter_map(|row| parse(&row.day));
    let make_up = rows
        .iter()
        .filter(|row| row.kind == "make_up")
        .filter_map(|row| parse(&row.day));
    Ok(WorkingCalendar::new(holidays, make_up))
}
