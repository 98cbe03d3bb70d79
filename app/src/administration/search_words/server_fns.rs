//! Loading the search words' page. Changes are plain POSTs
//! (`server/src/administration/search_words.rs`).

use super::SearchWords;
use crate::error::AppError;
use leptos::prelude::*;

/// The phrases and filler words; how a tried question (`tried`) reads.
#[server(endpoint = "admin/search-words")]
pub async fn load_search_words(tried: Option<String>) -> Result<SearchWords, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    let tried = tried
        .map(|text| crate::text::normalize(&text))
        .filter(|text| !text.is_empty())
        .map(|text| text.chars().take(300).collect::<String>());
    Ok(SearchWords {
        synonyms: store::synonyms(&pool).await?,
        fillers: store::fillers(&pool).await?,
        may_edit: permits(&admin, Permission::ManageCatalogue { province_id }),
        tried: match tried {
            Some(text) => Some((text.clone(), store::reading(&pool, &text).await?)),
            None => None,
        },
    })
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::super::SynonymRow;
    use crate::error::AppResult;
    use sqlx::PgPool;

    pub async fn synonyms(pool: &PgPool) -> AppResult<Vec<SynonymRow>> {
        let mut rows = sqlx::query_as!(
            SynonymRow,
            "SELECT typed, phrase, means FROM search_synonyms"
        )
        .fetch_all(pool)
        .await?;
        crate::collation::sort_vietnamese(&mut rows, |row| &row.typed);
        Ok(rows)
    }

    pub async fn fillers(pool: &PgPool) -> AppResult<Vec<String>> {
        Ok(
            sqlx::query_scalar!("SELECT word FROM search_filler_words ORDER BY word")
                .fetch_all(pool)
                .await?,
        )
    }

    /// How the catalogue's search reads `question`.
    pub async fn reading(pool: &PgPool, question: &str) -> AppResult<String> {
        Ok(
            sqlx::query_scalar!(r#"SELECT search_question($1) AS "read!""#, question)
                .fetch_one(pool)
                .await?,
        )
    }
}
