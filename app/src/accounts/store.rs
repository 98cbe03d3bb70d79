//! Account reads for the pages (server only). Writes live with the server's
//! form handlers.

use super::model::MyAccount;
use crate::access::Role;
use crate::error::{AppError, AppResult};
use sqlx::PgPool;

pub async fn my_account(pool: &PgPool, user_id: i64) -> AppResult<MyAccount> {
    let row = sqlx::query!(
        r#"SELECT u.full_name, coalesce(u.email, '') AS "email!", u.email_confirmed_at IS NOT NULL AS "email_confirmed!",
                  u.citizen_id, to_char(u.date_of_birth, 'DD/MM/YYYY') AS date_of_birth,
                  u.phone, a.name AS "agency_name?", u.wants_daily_digest,
                  u.password_hash IS NOT NULL AS "has_password!",
                  ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role) AS "roles!: Vec<Role>"
           FROM users u LEFT JOIN agencies a ON a.id = u.agency_id
           WHERE u.id = $1"#,
        user_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::SignInRequired)?;
    Ok(MyAccount {
        full_name: row.full_name,
        email: row.email,
        email_confirmed: row.email_confirmed,
        citizen_id: row.citizen_id,
        date_of_birth: row.date_of_birth,
        phone: row.phone,
        agency_name: row.agency_name,
        wants_daily_digest: row.wants_daily_digest,
        has_password: row.has_password,
        roles: row.roles,
    })
}
