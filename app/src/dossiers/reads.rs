//! Who opened a dossier (Law 91/2025/QH15 on personal data: the data
//! subject may know who processed their data). Every time an official opens
//! a dossier in the back office or one of its files, the audit log keeps it
//! (`dossier_read`, with the dossier's code and what was read); the citizen
//! sees the list on their dossier's page.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One reading, as the dossier's applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierRead {
    /// Vietnam time.
    pub at: NaiveDateTime,
    pub official: String,
    pub agency: Option<String>,
    /// The dossier itself, or one of its files.
    pub file: bool,
}

/// The readings shown, newest first: enough for any dossier's life.
pub const READS_SHOWN: i64 = 200;

#[cfg(feature = "ssr")]
pub mod store {
    use super::{DossierRead, READS_SHOWN};
    use crate::error::AppResult;
    use sqlx::PgExecutor;
    use std::net::IpAddr;

    /// What an official read.
    #[derive(Clone, Copy)]
    pub enum Read {
        Dossier,
        File(i64),
    }

    /// Keeps that `official` opened the dossier `code` (or one of its files).
    pub async fn record<'c>(
        executor: impl PgExecutor<'c>,
        official: i64,
        code: &str,
        read: Read,
        ip: Option<IpAddr>,
    ) -> AppResult<()> {
        let file = match read {
            Read::Dossier => None,
            Read::File(id) => Some(id),
        };
        sqlx::query!(
            "INSERT INTO audit_log (user_id, action, detail, ip)
             VALUES ($1, 'dossier_read', jsonb_strip_nulls(jsonb_build_object('dossier', $2::text, 'file', $3::int8)),
                     $4::text::inet)",
            official,
            code,
            file,
            ip.map(|ip| ip.to_string()),
        )
        .execute(executor)
        .await?;
        Ok(())
    }

    /// Who opened the dossier `code`, newest first.
    pub async fn of_dossier<'c>(
        executor: impl PgExecutor<'c>,
        code: &str,
    ) -> AppResult<Vec<DossierRead>> {
        Ok(sqlx::query!(
            r#"SELECT (l.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS "at!: chrono::NaiveDateTime",
                      u.full_name AS "official!", a.name AS "agency?", l.detail ? 'file' AS "file!"
               FROM audit_log l JOIN users u ON u.id = l.user_id
               LEFT JOIN agencies a ON a.id = u.agency_id
               WHERE l.action = 'dossier_read' AND l.detail ->> 'dossier' = $1
               ORDER BY l.occurred_at DESC, l.id DESC LIMIT $2"#,
            code,
            READS_SHOWN,
        )
        .fetch_all(executor)
        .await?
        .into_iter()
        .map(|row| DossierRead {
            at: row.at,
            official: row.official,
            agency: row.agency,
            file: row.file,
        })
        .collect())
    }
}
