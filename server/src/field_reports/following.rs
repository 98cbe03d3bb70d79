//! What reporters and followers do on `/phan-anh/{code}`: follow it
//! ("+1": told of each step), rate the published result, and — the
//! reporter, within the province's number of days — reopen it when the
//! problem is still there.

use super::handling::lock;
use super::Event;
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::deadlines::vietnam_local;
use app::field_reports::pages::REPORT_ACTION_FORM;
use app::field_reports::rules::{allowed, reopen_until, Step};
use app::field_reports::store::{may_see, reopen_days};
use app::field_reports::{ReportStatus, NOTE_LIMIT};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use tower_sessions::Session;

/// The report (id, status, and whether `user_id` filed or follows it), if
/// they may see it (`store::may_see`).
async fn sees(
    state: &AppState,
    code: &str,
    user_id: i64,
) -> sqlx::Result<Option<(i64, ReportStatus, bool)>> {
    let row = sqlx::query!(
        r#"SELECT r.id, r.status, r.reporter_id = $2 AS "is_reporter?", r.public,
                  EXISTS (SELECT 1 FROM field_report_followers f WHERE f.report_id = r.id AND f.user_id = $2) AS "follows!"
           FROM field_reports r WHERE r.code = $1"#,
        code,
        user_id
    )
    .fetch_optional(&state.pool)
    .await?;
    Ok(row.and_then(|row| {
        let is_reporter = row.is_reporter.unwrap_or(false);
        let status = ReportStatus::parse(&row.status)?;
        may_see(row.public, &row.status, is_reporter, row.follows).then_some((
            row.id,
            status,
            is_reporter || row.follows,
        ))
    }))
}

/// `POST /phan-anh/{code}/theo-doi` (`follow` = 1 or 0).
pub async fn follow(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().field_reports;
    let Some((id, status, _)) = sees(&state, &code, user.id).await? else {
        return Ok(refusals::as_missing(format!("field report {code}")));
    };
    if !status.is_open() {
        feedback::notice(&session, NoticeTone::Info, t.not_now).await;
        return Ok(see_other(&paths::report(&code)));
    }
    let now = state.clock.now();
    if form.get("follow") == "0" {
        sqlx::query!(
            "DELETE FROM field_report_followers f USING field_reports r
             WHERE f.report_id = $1 AND f.user_id = $2 AND r.id = f.report_id
               AND r.reporter_id IS DISTINCT FROM $2",
            id,
            user.id
        )
        .execute(&state.pool)
        .await?;
    } else {
        let mut tx = state.pool.begin().await?;
        let added = sqlx::query!(
            "INSERT INTO field_report_followers (report_id, user_id, since) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            id,
            user.id,
            now as _
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added == 1 {
            Event::new("followed", None)
                .shown()
                .record(&mut tx, id, now)
                .await?;
        }
        tx.commit().await?;
    }
    feedback::notice(&session, NoticeTone::Success, t.done).await;
    Ok(see_other(&paths::report(&code)))
}

/// `POST /phan-anh/{code}/danh-gia`: 1–5 stars and an optional comment,
/// by the reporter or a follower of a resolved report; a new rating
/// replaces theirs.
pub async fn rate(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().field_reports;
    let back = paths::report(&code);
    let Some((id, status, involved)) = sees(&state, &code, user.id).await? else {
        return Ok(refusals::as_missing(format!("field report {code}")));
    };
    if status != ReportStatus::Resolved || !involved {
        feedback::notice(&session, NoticeTone::Info, t.not_now).await;
        return Ok(see_other(&back));
    }
    let mut kept = FormFeedback::new(REPORT_ACTION_FORM);
    let comment: String = app::text::normalize(form.get("comment").trim())
        .chars()
        .take(1000)
        .collect();
    kept.keep("comment", &comment);
    let Some(stars) = form
        .get("stars")
        .parse::<i16>()
        .ok()
        .filter(|n| (1..=5).contains(n))
    else {
        kept.error("stars", t.rating_missing);
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    };
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    sqlx::query!(
        "INSERT INTO field_report_ratings (report_id, user_id, stars, comment, rated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (report_id, user_id) DO UPDATE SET stars = $3, comment = $4, rated_at = $5",
        id,
        user.id,
        stars,
        (!comment.is_empty()).then_some(comment.as_str()),
        now as _
    )
    .execute(&mut *tx)
    .await?;
    Event::new("rated", Some(user.id))
        .noting(&format!("{stars}/5"))
        .shown()
        .record(&mut tx, id, now)
        .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.done).await;
    Ok(see_other(&back))
}

/// `POST /phan-anh/{code}/phan-anh-lai`: the reporter says the problem is
/// still there, within `report_reopen_days` of the publication; the report
/// goes back to the coordinator with a new due time from now.
pub async fn reopen(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().field_reports;
    let back = paths::report(&code);
    let mut kept = FormFeedback::new(REPORT_ACTION_FORM);
    let reason = form.paragraphs("reason");
    kept.keep("reason", &reason);
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let Some(report) = lock(&mut tx, &code).await? else {
        return Ok(refusals::as_missing(format!("field report {code}")));
    };
    let row = sqlx::query!(
        r#"SELECT r.reporter_id, r.published_at AS "published_at: DateTime<Utc>", r.received_at AS "received_at: DateTime<Utc>",
                  r.due_at AS "due_at: DateTime<Utc>"
           FROM field_reports r WHERE r.id = $1"#,
        report.id
    )
    .fetch_one(&mut *tx)
    .await?;
    if row.reporter_id != Some(user.id) {
        return Ok(refusals::as_missing(format!("field report {code}")));
    }
    let days = reopen_days(&mut *tx).await?;
    let in_window = row
        .published_at
        .is_some_and(|at| vietnam_local(now) <= reopen_until(vietnam_local(at), days));
    if !allowed(report.status, Step::Reopen) || !in_window {
        tx.rollback().await?;
        feedback::notice(&session, NoticeTone::Error, t.reopen_closed).await;
        return Ok(see_other(&back));
    }
    let length = reason.chars().count();
    if !(5..=NOTE_LIMIT).contains(&length) {
        tx.rollback().await?;
        kept.error("reason", t.note_missing);
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    }
    // The same time again as the first round had, counted from now.
    let due = now + (row.due_at - row.received_at);
    sqlx::query!(
        "UPDATE field_reports SET status = 'received', published_at = NULL, answer = NULL, answered_by = NULL,
             answered_at = NULL, assignee_id = NULL, received_at = $2, due_at = $3, warned_at = NULL,
             escalated_at = NULL
         WHERE id = $1",
        report.id,
        now as _,
        due as _
    )
    .execute(&mut *tx)
    .await?;
    Event::new("reopened", Some(user.id))
        .noting(&reason)
        .tell(&state, &mut tx, report.id, now, None)
        .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.done).await;
    Ok(see_other(&back))
}
