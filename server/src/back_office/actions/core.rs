//! What every action shares: the dossier loaded and locked, who may act
//! (the access policy), on which version, what the state machine allows,
//! then the change, its history entry and the notices in one transaction.
//! Each action's own rule and effect is in its file beside this one.
//!
//! Two officials acting at once: both saw version v; the first locks the
//! row and moves it to v+1, the second waits for the lock, finds v+1 and
//! is told the dossier changed. Never a double transition.

use super::Outcome;
use crate::back_office::notices::{self, Applicant};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::access::SignedInUser;
use app::deadlines;
use app::deadlines::WorkingCalendar;
use app::dossiers::{Action, DossierStatus, WorkflowState};
use app::i18n::Lang;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use sqlx::PgConnection;

/// What someone asks to do to a dossier.
pub struct Request<'a> {
    pub code: &'a str,
    pub action: Action,
    /// The version the person saw when they chose the action.
    pub seen_version: i32,
    pub note: Option<String>,
    /// For `Assign`: the specialist.
    pub assignee_id: Option<i64>,
    /// For `Extend`: the new appointment day, as a date input sends it
    /// (`yyyy-mm-dd`) or as typed (`25/12/2026`).
    pub new_due: Option<String>,
    /// For `Return`: `online` or `counter`; unsaid, as the procedure is
    /// offered (toàn trình online, một phần at the counter).
    pub delivery: Option<String>,
    /// For `Return` at the counter: who collected the result (the applicant
    /// or the person they authorised), as the officer typed it.
    pub collector: Collector,
    pub by: &'a SignedInUser,
    pub lang: Lang,
}

/// Who took the result at the counter: full name and, if shown, their
/// identity number.
#[derive(Default)]
pub struct Collector {
    pub name: Option<String>,
    pub citizen_id: Option<String>,
}

/// The dossier as the action found it, locked until the transaction ends.
pub struct Dossier {
    pub id: i64,
    pub version: i32,
    pub agency_id: i64,
    /// The agency whose step the dossier is at (liên thông).
    pub handling_agency_id: i64,
    pub applicant_id: i64,
    pub assignee_id: Option<i64>,
    pub result_file_id: Option<i64>,
    /// The day a supplement was asked for (Vietnam time).
    pub paused_on: Option<NaiveDate>,
    /// The appointment in force and the legal one (Vietnam time).
    pub due_at: Option<NaiveDateTime>,
    pub legal_due_at: Option<NaiveDateTime>,
    pub state: WorkflowState,
}

/// What the action changes besides the status. It starts as the dossier
/// is; each action's `effect` changes its part.
pub struct Change {
    pub assignee_id: Option<i64>,
    pub due_at: Option<NaiveDateTime>,
    pub legal_due_at: Option<NaiveDateTime>,
    /// Acceptance: the day the processing time counts from.
    pub counted_from: Option<NaiveDate>,
    /// The history entry's note, shown to the applicant on slips 02–05.
    pub note: Option<String>,
    pub delivery: Option<&'static str>,
    pub result_file: Option<i64>,
}

/// Everything an action's rule and effect may read and change.
pub struct Step<'a> {
    pub state: &'a AppState,
    pub tx: &'a mut PgConnection,
    pub calendar: &'a WorkingCalendar,
    pub request: &'a Request<'a>,
    pub dossier: Dossier,
    pub now: DateTime<Utc>,
    pub change: Change,
}

/// Why an action stopped before its change was written: a refusal the
/// person is told about, or a failure on our side.
pub enum Halt {
    Refused(Outcome),
    Failed(anyhow::Error),
}

impl From<Outcome> for Halt {
    fn from(outcome: Outcome) -> Halt {
        Halt::Refused(outcome)
    }
}

impl From<sqlx::Error> for Halt {
    fn from(error: sqlx::Error) -> Halt {
        Halt::Failed(error.into())
    }
}

impl From<anyhow::Error> for Halt {
    fn from(error: anyhow::Error) -> Halt {
        Halt::Failed(error)
    }
}

pub async fn perform(state: &AppState, request: Request<'_>) -> anyhow::Result<Outcome> {
    // Read before the transaction: nothing below may wait for a second
    // pool connection while holding the dossier's row lock.
    let calendar = deadlines::store::working_calendar(&state.pool).await?;
    let mut tx = state.pool.begin().await?;
    let outcome = perform_in(state, &mut tx, &calendar, request).await?;
    if matches!(outcome, Outcome::Done(_)) {
        tx.commit().await?;
    }
    Ok(outcome)
}

/// The change inside the caller's transaction, which the caller commits
/// when the outcome is `Done` (counter filing submits and accepts in one).
#[tracing::instrument(
    skip_all,
    fields(dossier = %request.code, user_id = request.by.id, action = request.action.as_str())
)]
pub async fn perform_in(
    state: &AppState,
    tx: &mut PgConnection,
    calendar: &WorkingCalendar,
    request: Request<'_>,
) -> anyhow::Result<Outcome> {
    match run(state, tx, calendar, &request).await {
        Ok(status) => Ok(Outcome::Done(status)),
        Err(Halt::Refused(outcome)) => Ok(outcome),
        Err(Halt::Failed(error)) => Err(error),
    }
}

async fn run(
    state: &AppState,
    tx: &mut PgConnection,
    calendar: &WorkingCalendar,
    request: &Request<'_>,
) -> Result<DossierStatus, Halt> {
    let user = request.by;
    let action = request.action;
    let dossier = lock(tx, request.code).await?.ok_or(Outcome::NotFound)?;

    // Who: someone else's dossier looks like none at all; one they may
    // see but not act on is refused.
    let ownership = DossierOwnership {
        applicant_id: dossier.applicant_id,
        agency_id: dossier.agency_id,
        handling_agency_id: dossier.handling_agency_id,
        assignee_id: dossier.assignee_id,
    };
    if !policy::may_read_dossier(user, &ownership) {
        return Err(Outcome::NotYours.into());
    }
    if !policy::may_act_on_dossier(user, action, &ownership) {
        return Err(Outcome::Forbidden.into());
    }

    // What: the state machine decides, on the version the person saw.
    if dossier.version != request.seen_version {
        return Err(Outcome::Changed.into());
    }
    let next = dossier.state.apply(action).map_err(Outcome::NotAllowed)?;
    let note = request
        .note
        .as_deref()
        .map(|note| app::text::normalize(note.trim()))
        .filter(|note| !note.is_empty());
    if action.needs_note() && note.is_none() {
        return Err(Outcome::NoteMissing.into());
    }

    let change = Change {
        assignee_id: dossier.assignee_id,
        due_at: dossier.due_at,
        legal_due_at: dossier.legal_due_at,
        counted_from: None,
        note,
        delivery: None,
        result_file: None,
    };
    let mut step = Step {
        state,
        tx,
        calendar,
        request,
        dossier,
        now: state.clock.now(),
        change,
    };
    super::effect(&mut step).await?;
    let history_id = write(&mut step, next).await?;
    super::issue::issue(&mut step, history_id).await?;
    super::notify(&mut step).await?;
    Ok(next.status)
}

/// The dossier by its code, locked for this transaction.
async fn lock(tx: &mut PgConnection, code: &str) -> Result<Option<Dossier>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT id, status, resumes_to, version, agency_id, handling_agency_id, applicant_id, assignee_id, result_file_id,
                  (paused_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS "paused_on: chrono::NaiveDate",
                  due_at AS "due_at: chrono::NaiveDateTime",
                  legal_due_at AS "legal_due_at: chrono::NaiveDateTime"
           FROM dossiers WHERE code = $1 FOR UPDATE"#,
        code
    )
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|row| Dossier {
        id: row.id,
        version: row.version,
        agency_id: row.agency_id,
        handling_agency_id: row.handling_agency_id,
        applicant_id: row.applicant_id,
        assignee_id: row.assignee_id,
        result_file_id: row.result_file_id,
        paused_on: row.paused_on,
        due_at: row.due_at,
        legal_due_at: row.legal_due_at,
        state: WorkflowState {
            status: DossierStatus::parse(&row.status).unwrap_or(DossierStatus::Draft),
            resumes_to: row.resumes_to.as_deref().and_then(DossierStatus::parse),
        },
    }))
}

/// The new state and the action's change, and the history entry that
/// records both (slips 02–06 are printed from it); the entry's id.
async fn write(step: &mut Step<'_>, next: WorkflowState) -> Result<i64, Halt> {
    let action = step.request.action;
    let change = &step.change;
    let pausing = next.status == DossierStatus::AwaitingSupplement;
    let updated = sqlx::query!(
        "UPDATE dossiers SET status = $2, version = version + 1, updated_at = now(),
                resumes_to = $3, assignee_id = $4,
                paused_at = CASE WHEN $5 THEN $15::timestamptz ELSE NULL END,
                supplement_requested_by = CASE WHEN $5 THEN $6 ELSE supplement_requested_by END,
                received_at = CASE WHEN $7 THEN $15::timestamptz ELSE received_at END,
                counted_from = COALESCE($8, counted_from),
                due_at = $9,
                resolved_at = CASE WHEN $10 THEN $15::timestamptz ELSE resolved_at END,
                result_issued_at = CASE WHEN $16 THEN $15::timestamptz ELSE result_issued_at END,
                result_file_id = COALESCE($12, result_file_id),
                legal_due_at = $13,
                result_delivery = COALESCE($14, result_delivery)
         WHERE id = $1 AND version = $11",
        step.dossier.id,
        next.status as DossierStatus,
        next.resumes_to as Option<DossierStatus>,
        change.assignee_id,
        pausing,
        step.request.by.id,
        action == Action::Accept,
        change.counted_from as _,
        change.due_at as _,
        next.status.is_final(),
        step.request.seen_version,
        change.result_file,
        change.legal_due_at as _,
        change.delivery,
        step.now as _,
        // Biểu 06 counts a dossier resolved when its result is issued.
        next.status == DossierStatus::ResultReady,
    )
    .execute(&mut *step.tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(Outcome::Changed.into());
    }
    let history_id = sqlx::query_scalar!(
        "INSERT INTO dossier_history (dossier_id, actor_id, action, from_status, to_status, note, due_before, due_after, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING id",
        step.dossier.id,
        step.request.by.id,
        action as Action,
        step.dossier.state.status as DossierStatus,
        next.status as DossierStatus,
        change.note,
        step.dossier.due_at as _,
        change.due_at as _,
        step.now as _,
    )
    .fetch_one(&mut *step.tx)
    .await?;
    Ok(history_id)
}

impl Step<'_> {
    /// Whom the dossier's notices go to, with the appointment now in force.
    pub async fn applicant(&mut self) -> anyhow::Result<Applicant> {
        notices::applicant_of(self.tx, self.dossier.id).await
    }

    /// The applicant's notice, in the portal and by mail, in this
    /// transaction: neither is lost, nor sent for a change that did not
    /// happen.
    pub async fn tell_applicant(
        &mut self,
        about: &Applicant,
        title: String,
        body: String,
    ) -> anyhow::Result<()> {
        notices::deliver(self.state, self.tx, about, self.dossier.id, title, body).await
    }

    /// The note as written, or empty (notices quote it as the reason).
    pub fn reason(&self) -> &str {
        self.change.note.as_deref().unwrap_or_default()
    }

    /// Paid for a result that will not come (refused, stopped, withdrawn):
    /// the money is owed back, and attempts still open are given up.
    pub async fn give_up_payments(&mut self) -> Result<(), sqlx::Error> {
        sqlx::query!(
            "UPDATE payments SET status = CASE status WHEN 'paid' THEN 'refund_due' ELSE 'expired' END
             WHERE dossier_id = $1 AND status IN ('paid', 'pending')",
            self.dossier.id
        )
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}
