//! The counter's reads (server only).

use super::model::WalkInApplicant;
use crate::error::AppResult;
use sqlx::PgPool;

/// The citizen with this CCCD, if the portal knows them (registered online
/// or recorded at a counter before).
pub async fn applicant_by_citizen_id(
    pool: &PgPool,
    citizen_id: &str,
) -> AppResult<Option<WalkInApplicant>> {
    find(pool, None, Some(citizen_id)).await
}

/// A citizen by id, for the counter's filing page.
pub async fn applicant(pool: &PgPool, id: i64) -> AppResult<Option<WalkInApplicant>> {
    find(pool, Some(id), None).await
}

/// One citizen with a CCCD, by id or by CCCD (the other `None`).
async fn find(
    pool: &PgPool,
    id: Option<i64>,
    citizen_id: Option<&str>,
) -> AppResult<Option<WalkInApplicant>> {
    Ok(sqlx::query_as!(
        WalkInApplicant,
        r#"SELECT id, full_name, citizen_id AS "citizen_id!",
                  to_char(date_of_birth, 'DD/MM/YYYY') AS date_of_birth, phone, email,
                  password_hash IS NOT NULL AS "has_account!"
           FROM users
           WHERE kind = 'citizen' AND citizen_id IS NOT NULL AND disabled_at IS NULL
             AND (id = $1 OR citizen_id = $2)"#,
        id,
        citizen_id
    )
    .fetch_optional(pool)
    .await?)
}

/// The procedures in force that any of `agencies` implements and that are
/// filed at the counter (each has its own e-form or the standard filing
/// form), by name (code, name).
pub async fn procedures_at(pool: &PgPool, agencies: &[i64]) -> AppResult<Vec<(String, String)>> {
    let rows = sqlx::query!(
        r#"SELECT DISTINCT p.code, v.name
           FROM procedures p
           JOIN current_procedure_versions c ON c.procedure_id = p.id
           JOIN procedure_versions v ON v.id = c.id
           JOIN procedure_agencies pa ON pa.procedure_id = p.id
           WHERE pa.agency_id = ANY($1) AND 'counter' = ANY (v.channels)
           ORDER BY v.name"#,
        agencies
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|row| (row.code, row.name)).collect())
}
