//! `POST /tai-khoan/thu-tong-hop`: an official turns the morning digest of
//! their overdue and due-soon dossiers on or off.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::AccountKind;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::State;
use tower_sessions::Session;

pub async fn set_digest(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    if user.kind != AccountKind::Official {
        return Err(HandlerError::forbidden());
    }
    let wants = form.get("digest") == "on";
    sqlx::query!(
        "UPDATE users SET wants_daily_digest = $2 WHERE id = $1",
        user.id,
        wants
    )
    .execute(&state.pool)
    .await?;
    let texts = &asker.lang.texts().back_office;
    let notice = if wants {
        texts.digest_on
    } else {
        texts.digest_off
    };
    feedback::notice(&session, NoticeTone::Success, notice.to_string()).await;
    Ok(see_other(&paths::account()))
}
