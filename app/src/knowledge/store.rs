//! The knowledge base's reads, checked at compile time.

use super::markdown;
use super::*;
use crate::error::AppResult;
use sqlx::PgPool;

/// The most articles a list or a search shows.
const LIST_LIMIT: i64 = 200;

/// Published articles, searched by `query` (as the catalogue reads a
/// question: colloquial phrases and filler words; any word may match, the
/// ones matching more, and in pairs, first), and `sector`. Internal
/// guidance only when `officials`.
pub async fn published(
    pool: &PgPool,
    query: Option<&str>,
    sector: Option<&str>,
    officials: bool,
) -> AppResult<Vec<ArticleSummary>> {
    let rows = sqlx::query!(
        r#"WITH input AS (SELECT coalesce(nullif(search_question($1::text), ''), search_key($1::text)) AS meant)
           SELECT a.code, a.question AS "question!", s.name AS "sector?",
                  a.audience AS "audience!: Audience", a.published_at AS "published_at!: DateTime<Utc>"
           FROM articles a
           LEFT JOIN sectors s ON s.id = a.sector_id
           CROSS JOIN input
           WHERE a.version IS NOT NULL AND a.archived_at IS NULL
             AND (a.audience = 'citizens' OR $2)
             AND ($3::text IS NULL OR s.code = $3)
             AND (input.meant IS NULL
                  OR input.meant <% a.search_text
                  OR to_tsvector('simple', a.search_text) @@ search_any_words(input.meant))
           ORDER BY CASE WHEN input.meant IS NULL THEN 0 ELSE
                        2 * word_similarity(input.meant, a.question_key)
                        + coalesce(ts_rank(to_tsvector('simple', a.search_text), search_any_words(input.meant)), 0)
                        + 2 * coalesce(ts_rank(to_tsvector('simple', a.search_text), search_word_pairs(input.meant)), 0)
                    END DESC,
                    a.question
           LIMIT $4"#,
        query,
        officials,
        sector,
        LIST_LIMIT,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ArticleSummary {
            code: row.code,
            question: row.question,
            sector: row.sector,
            audience: row.audience,
            updated_on: crate::deadlines::vietnam_local(row.published_at).date(),
        })
        .collect())
}

/// The markdown answer of a published article, as the assistant quotes
/// and phrases it (whose audience `retrieval` has already checked).
pub async fn published_answer(pool: &PgPool, code: &str) -> AppResult<Option<String>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT answer AS "answer!" FROM articles WHERE code = $1 AND version IS NOT NULL"#,
        code
    )
    .fetch_optional(pool)
    .await?)
}

/// One published article; internal guidance only when `officials`.
pub async fn article(
    pool: &PgPool,
    code: &str,
    officials: bool,
    today: NaiveDate,
) -> AppResult<Option<ArticleView>> {
    let Some(row) = sqlx::query!(
        r#"SELECT a.code, a.question AS "question!", a.answer AS "answer!",
                  a.audience AS "audience!: Audience", a.published_at AS "published_at!: DateTime<Utc>",
                  a.valid_until AS "valid_until: NaiveDate", a.legal_references, a.procedure_codes,
                  coalesce(ag.name, (SELECT name FROM agencies WHERE parent_id IS NULL ORDER BY id LIMIT 1)) AS "agency!",
                  s.name AS "sector?"
           FROM articles a
           LEFT JOIN agencies ag ON ag.id = a.agency_id
           LEFT JOIN sectors s ON s.id = a.sector_id
           WHERE a.code = $1 AND a.version IS NOT NULL AND a.archived_at IS NULL
             AND (a.audience = 'citizens' OR $2)"#,
        code,
        officials,
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let procedures = sqlx::query_as!(
        Choice,
        r#"SELECT p.code, v.name AS "name!"
           FROM unnest($1::text[]) WITH ORDINALITY AS listed (code, n)
           JOIN procedures p ON p.code = listed.code
           JOIN current_procedure_versions v ON v.procedure_id = p.id
           ORDER BY listed.n"#,
        &row.procedure_codes,
    )
    .fetch_all(pool)
    .await?;
    Ok(Some(ArticleView {
        code: row.code,
        question: row.question,
        answer_html: markdown::to_html(&row.answer),
        agency: row.agency,
        sector: row.sector,
        procedures,
        legal_references: row.legal_references,
        audience: row.audience,
        updated_on: crate::deadlines::vietnam_local(row.published_at).date(),
        expired: row.valid_until.is_some_and(|day| day < today),
        valid_until: row.valid_until,
    }))
}

/// The sectors articles are published in.
pub async fn article_sectors(pool: &PgPool, officials: bool) -> AppResult<Vec<Choice>> {
    let mut sectors = sqlx::query_as!(
        Choice,
        r#"SELECT s.code, s.name FROM sectors s
           WHERE EXISTS (SELECT 1 FROM articles a WHERE a.sector_id = s.id AND a.version IS NOT NULL
                         AND a.archived_at IS NULL AND (a.audience = 'citizens' OR $1))"#,
        officials
    )
    .fetch_all(pool)
    .await?;
    crate::collation::sort_vietnamese(&mut sectors, |sector| &sector.name);
    Ok(sectors)
}

/// Every sector, to file an article under.
pub async fn all_sectors(pool: &PgPool) -> AppResult<Vec<Choice>> {
    let mut sectors = sqlx::query_as!(Choice, "SELECT code, name FROM sectors")
        .fetch_all(pool)
        .await?;
    crate::collation::sort_vietnamese(&mut sectors, |sector| &sector.name);
    Ok(sectors)
}
