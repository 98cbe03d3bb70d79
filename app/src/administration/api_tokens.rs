//! API tokens for the reports API and for Open311: the administrator's
//! list (what for, who holds one, issued when and by whom, last used,
//! revoked) and the manager and coordinator accounts they may issue one
//! to. Issuing and revoking are plain POSTs
//! (`server/src/administration/api_tokens.rs`).

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenRow {
    pub id: i64,
    pub label: String,
    pub owner: String,
    pub issued_by: String,
    /// `dd/mm/yyyy hh:mm`, Vietnam time.
    pub issued_at: String,
    pub last_used_at: Option<String>,
    pub revoked: bool,
    /// `reports` or `open311`.
    pub purpose: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokensView {
    pub tokens: Vec<ApiTokenRow>,
    /// Manager and coordinator accounts in reach: id, "name (email)" and
    /// whether it coordinates field reports (else it manages).
    pub owners: Vec<(i64, String, bool)>,
}

/// The tokens of the manager accounts the administrator reaches.
#[server(endpoint = "admin/api-tokens")]
pub async fn load_api_tokens() -> Result<ApiTokensView, AppError> {
    use crate::access::{require, Permission, Role};
    let admin = require(Permission::ListOfficials)?;
    let agencies = admin.agencies_for(Role::Administrator).to_vec();
    let pool = crate::database::pool()?;
    let tokens = sqlx::query!(
        r#"SELECT t.id, t.label, o.full_name AS owner, i.full_name AS issued_by,
                  to_char(t.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "issued_at!",
                  to_char(t.last_used_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS last_used_at,
                  t.revoked_at IS NOT NULL AS "revoked!", t.purpose
           FROM api_tokens t JOIN users o ON o.id = t.user_id JOIN users i ON i.id = t.issued_by
           WHERE o.agency_id = ANY($1)
           ORDER BY t.revoked_at IS NOT NULL, t.issued_at DESC"#,
        &agencies
    )
    .fetch_all(&pool)
    .await?
    .into_iter()
    .map(|row| ApiTokenRow {
        id: row.id,
        label: row.label,
        owner: row.owner,
        issued_by: row.issued_by,
        issued_at: row.issued_at,
        last_used_at: row.last_used_at,
        revoked: row.revoked,
        purpose: row.purpose,
    })
    .collect();
    let owners = sqlx::query!(
        r#"SELECT u.id, u.full_name || ' (' || coalesce(u.email, '') || ')' AS "label!",
                  bool_or(r.role = 'coordinator') AS "coordinates!"
           FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role IN ('manager', 'coordinator')
           WHERE u.agency_id = ANY($1) AND u.disabled_at IS NULL
           GROUP BY u.id ORDER BY u.full_name"#,
        &agencies,
    )
    .fetch_all(&pool)
    .await?
    .into_iter()
    .map(|row| (row.id, row.label, row.coordinates))
    .collect();
    Ok(ApiTokensView { tokens, owners })
}
