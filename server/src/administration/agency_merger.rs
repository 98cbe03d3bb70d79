//! `POST /quan-tri/co-quan/{code}/sap-nhap`: a province administrator
//! merges an agency into its successor (sáp nhập), as a merger decision
//! orders. In one transaction, both agencies locked (in id order, so two
//! mergers of the same pair at once cannot deadlock; the second finds the
//! first done and is refused):
//!
//! - the merged agency's open dossiers (not returned, refused, stopped or
//!   withdrawn) and citizens' drafts pass to the successor, which handles
//!   and reports them from now on (the statistics triggers move their
//!   counts); each keeps the agency name it was filed with;
//! - the procedures it receives, the workflow steps it takes for other
//!   agencies (liên thông), its units and its officials pass too;
//! - what it finished stays its own, and it stays in the tree, marked
//!   merged, for the dossiers and reports that name it.

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::pages::MERGER_FORM;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use sqlx::PgConnection;
use tower_sessions::Session;

pub async fn merge(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().agencies_admin;
    let back = paths::agency_admin(&code);
    let mut kept = FormFeedback::new(MERGER_FORM);
    let successor = form.kept_text(&mut kept, "successor");
    let confirmed = !form.get("confirm").is_empty();
    if successor.is_empty() {
        kept.error("successor", t.merge_successor_missing);
    }
    if !confirmed {
        kept.error("confirm", t.merge_confirm_missing);
    }
    if !kept.errors.is_empty() {
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    }
    let today = state.clock.today_in_vietnam();
    let mut tx = state.pool.begin().await?;
    let Some(pair) = lock_pair(&mut tx, &code, &successor).await? else {
        return Err(HandlerError::not_found());
    };
    let successor_agency = match pair.successor() {
        Ok(successor) => successor,
        Err(Refusal::Successor) => {
            tx.rollback().await?;
            kept.error("successor", t.merge_successor_missing);
            feedback::form(&session, kept).await;
            return Ok(see_other(&back));
        }
        // The page may no longer offer the form: a notice, not a field error.
        Err(Refusal::Merged) => {
            tx.rollback().await?;
            feedback::notice(&session, NoticeTone::Error, t.merge_refused).await;
            return Ok(see_other(&back));
        }
    };
    let moved = move_everything(&mut tx, pair.merged.id, successor_agency.id).await?;
    sqlx::query!(
        "UPDATE agencies SET merged_into = $2, merged_on = $3 WHERE id = $1",
        pair.merged.id,
        successor_agency.id,
        today as _,
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::AgencyMerged,
        json!({ "agency": code, "successor": successor, "day": today.to_string(),
                "open_dossiers": moved.dossiers, "drafts": moved.drafts, "officials": moved.officials,
                "procedures": moved.procedures }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let done = (t.merged)(
        &successor_agency.name,
        moved.dossiers,
        moved.drafts,
        moved.officials,
    );
    feedback::notice(&session, NoticeTone::Success, done).await;
    Ok(see_other(&back))
}

struct Agency {
    id: i64,
    name: String,
    kind: String,
    merged: bool,
}

struct Pair {
    merged: Agency,
    /// `None`: no agency has the code posted.
    successor: Option<Agency>,
}

enum Refusal {
    /// Not another agency of the same level.
    Successor,
    /// One of the two is merged already (perhaps a moment ago, into the
    /// other).
    Merged,
}

impl Pair {
    /// Why the merger cannot happen, or the successor when it can.
    fn successor(&self) -> Result<&Agency, Refusal> {
        let Some(successor) = &self.successor else {
            return Err(Refusal::Successor);
        };
        if self.merged.merged || successor.merged {
            Err(Refusal::Merged)
        } else if successor.id == self.merged.id || successor.kind != self.merged.kind {
            Err(Refusal::Successor)
        } else {
            Ok(successor)
        }
    }
}

/// Both agencies, locked in id order; `None` when `code` is no agency.
async fn lock_pair(
    tx: &mut PgConnection,
    code: &str,
    successor: &str,
) -> Result<Option<Pair>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT id, code, name, kind, merged_into IS NOT NULL AS \"merged!\" FROM agencies
         WHERE code = $1 OR code = $2 ORDER BY id FOR UPDATE",
        code,
        successor
    )
    .fetch_all(&mut *tx)
    .await?;
    let find = |wanted: &str| {
        rows.iter()
            .find(|row| row.code == wanted)
            .map(|row| Agency {
                id: row.id,
                name: row.name.clone(),
                kind: row.kind.clone(),
                merged: row.merged,
            })
    };
    Ok(find(code).map(|merged| Pair {
        merged,
        successor: find(successor),
    }))
}

struct Moved {
    dossiers: i64,
    drafts: i64,
    officials: i64,
    procedures: i64,
}

async fn move_everything(tx: &mut PgConnection, from: i64, to: i64) -> Result<Moved, sqlx::Error> {
    let dossiers = sqlx::query!(
        "UPDATE dossiers SET agency_id = $2, updated_at = now()
         WHERE agency_id = $1 AND submitted_at IS NOT NULL
           AND status NOT IN ('returned', 'refused', 'stopped', 'withdrawn')",
        from,
        to
    )
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    let drafts = sqlx::query!(
        "UPDATE dossiers SET agency_id = $2, updated_at = now() WHERE agency_id = $1 AND submitted_at IS NULL",
        from,
        to
    )
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    let procedures = sqlx::query!(
        "INSERT INTO procedure_agencies (procedure_id, agency_id)
         SELECT procedure_id, $2 FROM procedure_agencies WHERE agency_id = $1
         ON CONFLICT DO NOTHING",
        from,
        to
    )
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    sqlx::query!("DELETE FROM procedure_agencies WHERE agency_id = $1", from)
        .execute(&mut *tx)
        .await?;
    // Versions naming it as implementing agency, drafts and scheduled ones
    // too, name the successor (and so keep routing there).
    sqlx::query!(
        "UPDATE procedure_versions SET implementing_agency_id = $2 WHERE implementing_agency_id = $1",
        from,
        to
    )
    .execute(&mut *tx)
    .await?;
    // Steps it took for other agencies are the successor's now; the
    // dossiers at such a step follow (the trigger keeping the handling
    // agency runs on the version column).
    sqlx::query!(
        "UPDATE workflow_steps SET agency_id = $2 WHERE agency_id = $1",
        from,
        to
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE dossiers SET procedure_version_id = procedure_version_id WHERE handling_agency_id = $1",
        from
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE agencies SET parent_id = $2 WHERE parent_id = $1",
        from,
        to
    )
    .execute(&mut *tx)
    .await?;
    // An official belongs to one agency; their roles go with them.
    let officials = sqlx::query!(
        "UPDATE users SET agency_id = $2 WHERE agency_id = $1",
        from,
        to
    )
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    Ok(Moved {
        dossiers,
        drafts,
        officials,
        procedures,
    })
}
