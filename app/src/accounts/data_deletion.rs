//! Deleting what a person no longer needs (Law 91/2025/QH15: the data
//! subject's right to have data deleted), and what nobody needed for too
//! long (the retention rules, `portal_settings`): draft dossiers never
//! submitted, and files in the wallet that no dossier or report uses.
//! Nothing a dossier that was filed refers to is ever touched: a filed
//! dossier is an administrative record the agency must keep.
//!
//! Each deletion is one statement, so a draft being submitted at the same
//! moment is either submitted or deleted, never half of each.

use crate::error::AppResult;
use sqlx::{PgExecutor, PgPool};

/// What deleting would remove now, as the page announces it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deletable {
    pub drafts: i64,
    pub wallet_files: i64,
}

pub async fn deletable(pool: &PgPool, user_id: i64) -> AppResult<Deletable> {
    let row = sqlx::query!(
        r#"SELECT (SELECT count(*) FROM dossiers WHERE applicant_id = $1 AND status = 'draft') AS "drafts!",
                  (SELECT count(*) FROM stored_files f WHERE f.owner_id = $1 AND f.kind = 'upload'
                     AND NOT stored_file_in_use(f.id)) AS "wallet_files!""#,
        user_id
    )
    .fetch_one(pool)
    .await?;
    Ok(Deletable {
        drafts: row.drafts,
        wallet_files: row.wallet_files,
    })
}

/// Deletes draft dossiers, with which files stood for which document (the
/// files stay in the wallet): `owner`'s, or anyone's; all of them, or those
/// untouched for `idle_days`. A draft with anything recorded about it (a
/// payment, a history entry) is not a mere draft and is left. How many.
pub async fn delete_drafts<'c>(
    executor: impl PgExecutor<'c>,
    owner: Option<i64>,
    idle_days: Option<i32>,
) -> sqlx::Result<u64> {
    Ok(sqlx::query!(
        "WITH doomed AS (
             SELECT d.id FROM dossiers d
             WHERE d.status = 'draft'
               AND ($1::int8 IS NULL OR d.applicant_id = $1)
               AND ($2::int4 IS NULL OR d.updated_at < now() - make_interval(days => $2))
               AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.dossier_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM dossier_history x WHERE x.dossier_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM dossier_comments x WHERE x.dossier_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM notifications x WHERE x.dossier_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM issued_documents x WHERE x.dossier_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM dossier_ratings x WHERE x.dossier_id = d.id)
             FOR UPDATE OF d SKIP LOCKED),
         attachments AS (DELETE FROM dossier_attachments WHERE dossier_id IN (SELECT id FROM doomed)),
         answer_files AS (DELETE FROM dossier_answer_files WHERE dossier_id IN (SELECT id FROM doomed))
         DELETE FROM dossiers WHERE id IN (SELECT id FROM doomed) AND status = 'draft'",
        owner,
        idle_days
    )
    .execute(executor)
    .await?
    .rows_affected())
}

/// Deletes `owner`'s uploaded files that no dossier (draft or filed) and
/// no field report uses; returns where they lay in the object store, for
/// the caller to remove once the deletion is committed.
pub async fn delete_unused_wallet_files<'c>(
    executor: impl PgExecutor<'c>,
    owner: i64,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        "DELETE FROM stored_files f
         WHERE f.owner_id = $1 AND f.kind = 'upload' AND NOT stored_file_in_use(f.id)
         RETURNING f.storage_key",
        owner
    )
    .fetch_all(executor)
    .await
}

/// Deletes the assistant's exchanges older than `days`. How many.
pub async fn delete_old_assistant_exchanges<'c>(
    executor: impl PgExecutor<'c>,
    days: i32,
) -> sqlx::Result<u64> {
    Ok(sqlx::query!(
        "DELETE FROM assistant_exchanges WHERE asked_at < now() - make_interval(days => $1)",
        days
    )
    .execute(executor)
    .await?
    .rows_affected())
}
