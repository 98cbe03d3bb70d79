//! The one way articles change: created with a first draft, the draft
//! saved (every change kept in `article_saves`), sent for review, published
//! as the next numbered version by someone other than the draft's author,
//! returned to the author, archived, restored. The editor's handlers and
//! the seeds both go through here; each function expects the article's row
//! locked by the caller's transaction (`lock`).

use app::knowledge::article::check_content;
use app::knowledge::{ArticleContent, ArticleRefusal, ChangeKind};
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Why a publication was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PublishRefusal {
    NoDraft,
    /// The draft does not pass the checks (or names what no longer exists).
    Unsound,
    /// Four eyes: the draft's last author may not publish it.
    OwnDraft,
    Archived,
}

/// A draft's references, found: what the published columns hold.
pub struct Resolved {
    pub agency_id: Option<i64>,
    pub sector_id: Option<i64>,
}

/// The article's row, locked for the transaction.
pub struct Locked {
    pub id: i64,
    pub agency_id: Option<i64>,
    pub has_draft: bool,
    pub draft_saved_by: Option<i64>,
    pub published: bool,
    pub archived: bool,
}

pub async fn lock(tx: &mut PgConnection, code: &str) -> sqlx::Result<Option<Locked>> {
    Ok(sqlx::query!(
        r#"SELECT id, agency_id, draft IS NOT NULL AS "has_draft!", draft_saved_by,
                  version IS NOT NULL AS "published!", archived_at IS NOT NULL AS "archived!"
           FROM articles WHERE code = $1 FOR UPDATE"#,
        code
    )
    .fetch_optional(&mut *tx)
    .await?
    .map(|row| Locked {
        id: row.id,
        agency_id: row.agency_id,
        has_draft: row.has_draft,
        draft_saved_by: row.draft_saved_by,
        published: row.published,
        archived: row.archived,
    }))
}

/// The agency and sector a draft names, and whether every procedure it
/// names is in the catalogue; the refusals by field otherwise.
pub async fn resolve(
    tx: &mut PgConnection,
    content: &ArticleContent,
) -> sqlx::Result<Result<Resolved, Vec<(&'static str, ArticleRefusal)>>> {
    let mut refused = Vec::new();
    let agency_id = match &content.agency {
        Some(code) => {
            let id = sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", code)
                .fetch_optional(&mut *tx)
                .await?;
            if id.is_none() {
                refused.push(("agency", ArticleRefusal::UnknownAgency));
            }
            id
        }
        None => None,
    };
    let sector_id = match &content.sector {
        Some(code) => {
            let id = sqlx::query_scalar!("SELECT id FROM sectors WHERE code = $1", code)
                .fetch_optional(&mut *tx)
                .await?;
            if id.is_none() {
                refused.push(("sector", ArticleRefusal::UnknownSector));
            }
            id
        }
        None => None,
    };
    let known = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM procedures WHERE code = ANY($1)"#,
        &content.procedures
    )
    .fetch_one(&mut *tx)
    .await?;
    if known != content.procedures.len() as i64 {
        refused.push(("procedures", ArticleRefusal::UnknownProcedure));
    }
    Ok(if refused.is_empty() {
        Ok(Resolved {
            agency_id,
            sector_id,
        })
    } else {
        Err(refused)
    })
}

/// A new article whose first draft is `content`; `None` when the code is
/// taken (the unique code decides, so two at once make one).
pub async fn create(
    tx: &mut PgConnection,
    code: &str,
    content: &ArticleContent,
    agency_id: Option<i64>,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let id = sqlx::query_scalar!(
        "INSERT INTO articles (code, owner_id, agency_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO NOTHING RETURNING id",
        code,
        by,
        agency_id,
        now as _,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = id {
        save_draft(tx, id, content, agency_id, by, now, ChangeKind::Created).await?;
    }
    Ok(id)
}

/// Makes `content` the draft and keeps it in the history. A pending
/// request for review lapses: the reviewer would read something else. The
/// article moves to the draft's agency (whose editors keep it from now).
pub async fn save_draft(
    tx: &mut PgConnection,
    id: i64,
    content: &ArticleContent,
    agency_id: Option<i64>,
    by: Option<i64>,
    now: DateTime<Utc>,
    kind: ChangeKind,
) -> sqlx::Result<()> {
    let value = serde_json::to_value(content).unwrap_or_default();
    sqlx::query!(
        "UPDATE articles SET draft = $2, draft_saved_by = $3, draft_saved_at = $4, agency_id = $5,
                review_requested_by = NULL, review_requested_at = NULL
         WHERE id = $1",
        id,
        value,
        by,
        now as _,
        agency_id,
    )
    .execute(&mut *tx)
    .await?;
    record(tx, id, kind, Some(&value), None, by, now).await
}

/// Keeps one change in the article's history.
pub async fn record(
    tx: &mut PgConnection,
    id: i64,
    kind: ChangeKind,
    content: Option<&serde_json::Value>,
    note: Option<&str>,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO article_saves (article_id, kind, content, note, saved_by, saved_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        id,
        kind as ChangeKind,
        content,
        note,
        by,
        now as _,
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The author asks a second person to check the draft.
pub async fn request_review(
    tx: &mut PgConnection,
    id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let asked = sqlx::query!(
        "UPDATE articles SET review_requested_by = $2, review_requested_at = $3
         WHERE id = $1 AND draft IS NOT NULL AND archived_at IS NULL",
        id,
        by,
        now as _,
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if asked {
        record(
            tx,
            id,
            ChangeKind::ReviewRequested,
            None,
            None,
            Some(by),
            now,
        )
        .await?;
    }
    Ok(asked)
}

/// Publishes the draft as the next version, for `publisher` (`None`: the
/// seeds), who may not be its last author.
pub async fn publish(
    tx: &mut PgConnection,
    id: i64,
    publisher: Option<i64>,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<i32, PublishRefusal>> {
    let row = sqlx::query!(
        r#"SELECT draft, draft_saved_by, archived_at IS NOT NULL AS "archived!" FROM articles WHERE id = $1 FOR UPDATE"#,
        id
    )
    .fetch_one(&mut *tx)
    .await?;
    if row.archived {
        return Ok(Err(PublishRefusal::Archived));
    }
    let Some(draft) = row.draft else {
        return Ok(Err(PublishRefusal::NoDraft));
    };
    if publisher.is_some() && row.draft_saved_by == publisher {
        return Ok(Err(PublishRefusal::OwnDraft));
    }
    let content: ArticleContent = serde_json::from_value(draft.clone())?;
    let today = app::deadlines::vietnam_local(now).date();
    if !check_content(&content, today).is_empty() {
        return Ok(Err(PublishRefusal::Unsound));
    }
    let Ok(resolved) = resolve(tx, &content).await? else {
        return Ok(Err(PublishRefusal::Unsound));
    };
    let number = sqlx::query_scalar!(
        "INSERT INTO article_versions (article_id, number, content, written_by, published_by, published_at)
         SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5 FROM article_versions WHERE article_id = $1
         RETURNING number",
        id,
        draft,
        row.draft_saved_by,
        publisher,
        now as _,
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE articles SET draft = NULL, review_requested_by = NULL, review_requested_at = NULL,
                version = $2, question = $3, answer = $4, audience = $5, agency_id = $6, sector_id = $7,
                procedure_codes = $8, legal_references = $9, valid_until = $10, published_at = $11
         WHERE id = $1",
        id,
        number,
        content.question.trim(),
        content.answer.trim(),
        content.audience.as_str(),
        resolved.agency_id,
        resolved.sector_id,
        &content.procedures,
        &content.legal_references,
        content.valid_until as _,
        now as _,
    )
    .execute(&mut *tx)
    .await?;
    record(
        tx,
        id,
        ChangeKind::Published,
        Some(&draft),
        None,
        publisher,
        now,
    )
    .await?;
    Ok(Ok(number))
}

/// The reviewer sends the draft back to its author, with a note.
pub async fn return_draft(
    tx: &mut PgConnection,
    id: i64,
    by: i64,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE articles SET review_requested_by = NULL, review_requested_at = NULL WHERE id = $1",
        id
    )
    .execute(&mut *tx)
    .await?;
    record(tx, id, ChangeKind::Returned, None, note, Some(by), now).await
}

/// Takes the article off the knowledge base (its versions stay), or puts
/// it back as a draft of its last content.
pub async fn archive(
    tx: &mut PgConnection,
    id: i64,
    archived: bool,
    by: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    if archived {
        sqlx::query!(
            "UPDATE articles SET archived_at = $2, review_requested_by = NULL, review_requested_at = NULL WHERE id = $1",
            id,
            now as _
        )
        .execute(&mut *tx)
        .await?;
        record(tx, id, ChangeKind::Archived, None, None, Some(by), now).await
    } else {
        // Back as a draft: citizens see it again only once it is published.
        sqlx::query!(
            "UPDATE articles SET archived_at = NULL, version = NULL, question = NULL, answer = NULL,
                    audience = NULL, published_at = NULL,
                    draft = coalesce(draft, (SELECT content FROM article_versions v WHERE v.article_id = articles.id
                                             ORDER BY number DESC LIMIT 1)),
                    draft_saved_by = $2, draft_saved_at = $3
             WHERE id = $1",
            id,
            by,
            now as _
        )
        .execute(&mut *tx)
        .await?;
        record(tx, id, ChangeKind::Restored, None, None, Some(by), now).await
    }
}
