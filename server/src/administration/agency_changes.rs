//! Agency changes decided for a later day (`agency_changes`): a renaming
//! or a merger waits on the agency's page, where it can be cancelled
//! (`POST /quan-tri/co-quan/{code}/thay-doi/{id}/huy`), and is carried out
//! on its day by every instance's regular run — exactly once: each row is
//! locked, skipped by the others while it is, and marked when settled.

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, State};
use chrono::NaiveDate;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use tower_sessions::Session;

/// What changes.
pub enum Change {
    Rename {
        name: String,
        name_en: String,
    },
    /// Into the agency of this id.
    Merge(i64),
}

/// Keeps `change` of `agency` for `day`; false when a change of the same
/// kind already waits (cancel it first).
pub async fn schedule(
    tx: &mut PgConnection,
    decided_by: i64,
    agency: i64,
    change: Change,
    day: NaiveDate,
) -> Result<bool, sqlx::Error> {
    let (kind, name, name_en, successor) = match change {
        Change::Rename { name, name_en } => ("rename", Some(name), Some(name_en), None),
        Change::Merge(successor) => ("merge", None, None, Some(successor)),
    };
    let kept = sqlx::query!(
        "INSERT INTO agency_changes (agency_id, kind, name, name_en, successor_id, effective_on, decided_by)
         VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7)
         ON CONFLICT (agency_id, kind) WHERE outcome IS NULL DO NOTHING",
        agency,
        kind,
        name,
        name_en,
        successor,
        day as _,
        decided_by,
    )
    .execute(&mut *tx)
    .await?;
    Ok(kept.rows_affected() == 1)
}

/// `POST /quan-tri/co-quan/{code}/thay-doi/{id}/huy`.
pub async fn cancel(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path((code, id)): Path<(String, i64)>,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().agencies_admin;
    let mut tx = state.pool.begin().await?;
    let cancelled = sqlx::query!(
        r#"UPDATE agency_changes c SET outcome = 'cancelled', settled_at = now()
           FROM agencies a
           WHERE c.id = $1 AND a.id = c.agency_id AND a.code = $2 AND c.outcome IS NULL
           RETURNING c.kind, to_char(c.effective_on, 'YYYY-MM-DD') AS "day!""#,
        id,
        code
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(change) = cancelled {
        audit::record(
            &mut *tx,
            Some(admin),
            AuditAction::AgencyChangeCancelled,
            json!({ "agency": code, "change": id, "kind": change.kind, "day": change.day }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        feedback::notice(&session, NoticeTone::Success, t.change_cancelled).await;
    }
    Ok(see_other(&paths::agency_admin(&code)))
}

/// Carries out every change due by `today`; how many were settled. Safe on
/// every instance at once.
pub async fn carry_out_due(pool: &PgPool, today: NaiveDate) -> Result<usize, sqlx::Error> {
    let mut settled = 0;
    loop {
        let mut tx = pool.begin().await?;
        let Some(change) = sqlx::query!(
            r#"SELECT c.id, c.agency_id, a.code, c.kind, c.name, c.name_en, c.successor_id,
                      c.effective_on AS "effective_on: NaiveDate", c.decided_by
             FROM agency_changes c JOIN agencies a ON a.id = c.agency_id
             WHERE c.outcome IS NULL AND c.effective_on <= $1
             ORDER BY c.effective_on, c.id LIMIT 1 FOR UPDATE OF c SKIP LOCKED"#,
            today as _
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(settled);
        };
        // Both agencies locked in id order, as a merger from the page does.
        let ids: Vec<i64> = [Some(change.agency_id), change.successor_id]
            .into_iter()
            .flatten()
            .collect();
        let agencies = sqlx::query!(
            "SELECT id, merged_into IS NOT NULL AS \"merged!\" FROM agencies WHERE id = ANY($1) ORDER BY id FOR UPDATE",
            &ids
        )
        .fetch_all(&mut *tx)
        .await?;
        let possible = agencies.iter().all(|agency| !agency.merged);
        let (outcome, detail) = match (change.kind.as_str(), possible) {
            (_, false) => ("refused", json!({ "reason": "merged meanwhile" })),
            ("rename", true) => {
                sqlx::query!(
                    "UPDATE agencies SET name = $2, name_en = $3 WHERE id = $1",
                    change.agency_id,
                    change.name,
                    change.name_en,
                )
                .execute(&mut *tx)
                .await?;
                (
                    "done",
                    json!({ "name": change.name, "name_en": change.name_en }),
                )
            }
            (_, true) => {
                let successor = change.successor_id.unwrap_or(change.agency_id);
                let moved = super::agency_merger::carry_out(
                    &mut tx,
                    change.agency_id,
                    successor,
                    change.effective_on,
                )
                .await?;
                (
                    "done",
                    json!({ "successor_id": successor, "open_dossiers": moved.dossiers, "drafts": moved.drafts,
                            "officials": moved.officials, "procedures": moved.procedures }),
                )
            }
        };
        sqlx::query!(
            "UPDATE agency_changes SET outcome = $2, settled_at = now() WHERE id = $1",
            change.id,
            outcome
        )
        .execute(&mut *tx)
        .await?;
        let action = match change.kind.as_str() {
            "rename" => AuditAction::AgencyRenamed,
            _ => AuditAction::AgencyMerged,
        };
        audit::record(
            &mut *tx,
            Some(change.decided_by),
            action,
            json!({ "agency": change.code, "change": change.id, "outcome": outcome,
                    "day": change.effective_on.to_string(), "detail": detail }),
            None,
        )
        .await?;
        tx.commit().await?;
        settled += 1;
    }
}
