//! The one way a submitted dossier changes state. Every path — the back
//! office's forms, the citizen's supplement and withdrawal — comes here:
//! who may act is checked against the policy, what may happen against the
//! state machine, and the change, its side effects on the clock, the
//! history entry and the applicant's notice happen in one transaction.
//!
//! Two officials acting at once: both saw version v; the first update moves
//! the dossier to v+1, the second finds no row at version v and is told the
//! dossier changed. Never a double transition.

use super::notices;
use crate::state::AppState;
use app::access::SignedInUser;
use app::back_office::may_do;
use app::deadlines;
use app::deadlines::WorkingCalendar;
use app::dossiers::workflow::NotAllowedNow;
use app::dossiers::{Action, Actor, DossierStatus, WorkflowState};
use app::i18n::Lang;
use chrono::Utc;
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
    pub by: &'a SignedInUser,
    pub lang: Lang,
}

/// How it went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(DossierStatus),
    /// No such dossier, or not one this person may see.
    NotFound,
    /// They may see it but not do this.
    Forbidden,
    /// Someone changed it since it was shown.
    Changed,
    NotAllowed(NotAllowedNow),
    NoteMissing,
    NotASpecialistHere,
    /// `Extend` without a readable date.
    NewDateMissing,
    /// `Extend` to a day not after the appointment in force.
    NewDateNotLater,
    /// `Extend` to a weekend or holiday.
    NewDateNotWorkingDay,
    /// `Return` while the dossier's fee is not paid.
    FeeUnpaid,
}

impl Outcome {
    /// What to tell the person when it did not go through.
    pub fn message(&self, action: Action, lang: Lang) -> Option<String> {
        let vi = lang == Lang::Vi;
        Some(match self {
            Outcome::Done(_) => return None,
            Outcome::NotFound | Outcome::Forbidden if vi => "Bạn không có quyền thực hiện thao tác này với hồ sơ.".into(),
            Outcome::NotFound | Outcome::Forbidden => "You may not do this to the dossier.".into(),
            Outcome::Changed if vi => "Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang để xem trạng thái mới nhất rồi thao tác lại.".into(),
            Outcome::Changed => "Someone else has just changed the dossier. Reload the page to see its latest state, then try again.".into(),
            Outcome::NotAllowed(refusal) => refusal.message(lang),
            Outcome::NoteMissing if vi => format!("Nhập lý do để “{}”.", action.label(lang)),
            Outcome::NoteMissing => format!("Enter the reason to “{}”.", action.label(lang)),
            Outcome::NotASpecialistHere if vi => "Chọn một chuyên viên của cơ quan xử lý hồ sơ.".into(),
            Outcome::NotASpecialistHere => "Choose a specialist of the agency processing the dossier.".into(),
            Outcome::NewDateMissing if vi => "Nhập ngày hẹn trả kết quả mới, ví dụ 25/12/2026.".into(),
            Outcome::NewDateMissing => "Enter the new appointment date, for example 25/12/2026.".into(),
            Outcome::NewDateNotLater if vi => "Ngày hẹn mới phải sau ngày hẹn hiện tại.".into(),
            Outcome::NewDateNotLater => "The new date must be after the current appointment.".into(),
            Outcome::NewDateNotWorkingDay if vi => "Ngày hẹn mới phải là ngày làm việc (không phải thứ Bảy, Chủ nhật hay ngày lễ).".into(),
            Outcome::NewDateNotWorkingDay => "The new date must be a working day (not a weekend or a holiday).".into(),
            Outcome::FeeUnpaid if vi => "Hồ sơ chưa nộp phí, lệ phí: chỉ trả kết quả sau khi người nộp đã thanh toán (trực tuyến, hoặc thu tại quầy ở mục “Phí, lệ phí”).".into(),
            Outcome::FeeUnpaid => "The dossier's fee is not paid: the result can be returned once it is (online, or collected at the counter under “Fees”).".into(),
        })
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
pub async fn perform_in(
    state: &AppState,
    tx: &mut PgConnection,
    calendar: &WorkingCalendar,
    request: Request<'_>,
) -> anyhow::Result<Outcome> {
    let user = request.by;
    let action = request.action;
    let Some(dossier) = sqlx::query!(
        r#"SELECT id, status, resumes_to, version, agency_id, applicant_id, assignee_id, result_file_id,
                  to_char(paused_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS paused_on,
                  to_char(due_at, 'YYYY-MM-DD HH24:MI:SS') AS due_at,
                  to_char(legal_due_at, 'YYYY-MM-DD HH24:MI:SS') AS legal_due_at
           FROM dossiers WHERE code = $1"#,
        request.code
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(Outcome::NotFound);
    };

    // Who: the applicant for their own actions; an official whose role
    // reaches the agency otherwise. A specialist acts only on dossiers
    // assigned to them.
    let sees =
        dossier.applicant_id == user.id || user.back_office_agencies().contains(&dossier.agency_id);
    if !sees {
        return Ok(Outcome::NotFound);
    }
    let allowed_actor = match action.actor() {
        Actor::Applicant => dossier.applicant_id == user.id,
        Actor::Official(_) => may_do(user, action, dossier.agency_id, dossier.assignee_id),
    };
    if !allowed_actor {
        return Ok(Outcome::Forbidden);
    }

    // What: the state machine decides, on the version the person saw.
    if dossier.version != request.seen_version {
        return Ok(Outcome::Changed);
    }
    let current = WorkflowState {
        status: DossierStatus::parse(&dossier.status).unwrap_or(DossierStatus::Draft),
        resumes_to: dossier.resumes_to.as_deref().and_then(DossierStatus::parse),
    };
    let next = match current.apply(action) {
        Ok(next) => next,
        Err(refusal) => return Ok(Outcome::NotAllowed(refusal)),
    };
    let note = request
        .note
        .map(|note| app::text::normalize(note.trim()))
        .filter(|note| !note.is_empty());
    if action.needs_note() && note.is_none() {
        return Ok(Outcome::NoteMissing);
    }
    let assignee = match (action, request.assignee_id) {
        (Action::Assign, Some(assignee)) => {
            let is_specialist = sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id
                   WHERE r.user_id = $1 AND r.role = 'specialist' AND u.agency_id = $2 AND u.disabled_at IS NULL) AS "is!""#,
                assignee,
                dossier.agency_id
            )
            .fetch_one(&mut *tx)
            .await?;
            if !is_specialist {
                return Ok(Outcome::NotASpecialistHere);
            }
            Some(assignee)
        }
        (Action::Assign, None) => return Ok(Outcome::NotASpecialistHere),
        _ => dossier.assignee_id,
    };

    // The clock: acceptance sets the appointment from now (after the
    // cut-off, from the next working day); a supplement's pause moves it by
    // the working days it lasted.
    let now = Utc::now();
    let mut due_at = dossier.due_at.clone();
    let mut legal_due_at = dossier.legal_due_at.clone();
    let mut counted_from = None;
    match action {
        Action::Accept => {
            let appointment =
                crate::dossiers::appointments::appointment_for(tx, calendar, dossier.id, now)
                    .await?;
            due_at = Some(timestamp_text(appointment.due));
            legal_due_at = due_at.clone();
            counted_from = Some(appointment.counted_from.to_string());
        }
        Action::Extend => {
            let current = due_at.as_deref().and_then(parse_timestamp);
            let new_day = request.new_due.as_deref().and_then(deadlines::parse_day);
            let Some(new_day) = new_day else {
                return Ok(Outcome::NewDateMissing);
            };
            if current.is_some_and(|current| new_day <= current.date()) {
                return Ok(Outcome::NewDateNotLater);
            }
            if !calendar.is_working_day(new_day) {
                return Ok(Outcome::NewDateNotWorkingDay);
            }
            due_at = Some(timestamp_text(new_day.and_time(calendar.end_of_day())));
        }
        Action::Supplement if current.resumes_to != Some(DossierStatus::Submitted) => {
            let paused_on = dossier
                .paused_on
                .as_deref()
                .and_then(|day| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
            if let (Some(paused_on), Some(due)) = (paused_on, due_at.as_deref()) {
                let resumed_on = deadlines::vietnam_local(now).date();
                let paused = calendar.working_days_between(paused_on, resumed_on);
                // The pause moves both the appointment in force and the
                // legal one.
                let moved = |due: Option<&str>| {
                    due.and_then(parse_timestamp)
                        .map(|due| timestamp_text(calendar.extend_by_pause(due, paused)))
                };
                due_at = moved(Some(due));
                legal_due_at = moved(legal_due_at.as_deref());
            }
        }
        _ => {}
    }
    let mut note = note;
    let mut delivery = None;
    if action == Action::Return {
        // One read: whether the fee is settled, and how the procedure is offered.
        let terms = sqlx::query!(
            r#"SELECT v.online_level,
                      d.fee_total > 0 AND NOT EXISTS (SELECT 1 FROM payments p
                          WHERE p.dossier_id = d.id AND p.status = 'paid') AS "unpaid!"
               FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
               WHERE d.id = $1"#,
            dossier.id
        )
        .fetch_one(&mut *tx)
        .await?;
        if terms.unpaid {
            return Ok(Outcome::FeeUnpaid);
        }
        let chosen = match (request.delivery.as_deref(), terms.online_level.as_str()) {
            (Some("online"), _) => "online",
            (Some("counter"), _) | (_, "partial") => "counter",
            _ => "online",
        };
        if chosen == "counter" && note.is_none() {
            note = Some(match request.lang {
                Lang::Vi => "Đã trao kết quả trực tiếp tại bộ phận một cửa.".to_string(),
                Lang::En => "The result was handed over at the one-stop desk.".to_string(),
            });
        }
        delivery = Some(chosen);
    }
    // Proposing a result drafts the result document from the answers,
    // unless the specialist attached their own (or an earlier proposal's
    // stands, sent back for another look).
    let result_file = match (action, dossier.result_file_id) {
        (Action::Propose, None) => Some(super::results::draft_result(state, tx, dossier.id).await?),
        _ => None,
    };
    let pausing = next.status == DossierStatus::AwaitingSupplement;
    let updated = sqlx::query!(
        "UPDATE dossiers SET status = $2, version = version + 1, updated_at = now(),
                resumes_to = $3, assignee_id = $4,
                paused_at = CASE WHEN $5 THEN now() ELSE NULL END,
                supplement_requested_by = CASE WHEN $5 THEN $6 ELSE supplement_requested_by END,
                received_at = CASE WHEN $7 THEN now() ELSE received_at END,
                counted_from = COALESCE($8::text::date, counted_from),
                due_at = $9::text::timestamp,
                resolved_at = CASE WHEN $10 THEN now() ELSE resolved_at END,
                result_file_id = COALESCE($12, result_file_id),
                legal_due_at = $13::text::timestamp,
                result_delivery = COALESCE($14, result_delivery)
         WHERE id = $1 AND version = $11",
        dossier.id,
        next.status.as_str(),
        next.resumes_to.map(DossierStatus::as_str),
        assignee,
        pausing,
        user.id,
        action == Action::Accept,
        counted_from,
        due_at,
        next.status.is_final(),
        request.seen_version,
        result_file,
        legal_due_at,
        delivery,
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Ok(Outcome::Changed);
    }
    sqlx::query!(
        "INSERT INTO dossier_history (dossier_id, actor_id, action, from_status, to_status, note, due_before, due_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text::timestamp, $8::text::timestamp)",
        dossier.id,
        user.id,
        action.as_str(),
        current.status.as_str(),
        next.status.as_str(),
        note,
        dossier.due_at,
        due_at,
    )
    .execute(&mut *tx)
    .await?;
    if matches!(
        next.status,
        DossierStatus::Refused | DossierStatus::Stopped | DossierStatus::Withdrawn
    ) {
        // Paid for a result that will not come: the money is owed back,
        // and attempts still open are given up.
        sqlx::query!(
            "UPDATE payments SET status = CASE status WHEN 'paid' THEN 'refund_due' ELSE 'expired' END
             WHERE dossier_id = $1 AND status IN ('paid', 'pending')",
            dossier.id
        )
        .execute(&mut *tx)
        .await?;
    }
    notices::tell_applicant(state, tx, dossier.id, action, note.as_deref()).await?;
    Ok(Outcome::Done(next.status))
}

/// Appointments travel to and from SQL as text (`to_char` out, `::timestamp`
/// in) in this one format.
const TIMESTAMP: &str = "%Y-%m-%d %H:%M:%S";

fn parse_timestamp(text: &str) -> Option<chrono::NaiveDateTime> {
    chrono::NaiveDateTime::parse_from_str(text, TIMESTAMP).ok()
}

fn timestamp_text(moment: chrono::NaiveDateTime) -> String {
    moment.format(TIMESTAMP).to_string()
}
