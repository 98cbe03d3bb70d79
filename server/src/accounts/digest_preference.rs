//! `POST /tai-khoan/thu-tong-hop`: an official turns the morning digest of
//! their overdue and due-soon dossiers on or off.

use crate::access::extractors::{Refusal, SignedIn};
use crate::access::feedback;
use crate::forms::{see_other, unavailable, Asker, Posted};
use crate::state::AppState;
use app::access::AccountKind;
use app::error::AppError;
use app::forms::NoticeTone;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

pub async fn set_digest(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> Response {
    if user.kind != AccountKind::Official {
        return Refusal::page(AppError::Forbidden, asker.lang).into_response();
    }
    let wants = form.get("digest") == "on";
    let updated = sqlx::query!(
        "UPDATE users SET wants_daily_digest = $2 WHERE id = $1",
        user.id,
        wants
    )
    .execute(&state.pool)
    .await;
    if let Err(error) = updated {
        return unavailable(error, asker.lang);
    }
    let texts = &asker.lang.texts().back_office;
    let notice = if wants {
        texts.digest_on
    } else {
        texts.digest_off
    };
    feedback::notice(&session, NoticeTone::Success, notice.to_string()).await;
    see_other("/tai-khoan")
}
