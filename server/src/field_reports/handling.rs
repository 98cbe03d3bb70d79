//! `POST /can-bo/phan-anh/{code}`: one step on a report, `action` says
//! which. The coordinator forwards, refuses (with a reason) or merges a
//! new report, decides an asked extension, and publishes or sends back an
//! answer; the handling agency's staff give it to an official, send it
//! back as not theirs, or ask for more time. The report's row is locked
//! for the step, so two officials acting at once make one step and the
//! other is told it moved on. The answer itself, with photos, is
//! `answering.rs`.

use super::Event;
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::{permits, Permission};
use app::deadlines::{vietnam_instant, vietnam_local};
use app::field_reports::pages::HANDLING_FORM;
use app::field_reports::rules::{allowed_now, refusal_is_explained, Step};
use app::field_reports::store::{officials_of, with_their_agency};
use app::field_reports::{RefusalReason, ReportStatus, NOTE_LIMIT};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use chrono::{DateTime, NaiveDate, Utc};
use tower_sessions::Session;

/// The report as a step needs it, locked.
pub(super) struct Locked {
    pub id: i64,
    pub status: ReportStatus,
    pub agency_id: Option<i64>,
    pub due_at: DateTime<Utc>,
    pub extension_until: Option<DateTime<Utc>>,
}

pub(super) async fn lock(
    conn: &mut sqlx::PgConnection,
    code: &str,
) -> sqlx::Result<Option<Locked>> {
    Ok(sqlx::query!(
        r#"SELECT id, status, agency_id, due_at AS "due_at: DateTime<Utc>",
                  extension_until AS "extension_until: DateTime<Utc>"
           FROM field_reports WHERE code = $1 FOR UPDATE"#,
        code
    )
    .fetch_optional(&mut *conn)
    .await?
    .map(|row| Locked {
        id: row.id,
        status: ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Received),
        agency_id: row.agency_id,
        due_at: row.due_at,
        extension_until: row.extension_until,
    }))
}

/// A note as typed (`Posted::paragraphs`), at most `NOTE_LIMIT` characters;
/// `None` when shorter than five.
fn note(form: &Posted, name: &str) -> Option<String> {
    let text = form.paragraphs(name);
    let length = text.chars().count();
    (5..=NOTE_LIMIT).contains(&length).then_some(text)
}

pub async fn step(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().field_reports;
    let back = paths::report_handling(&code);
    let action = form.get("action");
    let mut kept = FormFeedback::new(HANDLING_FORM);
    let mut tx = state.pool.begin().await?;
    let Some(report) = lock(&mut tx, &code).await? else {
        return Ok(refusals::as_missing(format!("field report {code}")));
    };
    let coordinator = permits(&user, Permission::CoordinateFieldReports);
    let agency_staff = with_their_agency(&user, report.agency_id, report.status);
    if !coordinator && !agency_staff {
        return Ok(refusals::as_missing(format!("field report {code}")));
    }
    let (step, by_coordinator) = match action.as_str() {
        "forward" => (Step::Forward, true),
        "refuse" => (Step::Refuse, true),
        "merge" => (Step::Merge, true),
        "decide_extension" => (Step::DecideExtension, true),
        "publish" => (Step::Publish, true),
        "return_answer" => (Step::ReturnAnswer, true),
        "assign" => (Step::Assign, false),
        "return" => (Step::Return, false),
        "ask_extension" => (Step::AskExtension, false),
        _ => return Err(crate::errors::HandlerError::bad_request()),
    };
    let permitted = if by_coordinator {
        coordinator
    } else {
        agency_staff
    };
    let in_time = allowed_now(report.status, report.extension_until.is_some(), step);
    if !permitted || !in_time {
        tx.rollback().await?;
        feedback::notice(&session, NoticeTone::Info, t.not_now).await;
        return Ok(see_other(&back));
    }
    let now = state.clock.now();
    match step {
        Step::Forward => {
            let agency = sqlx::query_scalar!(
                "SELECT id FROM agencies WHERE code = $1 AND merged_into IS NULL AND kind <> 'province'",
                form.get("agency")
            )
            .fetch_optional(&mut *tx)
            .await?;
            let Some(agency) = agency else {
                kept.error("agency", t.unknown_choice);
                return refuse_step(tx, &session, kept, &back).await;
            };
            sqlx::query!(
                "UPDATE field_reports SET status = 'forwarded', agency_id = $2, assignee_id = NULL
                 WHERE id = $1",
                report.id,
                agency
            )
            .execute(&mut *tx)
            .await?;
            Event::new("forwarded", Some(user.id))
                .at_agency(Some(agency))
                .tell(&state, &mut tx, report.id, now, None)
                .await?;
        }
        Step::Refuse => {
            let reason = RefusalReason::parse(&form.get("reason"));
            let explanation = form.paragraphs("note");
            kept.keep("reason", &form.get("reason"));
            kept.keep("note", &explanation);
            if !refusal_is_explained(reason, &explanation) {
                if reason.is_none() {
                    kept.error("reason", t.refusal_unexplained);
                } else {
                    kept.error("note", t.refusal_unexplained);
                }
                return refuse_step(tx, &session, kept, &back).await;
            }
            let reason = reason.map(RefusalReason::as_str);
            sqlx::query!(
                "UPDATE field_reports SET status = 'refused', refusal_reason = $2, refusal_note = $3
                 WHERE id = $1",
                report.id,
                reason,
                explanation
            )
            .execute(&mut *tx)
            .await?;
            Event::new("refused", Some(user.id))
                .noting(&explanation)
                .tell(&state, &mut tx, report.id, now, Some(&explanation))
                .await?;
        }
        Step::Merge => {
            let master = sqlx::query!(
                "SELECT id, code FROM field_reports WHERE code = $1 AND id <> $2
                   AND status IN ('received', 'forwarded', 'in_progress', 'answered') FOR UPDATE",
                form.get("master"),
                report.id
            )
            .fetch_optional(&mut *tx)
            .await?;
            let Some(master) = master else {
                kept.error("master", t.unknown_choice);
                return refuse_step(tx, &session, kept, &back).await;
            };
            sqlx::query!(
                "UPDATE field_reports SET status = 'merged', merged_into = $2 WHERE id = $1",
                report.id,
                master.id
            )
            .execute(&mut *tx)
            .await?;
            // Everyone who followed the duplicate follows the master.
            sqlx::query!(
                "INSERT INTO field_report_followers (report_id, user_id, since)
                 SELECT $2, user_id, $3 FROM field_report_followers WHERE report_id = $1
                 ON CONFLICT DO NOTHING",
                report.id,
                master.id,
                now as _
            )
            .execute(&mut *tx)
            .await?;
            Event::new("merged", Some(user.id))
                .noting(&master.code)
                .tell(&state, &mut tx, report.id, now, Some(&master.code))
                .await?;
        }
        Step::DecideExtension => {
            let grant = form.get("grant") == "1";
            if grant {
                sqlx::query!(
                    "UPDATE field_reports SET due_at = extension_until, warned_at = NULL, escalated_at = NULL,
                         extension_until = NULL, extension_reason = NULL
                     WHERE id = $1",
                    report.id
                )
                .execute(&mut *tx)
                .await?;
                let until = report
                    .extension_until
                    .map(|at| vietnam_local(at).format("%d/%m/%Y").to_string());
                let mut granted =
                    Event::new("extension_granted", Some(user.id)).at_agency(report.agency_id);
                if let Some(until) = until.as_deref() {
                    granted = granted.noting(until);
                }
                granted
                    .tell(&state, &mut tx, report.id, now, until.as_deref())
                    .await?;
            } else {
                sqlx::query!(
                    "UPDATE field_reports SET extension_until = NULL, extension_reason = NULL
                     WHERE id = $1",
                    report.id
                )
                .execute(&mut *tx)
                .await?;
                Event::new("extension_declined", Some(user.id))
                    .at_agency(report.agency_id)
                    .record(&mut tx, report.id, now)
                    .await?;
            }
        }
        Step::Publish => {
            let answer = sqlx::query_scalar!(
                "UPDATE field_reports SET status = 'resolved', published_at = $2 WHERE id = $1
                 RETURNING answer",
                report.id,
                now as _
            )
            .fetch_one(&mut *tx)
            .await?;
            Event::new("published", Some(user.id))
                .at_agency(report.agency_id)
                .tell(&state, &mut tx, report.id, now, answer.as_deref())
                .await?;
        }
        Step::ReturnAnswer => {
            let Some(text) = note(&form, "return_note") else {
                kept.error("return_note", t.note_missing);
                return refuse_step(tx, &session, kept, &back).await;
            };
            sqlx::query!(
                "UPDATE field_reports SET status = 'in_progress' WHERE id = $1",
                report.id
            )
            .execute(&mut *tx)
            .await?;
            Event::new("answer_returned", Some(user.id))
                .at_agency(report.agency_id)
                .noting(&text)
                .record(&mut tx, report.id, now)
                .await?;
        }
        Step::Assign => {
            let official: Option<i64> = form.get("official").parse().ok();
            let agency = report.agency_id.unwrap_or_default();
            let staff = officials_of(&mut *tx, agency).await?;
            let Some(official) =
                official.filter(|id| staff.iter().any(|(staff_id, _)| staff_id == id))
            else {
                kept.error("official", t.unknown_choice);
                return refuse_step(tx, &session, kept, &back).await;
            };
            sqlx::query!(
                "UPDATE field_reports SET status = 'in_progress', assignee_id = $2 WHERE id = $1",
                report.id,
                official
            )
            .execute(&mut *tx)
            .await?;
            Event::new("assigned", Some(user.id))
                .at_agency(report.agency_id)
                .record(&mut tx, report.id, now)
                .await?;
        }
        Step::Return => {
            let Some(text) = note(&form, "return_reason") else {
                kept.error("return_reason", t.note_missing);
                return refuse_step(tx, &session, kept, &back).await;
            };
            sqlx::query!(
                "UPDATE field_reports SET status = 'received', assignee_id = NULL WHERE id = $1",
                report.id
            )
            .execute(&mut *tx)
            .await?;
            Event::new("returned", Some(user.id))
                .at_agency(report.agency_id)
                .noting(&text)
                .record(&mut tx, report.id, now)
                .await?;
        }
        Step::AskExtension => {
            let reason = note(&form, "extension_reason");
            let until = NaiveDate::parse_from_str(form.get("until").trim(), "%Y-%m-%d")
                .ok()
                .or_else(|| app::deadlines::parse_day(&form.get("until")))
                // The end of the office day asked for.
                .and_then(|day| day.and_hms_opt(17, 0, 0))
                .map(vietnam_instant)
                .filter(|until| *until > report.due_at);
            kept.keep("until", &form.get("until"));
            kept.keep("extension_reason", &form.get("extension_reason"));
            if until.is_none() {
                kept.error("until", t.bad_date);
            }
            if reason.is_none() {
                kept.error("extension_reason", t.note_missing);
            }
            let (Some(until), Some(reason)) = (until, reason) else {
                return refuse_step(tx, &session, kept, &back).await;
            };
            sqlx::query!(
                "UPDATE field_reports SET extension_until = $2, extension_reason = $3 WHERE id = $1",
                report.id,
                until as _,
                reason
            )
            .execute(&mut *tx)
            .await?;
            Event::new("extension_asked", Some(user.id))
                .at_agency(report.agency_id)
                .noting(&reason)
                .record(&mut tx, report.id, now)
                .await?;
        }
        Step::Answer | Step::Reopen => return Err(crate::errors::HandlerError::bad_request()),
    }
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.done).await;
    // The agency's staff may no longer see a report they sent back.
    let next = if step == Step::Return {
        paths::REPORT_QUEUE.to_string()
    } else {
        back
    };
    Ok(see_other(&next))
}

/// A step refused for what was typed: nothing changes, the form comes back.
async fn refuse_step(
    tx: sqlx::Transaction<'_, sqlx::Postgres>,
    session: &Session,
    kept: FormFeedback,
    back: &str,
) -> HandlerResult {
    tx.rollback().await?;
    feedback::form(session, kept).await;
    Ok(see_other(back))
}
