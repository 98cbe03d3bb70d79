//! Dossier codes and PINs, handed out inside the submitting transaction.

use app::dossiers::DossierCode;
use chrono::NaiveDate;
use rand::Rng;
use sqlx::PgConnection;

/// The next code of `agency_id` for `day`. Call inside the transaction that
/// creates the dossier: the counter row stays locked until it commits, so
/// concurrent submissions queue, and a rollback hands the number back —
/// no gaps, no duplicates.
pub async fn next_code(
    tx: &mut PgConnection,
    agency_id: i64,
    day: NaiveDate,
) -> sqlx::Result<DossierCode> {
    let row = sqlx::query!(
        r#"WITH counter AS (
               INSERT INTO dossier_code_counters (agency_id, day, last_number)
               VALUES ($1, $2::date, 1)
               ON CONFLICT (agency_id, day)
               DO UPDATE SET last_number = dossier_code_counters.last_number + 1
               RETURNING last_number)
           SELECT a.code, counter.last_number FROM agencies a, counter WHERE a.id = $1"#,
        agency_id,
        day as _,
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(DossierCode::new(&row.code, day, row.last_number as u32))
}

/// A six-digit PIN for tracking with the slip.
pub fn new_pin() -> String {
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_six_digits() {
        for _ in 0..100 {
            let pin = new_pin();
            assert_eq!(pin.len(), 6);
            assert!(pin.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
