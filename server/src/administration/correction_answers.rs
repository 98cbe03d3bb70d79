//! `POST /quan-tri/yeu-cau-chinh-sua/{id}`: an administrator answers a
//! correction request in their reach (account requests: the province's
//! administrators; dossier requests: those whose reach takes in the
//! dossier's agency), once; a refusal says why. The person is notified.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::Permission;
use app::accounts::corrections::{Reach, MAX_TEXT};
use app::administration::pages::answer_form;
use app::error::AppError;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

pub async fn answer(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    let admin = user.may(Permission::ListOfficials, asker.lang)?;
    let c = &asker.lang.texts().corrections;
    let back = paths::CORRECTIONS_ADMIN;
    let reach = Reach::of(admin, &state.pool).await?;
    let mut tx = state.pool.begin().await?;
    // Locked, and in reach: one outside it is "not found", telling nothing.
    let request = sqlx::query!(
        r#"SELECT r.user_id, r.status, r.about
           FROM correction_requests r LEFT JOIN dossiers d ON d.id = r.dossier_id
           WHERE r.id = $1
             AND ((r.about = 'account' AND $2) OR (r.about = 'dossier' AND d.agency_id = ANY($3)))
           FOR UPDATE OF r"#,
        id,
        reach.province_wide,
        &reach.agencies,
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut kept = FormFeedback::new(&answer_form(id));
    let outcome = if form.get("outcome") == "refused" {
        "refused"
    } else {
        "corrected"
    };
    kept.keep("outcome", outcome);
    let answer = form.kept_text(&mut kept, "answer").trim().to_string();
    if request.status != "open" {
        feedback::notice(&session, NoticeTone::Info, c.already_answered).await;
        return Ok(see_other(back));
    }
    if outcome == "refused" && answer.is_empty() {
        kept.error("answer", c.answer_required);
    }
    if answer.chars().count() > MAX_TEXT {
        kept.error("answer", c.details_too_long);
    }
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(back));
    }
    sqlx::query!(
        "UPDATE correction_requests
         SET status = $2, answer = nullif($3, ''), answered_by = $4, answered_at = now()
         WHERE id = $1",
        id,
        outcome,
        answer,
        admin.id,
    )
    .execute(&mut *tx)
    .await?;
    // In the person's own language is not known here: the portal's first.
    let texts = &app::i18n::Lang::Vi.texts().corrections;
    sqlx::query!(
        "INSERT INTO notifications (user_id, title, body, link) VALUES ($1, $2, $3, $4)",
        request.user_id,
        texts.notification_title,
        texts.notification_body,
        format!("{}#data-correct", paths::MY_DATA),
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin.id),
        AuditAction::CorrectionAnswered,
        json!({ "request": id, "about": request.about, "outcome": outcome }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, c.answered).await;
    Ok(see_other(back))
}
