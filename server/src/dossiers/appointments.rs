//! The appointment of a dossier received now: the procedure's processing
//! time and cut-off through the deadline engine. Used when a dossier is
//! submitted (the expected date) and when reception accepts it (the date
//! the official slip 01 promises), in the office hours of the agency that
//! receives it.

use app::deadlines::office_hours::parse_office_hours;
use app::deadlines::{self, Appointment, WorkingCalendar};
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Reads through `connection` (inside the caller's transaction, so no second
/// pool connection is needed while it holds locks).
pub async fn appointment_for(
    connection: &mut PgConnection,
    calendar: &WorkingCalendar,
    dossier_id: i64,
    received: DateTime<Utc>,
) -> anyhow::Result<Appointment> {
    let timing = sqlx::query!(
        r#"SELECT v.processing_time_value, v.processing_time_unit, v.cutoff_time AS "cutoff: chrono::NaiveTime",
                  a.office_hours AS "office_hours?"
           FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
           LEFT JOIN agencies a ON a.id = d.agency_id WHERE d.id = $1"#,
        dossier_id
    )
    .fetch_one(&mut *connection)
    .await?;
    let span = deadlines::ProcessingSpan::stored(
        timing.processing_time_value,
        &timing.processing_time_unit,
    );
    let hours = timing.office_hours.unwrap_or_default().join(",");
    let calendar = calendar
        .clone()
        .with_periods(parse_office_hours(&hours).unwrap_or_default());
    Ok(deadlines::appointment(
        &calendar,
        deadlines::vietnam_local(received),
        span,
        timing.cutoff,
    ))
}
