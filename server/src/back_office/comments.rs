//! `POST /can-bo/ho-so/{code}/y-kien`: an internal comment on a dossier of
//! the official's scope. Citizens never see these.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, State};
use tower_sessions::Session;

#[tracing::instrument(skip_all, fields(dossier = %code, user_id = user.id, action = "comment"))]
pub async fn comment(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let back = paths::office_dossier(&code);
    let body = app::text::normalize(form.get("body").trim());
    let vi = asker.lang == app::i18n::Lang::Vi;
    if body.is_empty() || body.chars().count() > 2000 {
        let message = if vi {
            "Nhập ý kiến (tối đa 2000 ký tự)."
        } else {
            "Enter a comment (at most 2000 characters)."
        };
        feedback::notice(&session, NoticeTone::Error, message).await;
        return Ok(see_other(&back));
    }
    let scope = user.back_office_agencies();
    let inserted = sqlx::query!(
        "INSERT INTO dossier_comments (dossier_id, author_id, body)
         SELECT id, $3, $4 FROM dossiers WHERE code = $1 AND agency_id = ANY($2)",
        code,
        &scope,
        user.id,
        body,
    )
    .execute(&state.pool)
    .await?;
    if inserted.rows_affected() == 1 {
        let message = if vi {
            "Đã gửi ý kiến."
        } else {
            "Comment sent."
        };
        feedback::notice(&session, NoticeTone::Success, message).await;
    } else {
        let message = if vi {
            "Bạn không có quyền với hồ sơ này."
        } else {
            "You may not comment on this dossier."
        };
        feedback::notice(&session, NoticeTone::Error, message).await;
    }
    Ok(see_other(&back))
}
