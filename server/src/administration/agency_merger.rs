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
//!
//! A merger given a later day waits for it instead (`agency_changes`).

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::agencies::effective_day;
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
    let today = state.clock.today_in_vietnam();
    let typed_day = form.kept_text(&mut kept, "effective_on");
    let day = effective_day(&typed_day, today);
    if let Err(refusal) = &day {
        kept.error("effective_on", refusal.message(t));
    }
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
    let day = day.unwrap_or(today);
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
    if day > today {
        // Decided for a later day: carried out then (`agency_changes`).
        let scheduled = super::agency_changes::schedule(
            &mut tx,
            admin,
            pair.merged.id,
            super::agency_changes::Change::Merge(successor_agency.id),
            day,
        )
        .await?;
        if !scheduled {
            tx.rollback().await?;
            feedback::notice(&session, NoticeTone::Error, t.change_pending).await;
            return Ok(see_other(&back));
        }
        audit::record(
            &mut *tx,
            Some(admin),
            AuditAction::AgencyChangeScheduled,
            json!({ "agency": code, "merge_into": successor, "day": day.to_string() }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        let shown = day.format("%d/%m/%Y").to_string();
        feedback::notice(
            &session,
            NoticeTone::Success,
            (t.merge_scheduled)(&successor_agency.name, &shown),
        )
        .await;
        return Ok(see_other(&back));
    }
    let moved = carry_out(&mut tx, pair.merged.id, successor_agency.id, day).await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::AgencyMerged,
        json!({ "agency": code, "successor": successor, "day": day.to_string(),
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

/// Merges agency `from` into `to` on `day`: everything open moves, and
/// `from` is marked merged; changes still waiting for it (or for a merger
/// into it) can no longer happen. Both rows must be locked by the caller.
pub(super) async fn carry_out(
    tx: &mut PgConnection,
    from: i64,
    to: i64,
    day: chrono::NaiveDate,
) -> Result<Moved, sqlx::Error> {
    let moved = move_everything(tx, from, to).await?;
    sqlx::query!(
        "UPDATE agency_changes SET outcome = 'refused', settled_at = now()
         WHERE outcome IS NULL AND (agency_id = $1 OR successor_id = $1)",
        from
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE agencies SET merged_into = $2, merged_on = $3 WHERE id = $1",
        from,
        to,
        day as _,
    )
    .execute(&mut *tx)
    .await?;
    Ok(moved)
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

pub(super) struct Moved {
    pub dossiers: i64,
    pub drafts: i64,
    pub officials: i64,
    pub procedures: i64,
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
