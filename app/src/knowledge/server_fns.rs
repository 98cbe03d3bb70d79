//! Loading the knowledge base's pages. Changes are plain POSTs
//! (`server/src/knowledge/`).

use super::{ArticleEditor, ArticleList, ArticleView, ArticlesAdmin};
use crate::error::AppError;
use leptos::prelude::*;

/// `/hoi-dap`: published articles, searched and filtered by sector.
#[server(endpoint = "knowledge/articles")]
pub async fn load_articles(
    query: Option<String>,
    sector: Option<String>,
) -> Result<ArticleList, AppError> {
    let pool = crate::database::pool()?;
    let officials = crate::access::current_user().is_some_and(|user| user.is_official());
    let query = query.and_then(|text| crate::text::search_query(&text));
    let sector = sector.filter(|code| !code.is_empty());
    Ok(ArticleList {
        items: super::store::published(&pool, query.as_deref(), sector.as_deref(), officials)
            .await?,
        sectors: super::store::article_sectors(&pool, officials).await?,
        query,
        sector,
    })
}

/// `/hoi-dap/{code}`: one published article (internal guidance: officials
/// only; otherwise it answers as missing).
#[server(endpoint = "knowledge/article")]
pub async fn load_article(code: String) -> Result<ArticleView, AppError> {
    let pool = crate::database::pool()?;
    let officials = crate::access::current_user().is_some_and(|user| user.is_official());
    let today = crate::clock::current()?.today_in_vietnam();
    super::store::article(&pool, &code, officials, today)
        .await?
        .ok_or_else(|| refused(AppError::NotFound))
}

/// `/quan-tri/hoi-dap`: the articles the editor keeps.
#[server(endpoint = "knowledge/admin")]
pub async fn load_articles_admin() -> Result<ArticlesAdmin, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let agencies = super::admin_store::writable_agencies(&pool, &user).await?;
    if agencies.is_empty() {
        return Err(refused(AppError::Forbidden));
    }
    Ok(ArticlesAdmin {
        rows: super::admin_store::articles(&pool, &user).await?,
        gaps: super::admin_store::gaps(&pool).await?,
        agencies,
    })
}

/// `/quan-tri/hoi-dap/{code}`: one article's editor (someone else's
/// article answers as missing).
#[server(endpoint = "knowledge/editor")]
pub async fn load_article_editor(code: String) -> Result<ArticleEditor, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    super::admin_store::editor(&pool, &user, &code)
        .await?
        .ok_or_else(|| refused(AppError::NotFound))
}

/// The error, with its status on the response.
#[cfg(feature = "ssr")]
pub(crate) fn refused(error: AppError) -> AppError {
    crate::http_status::set_status(error.status());
    error
}
