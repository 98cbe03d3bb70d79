//! Ending sessions from `/tai-khoan/phien`: one of the account's own
//! (`POST /tai-khoan/phien/{id}/ket-thuc`), or every one but the session in
//! use (`POST /tai-khoan/phien/ket-thuc-khac`). An ended session's row says
//! so, and the authentication middleware reads it on the session's next
//! request, on every instance, so its cookie is worth nothing from then on.
//! Administrators end all of an official's sessions from the official's
//! page (`administration::officials::end_sessions`).

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::CurrentSession;
use app::accounts::sessions::device_name;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, State};
use axum::Extension;
use serde_json::json;
use tower_sessions::Session;

pub async fn end_one(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Extension(CurrentSession(current)): Extension<CurrentSession>,
    Path(id): Path<i64>,
) -> HandlerResult {
    let t = &asker.lang.texts().sessions;
    let mut tx = state.pool.begin().await?;
    // Only the account's own, still open: another's is missing, not refused.
    let Some(user_agent) = sqlx::query_scalar!(
        "UPDATE user_sessions SET ended_at = now(), ended_by = $2
         WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING user_agent",
        id,
        user.id
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(refusals::as_missing(format!("session {id}")));
    };
    audit::record(
        &mut *tx,
        Some(user.id),
        AuditAction::SessionEnded,
        json!({ "session": id }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    if current == Some(id) {
        session.flush().await?;
        feedback::notice(&session, NoticeTone::Success, t.ended_here).await;
        return Ok(see_other(paths::HOME));
    }
    let device = device_name(&user_agent, asker.lang);
    feedback::notice(&session, NoticeTone::Success, (t.ended)(&device)).await;
    Ok(see_other(paths::MY_SESSIONS))
}

pub async fn end_others(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Extension(CurrentSession(current)): Extension<CurrentSession>,
) -> HandlerResult {
    let t = &asker.lang.texts().sessions;
    let mut tx = state.pool.begin().await?;
    let ended = sqlx::query!(
        "UPDATE user_sessions SET ended_at = now(), ended_by = $1
         WHERE user_id = $1 AND ended_at IS NULL AND id IS DISTINCT FROM $2",
        user.id,
        current
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    audit::record(
        &mut *tx,
        Some(user.id),
        AuditAction::SessionEnded,
        json!({ "others": ended }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let message = if ended == 0 {
        t.none_other.to_string()
    } else {
        (t.others_ended)(ended)
    };
    feedback::notice(&session, NoticeTone::Success, message).await;
    Ok(see_other(paths::MY_SESSIONS))
}
