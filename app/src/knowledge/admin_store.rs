//! The editors' reads: the articles an editor reaches, and one article's
//! draft, state and history.

use super::markdown;
use super::*;
use crate::access::{permits, Permission, SignedInUser};
use crate::error::AppResult;
use sqlx::PgPool;

/// Whether `user` edits the articles of `agency_id` (`None`: the
/// province's), asked on `conn` (a handler holding the article's lock asks
/// on its own connection).
pub async fn may_edit(
    conn: impl sqlx::PgExecutor<'_>,
    user: &SignedInUser,
    agency_id: Option<i64>,
) -> AppResult<bool> {
    crate::administration::eforms::server_fns::store::permits_for_owner(
        conn,
        user,
        agency_id,
        |agency_id| Permission::EditArticlesOf { agency_id },
    )
    .await
}

/// The articles `user` edits, the latest changed first.
pub async fn articles(pool: &PgPool, user: &SignedInUser) -> AppResult<Vec<ArticleRow>> {
    let rows = sqlx::query!(
        r#"SELECT a.code, coalesce(a.draft ->> 'question', a.question) AS "question!",
                  a.agency_id, ag.name AS "agency?", a.version IS NOT NULL AS "published!",
                  a.review_requested_at IS NOT NULL AS "in_review!", a.archived_at IS NOT NULL AS "archived!",
                  a.draft IS NOT NULL AS "has_draft!",
                  coalesce(a.audience, a.draft ->> 'audience', 'citizens') AS "audience!: Audience",
                  (SELECT max(saved_at) FROM article_saves s WHERE s.article_id = a.id) AS "changed_at!: DateTime<Utc>"
           FROM articles a LEFT JOIN agencies ag ON ag.id = a.agency_id
           ORDER BY 10 DESC, a.code"#
    )
    .fetch_all(pool)
    .await?;
    let province_id = crate::administration::calendar::province_id(pool).await?;
    Ok(rows
        .into_iter()
        .filter(|row| {
            permits(
                user,
                Permission::EditArticlesOf {
                    agency_id: row.agency_id.unwrap_or(province_id),
                },
            )
        })
        .map(|row| ArticleRow {
            code: row.code,
            question: row.question,
            status: ArticleStatus::of(row.published, row.in_review, row.archived),
            has_draft: row.has_draft,
            audience: row.audience,
            agency: row.agency,
            changed_at: row.changed_at,
        })
        .collect())
}

/// The agencies whose articles `user` writes: the province first (code
/// ""), then the others by name.
pub async fn writable_agencies(pool: &PgPool, user: &SignedInUser) -> AppResult<Vec<Choice>> {
    let rows = sqlx::query!(
        "SELECT id, code, name, parent_id IS NULL AS \"province!\" FROM agencies
         WHERE merged_into IS NULL ORDER BY parent_id IS NOT NULL, name"
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|row| permits(user, Permission::EditArticlesOf { agency_id: row.id }))
        .map(|row| Choice {
            code: if row.province {
                String::new()
            } else {
                row.code
            },
            name: row.name,
        })
        .collect())
}

/// Article `code` as its editor sees it, if `user` edits it.
pub async fn editor(
    pool: &PgPool,
    user: &SignedInUser,
    code: &str,
) -> AppResult<Option<ArticleEditor>> {
    let Some(row) = sqlx::query!(
        r#"SELECT a.id, a.agency_id, a.draft, a.draft_saved_by, a.version, a.published_at AS "published_at: DateTime<Utc>",
                  a.archived_at IS NOT NULL AS "archived!",
                  (SELECT content FROM article_versions v WHERE v.article_id = a.id ORDER BY number DESC LIMIT 1) AS published,
                  r.full_name AS "review_requested_by?"
           FROM articles a LEFT JOIN users r ON r.id = a.review_requested_by
           WHERE a.code = $1"#,
        code
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    if !may_edit(pool, user, row.agency_id).await? {
        return Ok(None);
    }
    let content: ArticleContent = row
        .draft
        .clone()
        .or(row.published)
        .map(serde_json::from_value)
        .transpose()
        .map_err(|error| {
            tracing::error!(%error, code, "an article's content does not read");
            crate::error::AppError::Internal
        })?
        .unwrap_or_default();
    let history = sqlx::query!(
        r#"SELECT s.kind AS "kind: ChangeKind", u.full_name AS "by?", s.saved_at AS "saved_at: DateTime<Utc>", s.note
           FROM article_saves s LEFT JOIN users u ON u.id = s.saved_by
           WHERE s.article_id = $1 ORDER BY s.id DESC"#,
        row.id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|entry| HistoryRow {
        kind: entry.kind,
        by: entry.by,
        at: entry.saved_at,
        note: entry.note,
    })
    .collect();
    Ok(Some(ArticleEditor {
        code: code.to_string(),
        status: ArticleStatus::of(
            row.version.is_some(),
            row.review_requested_by.is_some(),
            row.archived,
        ),
        has_draft: row.draft.is_some(),
        preview_html: markdown::to_html(&content.answer),
        content,
        own_draft: row.draft.is_some() && row.draft_saved_by == Some(user.id),
        review_requested_by: row.review_requested_by,
        published_version: row.version,
        published_on: row
            .published_at
            .map(|at| crate::deadlines::vietnam_local(at).date()),
        history,
        agencies: writable_agencies(pool, user).await?,
        sectors: super::store::all_sectors(pool).await?,
    }))
}

/// The latest questions the assistant declined or whose reply did not help.
pub async fn gaps(pool: &PgPool) -> AppResult<Vec<AssistantGap>> {
    Ok(sqlx::query!(
        r#"SELECT question, asked_at AS "asked_at: DateTime<Utc>", reply_kind = 'no_answer' AS "unanswered!"
           FROM assistant_exchanges
           WHERE reply_kind = 'no_answer' OR helpful = false
           ORDER BY asked_at DESC LIMIT 50"#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| AssistantGap {
        question: row.question,
        asked_at: row.asked_at,
        unanswered: row.unanswered,
    })
    .collect())
}
