//! Loading the calendar page: the year's listed days, or its proposals while
//! it is not confirmed. Changes are plain POSTs
//! (`server/src/administration/calendar.rs`).

use super::CalendarView;
use crate::error::AppError;
use leptos::prelude::*;

/// The working calendar of `year` (this year when `None`), for any
/// administrator; only the province's administrators may change it.
#[server(endpoint = "admin/calendar")]
pub async fn load_calendar(year: Option<i32>) -> Result<CalendarView, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let today = crate::clock::current()?.today_in_vietnam();
    let pool = crate::database::pool()?;
    let province_id = store::province_id(&pool).await?;
    let may_edit = permits(&admin, Permission::ManageWorkingCalendar { province_id });
    store::calendar_view(&pool, year, today, may_edit).await
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::super::{
        may_remove, CalendarDayRow, CalendarView, CalendarYear, Confirmation, DayKind, DaySource,
    };
    use crate::deadlines::calendar_proposals::proposed_days_off;
    use crate::deadlines::store::provisional_years;
    use crate::error::{AppError, AppResult};
    use chrono::{Datelike, NaiveDate};
    use sqlx::PgPool;
    use std::collections::BTreeSet;

    /// The province: the root of the agency tree, whose administrators keep
    /// the calendar.
    pub async fn province_id(conn: impl sqlx::PgExecutor<'_>) -> AppResult<i64> {
        sqlx::query_scalar!("SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY id LIMIT 1")
            .fetch_optional(conn)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn calendar_view(
        pool: &PgPool,
        year: Option<i32>,
        today: NaiveDate,
        may_edit: bool,
    ) -> AppResult<CalendarView> {
        let confirmed: BTreeSet<i32> = sqlx::query_scalar!("SELECT year FROM calendar_years")
            .fetch_all(pool)
            .await?
            .into_iter()
            .collect();
        let provisional = provisional_years(&confirmed);
        let known: BTreeSet<i32> = confirmed.union(&provisional).copied().collect();
        let year = year.unwrap_or(today.year());
        if !known.contains(&year) {
            return Err(AppError::NotFound);
        }
        let confirmation = sqlx::query!(
            r#"SELECT to_char(y.confirmed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!",
                      u.full_name AS "by?", y.note
               FROM calendar_years y LEFT JOIN users u ON u.id = y.confirmed_by
               WHERE y.year = $1"#,
            year
        )
        .fetch_optional(pool)
        .await?
        .map(|row| Confirmation {
            at: row.at,
            by: row.by,
            note: row.note,
        });
        let listed = sqlx::query!(
            r#"SELECT day AS "day: NaiveDate", kind, name FROM calendar_days
               WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day"#,
            year
        )
        .fetch_all(pool)
        .await?;
        let mut days: Vec<CalendarDayRow> = listed
            .into_iter()
            .filter_map(|row| {
                Some(CalendarDayRow {
                    day: row.day,
                    kind: DayKind::parse(&row.kind)?,
                    name: row.name,
                    source: DaySource::Listed,
                    removable: may_edit && may_remove(row.day, today),
                })
            })
            .collect();
        if confirmation.is_none() {
            let listed_days: BTreeSet<NaiveDate> = days.iter().map(|row| row.day).collect();
            days.extend(
                proposed_days_off(year)
                    .into_iter()
                    .filter(|proposed| !listed_days.contains(&proposed.day))
                    .map(|proposed| CalendarDayRow {
                        day: proposed.day,
                        kind: DayKind::Holiday,
                        name: proposed.name,
                        source: DaySource::Proposed,
                        removable: false,
                    }),
            );
            days.sort_by_key(|row| row.day);
        }
        let years = known
            .into_iter()
            .map(|year| CalendarYear {
                year,
                confirmed: confirmed.contains(&year),
            })
            .collect();
        Ok(CalendarView {
            year,
            years,
            confirmation,
            days,
            may_edit,
        })
    }
}
