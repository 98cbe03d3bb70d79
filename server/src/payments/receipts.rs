//! Biên lai numbers: per agency and year, without gaps or duplicates, given
//! inside the settling transaction (the counter row stays locked until it
//! commits, as with dossier codes).

use sqlx::PgConnection;

/// `<agency code>/BL2026/000123`, numbered within `year` (Vietnam's, today).
pub async fn next_receipt_number(
    tx: &mut PgConnection,
    agency_id: i64,
    year: i32,
) -> sqlx::Result<String> {
    let row = sqlx::query!(
        r#"WITH counter AS (
               INSERT INTO receipt_counters (agency_id, year, last_number)
               VALUES ($1, $2, 1)
               ON CONFLICT (agency_id, year)
               DO UPDATE SET last_number = receipt_counters.last_number + 1
               RETURNING year, last_number)
           SELECT a.code, counter.year, counter.last_number FROM agencies a, counter WHERE a.id = $1"#,
        agency_id,
        year
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(format!(
        "{}/BL{}/{:06}",
        row.code, row.year, row.last_number
    ))
}
