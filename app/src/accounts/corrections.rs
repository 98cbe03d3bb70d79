//! Requests to correct one's data (Law 91/2025/QH15, the right to
//! correction). A citizen asks on their data page, about their account's
//! identity data or about a dossier of theirs; the province's
//! administrators answer account requests, and administrators whose reach
//! takes in a dossier's agency answer that dossier's. Only the person who
//! asked and those administrators see a request.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many unanswered requests one person may have at once.
pub const MAX_OPEN: i64 = 5;
/// The longest request or answer, in characters.
pub const MAX_TEXT: usize = 2000;

/// A request as its author sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionRequest {
    pub id: i64,
    /// `account` or `dossier`.
    pub about: String,
    pub dossier_code: Option<String>,
    pub details: String,
    /// dd/mm/yyyy.
    pub sent_on: String,
    /// `open`, `corrected` or `refused`.
    pub status: String,
    pub answer: Option<String>,
}

/// A request waiting in an administrator's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedRequest {
    pub id: i64,
    pub about: String,
    pub dossier_code: Option<String>,
    pub agency_name: Option<String>,
    pub details: String,
    pub sent_on: String,
    pub asked_by: String,
    /// The CCCD's last four digits only.
    pub citizen_id_end: Option<String>,
}

/// What a posted request's details lack, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    DetailsRequired,
    DetailsTooLong,
}

impl Refusal {
    pub fn message(self, t: &crate::i18n::CorrectionTexts) -> &'static str {
        match self {
            Refusal::DetailsRequired => t.details_required,
            Refusal::DetailsTooLong => t.details_too_long,
        }
    }
}

/// Which requests an administrator answers: about accounts when their
/// reach takes in the province, about dossiers of the agencies they reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    pub province_wide: bool,
    pub agencies: Vec<i64>,
}

#[cfg(feature = "ssr")]
impl Reach {
    pub async fn of(
        admin: &crate::access::SignedInUser,
        executor: impl sqlx::PgExecutor<'_>,
    ) -> crate::error::AppResult<Reach> {
        let province = crate::administration::calendar::province_id(executor).await?;
        let agencies = admin
            .agencies_for(crate::access::Role::Administrator)
            .to_vec();
        Ok(Reach {
            province_wide: agencies.contains(&province),
            agencies,
        })
    }
}

/// The details, trimmed, or why they are refused.
pub fn check_details(details: &str) -> Result<String, Refusal> {
    let details = details.trim();
    if details.is_empty() {
        Err(Refusal::DetailsRequired)
    } else if details.chars().count() > MAX_TEXT {
        Err(Refusal::DetailsTooLong)
    } else {
        Ok(details.to_string())
    }
}

/// The administrator's queue: the open requests they may answer.
#[server(endpoint = "admin/corrections")]
pub async fn load_correction_queue() -> Result<Vec<QueuedRequest>, AppError> {
    use crate::access::{require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let reach = Reach::of(&admin, &pool).await?;
    store::queue(&pool, &reach).await
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::{CorrectionRequest, QueuedRequest};
    use crate::error::AppResult;
    use sqlx::PgExecutor;

    pub async fn mine<'c>(
        executor: impl PgExecutor<'c>,
        user_id: i64,
    ) -> AppResult<Vec<CorrectionRequest>> {
        Ok(sqlx::query_as!(
            CorrectionRequest,
            r#"SELECT r.id, r.about, d.code AS "dossier_code?", r.details,
                      to_char(r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS "sent_on!",
                      r.status, r.answer
               FROM correction_requests r LEFT JOIN dossiers d ON d.id = r.dossier_id
               WHERE r.user_id = $1 ORDER BY r.id DESC"#,
            user_id
        )
        .fetch_all(executor)
        .await?)
    }

    /// Open requests an administrator may answer: about accounts when they
    /// administer the province, about dossiers of the agencies they reach.
    pub async fn queue<'c>(
        executor: impl PgExecutor<'c>,
        reach: &super::Reach,
    ) -> AppResult<Vec<QueuedRequest>> {
        Ok(sqlx::query_as!(
            QueuedRequest,
            r#"SELECT r.id, r.about, d.code AS "dossier_code?", a.name AS "agency_name?", r.details,
                      to_char(r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS "sent_on!",
                      u.full_name AS asked_by, right(u.citizen_id, 4) AS citizen_id_end
               FROM correction_requests r
               JOIN users u ON u.id = r.user_id
               LEFT JOIN dossiers d ON d.id = r.dossier_id
               LEFT JOIN agencies a ON a.id = d.agency_id
               WHERE r.status = 'open'
                 AND ((r.about = 'account' AND $1) OR (r.about = 'dossier' AND d.agency_id = ANY($2)))
               ORDER BY r.created_at"#,
            reach.province_wide,
            &reach.agencies,
        )
        .fetch_all(executor)
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_trimmed_required_and_bounded() {
        assert_eq!(
            check_details("  Sai ngày sinh: 12/05/1990  "),
            Ok("Sai ngày sinh: 12/05/1990".into())
        );
        assert_eq!(check_details(" \n "), Err(Refusal::DetailsRequired));
        assert_eq!(
            check_details(&"ă".repeat(MAX_TEXT)).map(|text| text.chars().count()),
            Ok(MAX_TEXT)
        );
        assert_eq!(
            check_details(&"ă".repeat(MAX_TEXT + 1)),
            Err(Refusal::DetailsTooLong)
        );
    }
}
