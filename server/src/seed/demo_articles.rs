//! The demo knowledge base (`seed/articles.json`): questions and answers
//! about the demo procedures and common situations, with their sources,
//! some of them internal guidance for the one-stop staff. Each is created
//! and published through the editors' own store; one already there (by
//! code) is left as it is.

use crate::knowledge::store;
use anyhow::Context;
use app::knowledge::ArticleContent;
use serde::Deserialize;
use sqlx::PgPool;

pub const DATA: &str = include_str!("../../seed/articles.json");

#[derive(Deserialize)]
pub struct SeedArticles {
    pub articles: Vec<SeedArticle>,
}

#[derive(Deserialize)]
pub struct SeedArticle {
    pub code: String,
    #[serde(flatten)]
    pub content: ArticleContent,
}

pub fn articles() -> anyhow::Result<Vec<SeedArticle>> {
    Ok(serde_json::from_str::<SeedArticles>(DATA)
        .context("seed/articles.json")?
        .articles)
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    let mut tx = pool.begin().await?;
    for article in articles()? {
        let code = &article.code;
        let agency_id = match &article.content.agency {
            Some(agency) => Some(
                sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", agency)
                    .fetch_one(&mut *tx)
                    .await
                    .with_context(|| format!("the agency of article {code}"))?,
            ),
            None => None,
        };
        if let Some(id) =
            store::create(&mut tx, code, &article.content, agency_id, None, now).await?
        {
            store::publish(&mut tx, id, None, now)
                .await?
                .map_err(|refusal| anyhow::anyhow!("the article {code}: {refusal:?}"))?;
        }
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::knowledge::article::{check_content, valid_code};
    use std::collections::BTreeSet;

    #[test]
    fn the_seeded_articles_pass_the_editors_checks() {
        let articles = articles().unwrap();
        assert!(articles.len() >= 60, "{} articles", articles.len());
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let mut codes = BTreeSet::new();
        for article in &articles {
            assert!(valid_code(&article.code), "{}", article.code);
            assert!(codes.insert(&article.code), "twice: {}", article.code);
            assert!(
                check_content(&article.content, today).is_empty(),
                "{}: {:?}",
                article.code,
                check_content(&article.content, today)
            );
            assert!(
                !article.content.legal_references.is_empty(),
                "{} cites no source",
                article.code
            );
        }
        let internal = articles
            .iter()
            .filter(|article| article.content.audience == app::knowledge::Audience::Officials)
            .count();
        assert!(internal >= 5, "{internal} internal articles");
    }
}
