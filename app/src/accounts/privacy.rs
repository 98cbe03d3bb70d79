//! The privacy notice a person reads before their data is processed (Law
//! 91/2025/QH15), versioned, and their consent to it: asked at
//! registration, before filing when the notice is newer than what they
//! agreed to (or they never did, as after a first sign-in through the
//! national identity), and on the notice's page. The text is data
//! (`privacy_notices`); consents are rows of `privacy_consents`.

use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// On what a purpose rests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Consent,
    Law,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purpose {
    pub name_vi: String,
    pub name_en: String,
    pub basis: Basis,
    pub detail_vi: String,
    pub detail_en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyNotice {
    pub version: i32,
    /// dd/mm/yyyy.
    pub published: String,
    pub title_vi: String,
    pub title_en: String,
    pub body_vi: String,
    pub body_en: String,
    pub purposes: Vec<Purpose>,
}

impl PrivacyNotice {
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.title_vi,
            Lang::En => &self.title_en,
        }
    }

    pub fn paragraphs(&self, lang: Lang) -> Vec<String> {
        let body = match lang {
            Lang::Vi => &self.body_vi,
            Lang::En => &self.body_en,
        };
        body.split("\n\n")
            .map(str::trim)
            .filter(|paragraph| !paragraph.is_empty())
            .map(str::to_string)
            .collect()
    }
}

impl Purpose {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.name_vi,
            Lang::En => &self.name_en,
        }
    }

    pub fn detail(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.detail_vi,
            Lang::En => &self.detail_en,
        }
    }
}

/// The notice's page: the notice in force and, for a signed-in citizen,
/// when they agreed to it (dd/mm/yyyy hh:mm), if they did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeView {
    pub notice: PrivacyNotice,
    pub signed_in_citizen: bool,
    pub consented_at: Option<String>,
}

/// The version of the notice in force, which a consent box names.
#[server(endpoint = "accounts/privacy-notice-version")]
pub async fn privacy_notice_version() -> Result<i32, AppError> {
    store::current_version(&crate::database::pool()?).await
}

#[server(endpoint = "accounts/privacy-notice")]
pub async fn load_privacy_notice() -> Result<NoticeView, AppError> {
    use crate::access::{current_user, AccountKind};
    let pool = crate::database::pool()?;
    let notice = store::current(&pool).await?;
    let citizen = current_user().filter(|user| user.kind == AccountKind::Citizen);
    let consented_at = match &citizen {
        Some(user) => store::consented_at(&pool, user.id, notice.version).await?,
        None => None,
    };
    Ok(NoticeView {
        notice,
        signed_in_citizen: citizen.is_some(),
        consented_at,
    })
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::PrivacyNotice;
    use crate::error::{AppError, AppResult};
    use sqlx::PgExecutor;

    pub async fn current_version<'c>(executor: impl PgExecutor<'c>) -> AppResult<i32> {
        sqlx::query_scalar!("SELECT max(version) FROM privacy_notices")
            .fetch_one(executor)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// The notice in force: the highest version.
    pub async fn current<'c>(executor: impl PgExecutor<'c>) -> AppResult<PrivacyNotice> {
        let row = sqlx::query!(
            r#"SELECT version, to_char(published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS "published!",
                      title_vi, title_en, body_vi, body_en, purposes
               FROM privacy_notices ORDER BY version DESC LIMIT 1"#
        )
        .fetch_optional(executor)
        .await?
        .ok_or(AppError::NotFound)?;
        Ok(PrivacyNotice {
            version: row.version,
            published: row.published,
            title_vi: row.title_vi,
            title_en: row.title_en,
            body_vi: row.body_vi,
            body_en: row.body_en,
            purposes: serde_json::from_value(row.purposes).map_err(|error| {
                tracing::error!(%error, "the privacy notice's purposes do not read");
                AppError::Internal
            })?,
        })
    }

    pub async fn consented_at<'c>(
        executor: impl PgExecutor<'c>,
        user_id: i64,
        version: i32,
    ) -> AppResult<Option<String>> {
        Ok(sqlx::query_scalar!(
            r#"SELECT to_char(given_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!"
               FROM privacy_consents WHERE user_id = $1 AND notice_version = $2"#,
            user_id,
            version
        )
        .fetch_optional(executor)
        .await?)
    }

    /// Records `user_id`'s consent to the notice in force (`place`: where
    /// it was asked). Agreeing twice keeps the first time.
    pub async fn record<'c>(
        executor: impl PgExecutor<'c>,
        user_id: i64,
        place: &str,
        ip: Option<std::net::IpAddr>,
    ) -> AppResult<()> {
        sqlx::query!(
            "INSERT INTO privacy_consents (user_id, notice_version, place, ip)
             SELECT $1, max(version), $2, $3::text::inet FROM privacy_notices
             ON CONFLICT (user_id, notice_version) DO NOTHING",
            user_id,
            place,
            ip.map(|ip| ip.to_string()),
        )
        .execute(executor)
        .await?;
        Ok(())
    }
}
