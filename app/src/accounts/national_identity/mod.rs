//! Signing in through an identity provider: OpenID Connect, above all the
//! national electronic identity (VNeID), whose sign-in the National Public
//! Service Portal uses too. Providers are configuration an administrator
//! keeps (`settings`); the flow itself (the redirect, the callback, the ID
//! token's checks, linking accounts) is the server's
//! (`server/src/accounts/national_identity/`).
//!
//! What this module gives pages: the sign-in page's buttons and the account
//! page's links.

pub mod settings;

use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A provider a person may sign in or link with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderChoice {
    pub slug: String,
    pub name_vi: String,
    pub name_en: String,
}

impl ProviderChoice {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.name_vi,
            Lang::En => &self.name_en,
        }
    }
}

/// A provider on the account page: linked since when (dd/mm/yyyy), if so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderLink {
    pub provider: ProviderChoice,
    pub linked_since: Option<String>,
}

/// The providers in use, for the sign-in page's buttons.
#[server(endpoint = "accounts/identity-providers")]
pub async fn sign_in_providers() -> Result<Vec<ProviderChoice>, AppError> {
    store::in_use(&crate::database::pool()?).await
}

/// The providers in use and the signed-in citizen's links to them. Officials
/// see none: their accounts are the province's, not a citizen identity.
#[server(endpoint = "accounts/identity-links")]
pub async fn my_identity_links() -> Result<Vec<ProviderLink>, AppError> {
    use crate::access::{require, AccountKind, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    if user.kind != AccountKind::Citizen {
        return Ok(Vec::new());
    }
    store::links_of(&crate::database::pool()?, user.id).await
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::{ProviderChoice, ProviderLink};
    use crate::error::AppResult;
    use sqlx::PgExecutor;

    pub async fn in_use<'c>(executor: impl PgExecutor<'c>) -> AppResult<Vec<ProviderChoice>> {
        Ok(sqlx::query_as!(
            ProviderChoice,
            "SELECT slug, name_vi, name_en FROM identity_providers WHERE enabled ORDER BY id"
        )
        .fetch_all(executor)
        .await?)
    }

    pub async fn links_of<'c>(
        executor: impl PgExecutor<'c>,
        user_id: i64,
    ) -> AppResult<Vec<ProviderLink>> {
        Ok(sqlx::query!(
            r#"SELECT p.slug, p.name_vi, p.name_en,
                      to_char(l.linked_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS linked_since
               FROM identity_providers p
               LEFT JOIN identity_links l ON l.provider_id = p.id AND l.user_id = $1
               WHERE p.enabled OR l.user_id IS NOT NULL
               ORDER BY p.id"#,
            user_id
        )
        .fetch_all(executor)
        .await?
        .into_iter()
        .map(|row| ProviderLink {
            provider: ProviderChoice {
                slug: row.slug,
                name_vi: row.name_vi,
                name_en: row.name_en,
            },
            linked_since: row.linked_since,
        })
        .collect())
    }
}
