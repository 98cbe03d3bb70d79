//! The passkeys an official has added, as their second-factor page lists
//! them: the name they gave, when it was added and last used. The
//! ceremonies that add and check them run on the server
//! (`server/src/accounts/second_factor/passkeys/`).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// How long a passkey's name may be (the column's check).
pub const NAME_MAX_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyEntry {
    pub id: i64,
    pub name: String,
    /// Vietnam time.
    pub added: NaiveDateTime,
    pub last_used: Option<NaiveDateTime>,
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::PasskeyEntry;
    use crate::error::AppResult;
    use chrono::NaiveDateTime;
    use sqlx::PgExecutor;

    /// `user_id`'s passkeys, oldest first.
    pub async fn list<'c>(
        executor: impl PgExecutor<'c>,
        user_id: i64,
    ) -> AppResult<Vec<PasskeyEntry>> {
        Ok(sqlx::query!(
            r#"SELECT id, name,
                      (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS "added!: NaiveDateTime",
                      (last_used_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS "last_used: NaiveDateTime"
               FROM passkeys WHERE user_id = $1 ORDER BY id"#,
            user_id
        )
        .fetch_all(executor)
        .await?
        .into_iter()
        .map(|row| PasskeyEntry {
            id: row.id,
            name: row.name,
            added: row.added,
            last_used: row.last_used,
        })
        .collect())
    }
}
