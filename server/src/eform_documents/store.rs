//! The one way forms change: created with a first draft, the draft saved
//! (each save kept in `form_saves`), published as the next numbered
//! version by someone other than its last author, archived. The seeds and
//! the builder's handlers both go through here.

use app::eforms::design::check_design;
use app::eforms::FormDefinition;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Why a publication was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PublishRefusal {
    NoDraft,
    /// The draft does not pass the builder's checks.
    Unsound,
    /// Four eyes: the last author of the draft may not publish it.
    OwnDraft,
    Archived,
}

/// How a draft came to be.
#[derive(Clone, Copy, Debug)]
pub enum SaveKind {
    Created,
    Saved,
    Restored,
    Imported,
}

impl SaveKind {
    fn as_str(self) -> &'static str {
        match self {
            SaveKind::Created => "created",
            SaveKind::Saved => "saved",
            SaveKind::Restored => "restored",
            SaveKind::Imported => "imported",
        }
    }
}

/// A new form whose draft is `definition`; `None` when the code is taken.
pub async fn create(
    tx: &mut PgConnection,
    (code, title, agency_id): (&str, &str, Option<i64>),
    definition: &FormDefinition,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let id = sqlx::query_scalar!(
        "INSERT INTO forms (code, title, agency_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO NOTHING RETURNING id",
        code,
        title,
        agency_id,
        now as _,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = id {
        save_draft(tx, id, definition, by, now, SaveKind::Created).await?;
    }
    Ok(id)
}

/// Makes `definition` the form's draft and keeps it in the history. A
/// pending request for review lapses: the reviewer would see other content.
pub async fn save_draft(
    tx: &mut PgConnection,
    form_id: i64,
    definition: &FormDefinition,
    by: Option<i64>,
    now: DateTime<Utc>,
    kind: SaveKind,
) -> sqlx::Result<()> {
    let value = serde_json::to_value(definition).unwrap_or_default();
    sqlx::query!(
        "UPDATE forms SET draft = $2, draft_saved_by = $3, draft_saved_at = $4,
                review_requested_by = NULL, review_requested_at = NULL
         WHERE id = $1",
        form_id,
        value,
        by,
        now as _,
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO form_saves (form_id, definition, kind, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)",
        form_id,
        value,
        kind.as_str(),
        by,
        now as _,
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Publishes the form's draft as its next version, for `publisher` (`None`:
/// the seeds). The form row is locked first, so two publications at once
/// make one version and a clear refusal.
pub async fn publish(
    tx: &mut PgConnection,
    form_id: i64,
    publisher: Option<i64>,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<i32, PublishRefusal>> {
    let form = sqlx::query!(
        "SELECT draft, draft_saved_by, archived_at IS NOT NULL AS \"archived!\" FROM forms WHERE id = $1 FOR UPDATE",
        form_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if form.archived {
        return Ok(Err(PublishRefusal::Archived));
    }
    let Some(draft) = form.draft else {
        return Ok(Err(PublishRefusal::NoDraft));
    };
    if publisher.is_some() && form.draft_saved_by == publisher {
        return Ok(Err(PublishRefusal::OwnDraft));
    }
    let definition: FormDefinition = serde_json::from_value(draft.clone())?;
    if !check_design(&definition).is_empty() {
        return Ok(Err(PublishRefusal::Unsound));
    }
    let number = sqlx::query_scalar!(
        "INSERT INTO form_versions (form_id, number, definition, written_by, published_by, published_at)
         SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5 FROM form_versions WHERE form_id = $1
         RETURNING number",
        form_id,
        draft,
        form.draft_saved_by,
        publisher,
        now as _,
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE forms SET draft = NULL, review_requested_by = NULL, review_requested_at = NULL WHERE id = $1",
        form_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(Ok(number))
}
