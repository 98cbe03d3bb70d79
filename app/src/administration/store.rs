//! Reads for the administration pages (server only).

use super::model::{AgencyOption, OfficialDetail, OfficialRow};
use crate::access::Role;
use crate::error::AppResult;
use sqlx::PgPool;

pub async fn officials_in(pool: &PgPool, agencies: &[i64]) -> AppResult<Vec<OfficialRow>> {
    let rows = sqlx::query!(
        r#"SELECT u.id, u.full_name, u.email AS "email!", a.name AS agency_name,
                  u.disabled_at IS NOT NULL AS "disabled!",
                  ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role) AS "roles!: Vec<Role>"
           FROM users u JOIN agencies a ON a.id = u.agency_id
           WHERE u.kind = 'official' AND u.agency_id = ANY($1)
           ORDER BY a.name, u.full_name"#,
        agencies
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| OfficialRow {
            id: row.id,
            full_name: row.full_name,
            email: row.email,
            agency_name: row.agency_name,
            roles: row.roles,
            disabled: row.disabled,
        })
        .collect())
}

/// The given agencies in tree order, with their depth for indentation.
pub async fn agency_options(pool: &PgPool, agencies: &[i64]) -> AppResult<Vec<AgencyOption>> {
    let rows = sqlx::query!(
        r#"WITH RECURSIVE tree AS (
               SELECT id, name, 0 AS depth, ARRAY[name] AS path
               FROM agencies WHERE parent_id IS NULL
               UNION ALL
               SELECT a.id, a.name, t.depth + 1, t.path || a.name
               FROM agencies a JOIN tree t ON a.parent_id = t.id
           )
           SELECT id AS "id!", name AS "name!", depth AS "depth!" FROM tree
           WHERE id = ANY($1) AND id NOT IN (SELECT id FROM agencies WHERE merged_into IS NOT NULL)
           ORDER BY path"#,
        agencies
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| AgencyOption {
            id: row.id,
            name: row.name,
            depth: row.depth,
        })
        .collect())
}

pub async fn official(pool: &PgPool, id: i64) -> AppResult<Option<OfficialDetail>> {
    let row = sqlx::query!(
        r#"SELECT u.id, u.full_name, u.email AS "email!", u.agency_id AS "agency_id!",
                  u.disabled_at IS NOT NULL AS "disabled!",
                  ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role) AS "roles!: Vec<Role>",
                  has_second_factor(u.id) AS "second_factor!"
           FROM users u WHERE u.id = $1 AND u.kind = 'official'"#,
        id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| OfficialDetail {
        id: row.id,
        full_name: row.full_name,
        email: row.email,
        agency_id: row.agency_id,
        roles: row.roles,
        disabled: row.disabled,
        second_factor: row.second_factor,
        agencies: Vec::new(),
    }))
}
