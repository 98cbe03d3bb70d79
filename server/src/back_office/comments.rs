//! `POST /can-bo/ho-so/{code}/y-kien`: an internal comment on a dossier of
//! the official's scope. Citizens never see these.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
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
    let dossier = sqlx::query!(
        "SELECT id, applicant_id, agency_id, handling_agency_id, assignee_id FROM dossiers WHERE code = $1",
        code,
    )
    .fetch_optional(&state.pool)
    .await?;
    let dossier_exists = dossier.is_some();
    let allowed = dossier.filter(|dossier| {
        let ownership = DossierOwnership {
            applicant_id: dossier.applicant_id,
            agency_id: dossier.agency_id,
            handling_agency_id: dossier.handling_agency_id,
            assignee_id: dossier.assignee_id,
        };
        policy::may_open_in_back_office(&user, &ownership)
    });
    let Some(dossier) = allowed else {
        let message = if vi {
            "Bạn không có quyền với hồ sơ này."
        } else {
            "You may not comment on this dossier."
        };
        feedback::notice(&session, NoticeTone::Error, message).await;
        // A dossier outside the official's agencies answers like a missing
        // one; only the former is audited.
        let refused = see_other(&back);
        return Ok(if dossier_exists {
            refusals::mark(refused, format!("dossier {code}"))
        } else {
            refused
        });
    };
    sqlx::query!(
        "INSERT INTO dossier_comments (dossier_id, author_id, body) VALUES ($1, $2, $3)",
        dossier.id,
        user.id,
        body,
    )
    .execute(&state.pool)
    .await?;
    let message = if vi {
        "Đã gửi ý kiến."
    } else {
        "Comment sent."
    };
    feedback::notice(&session, NoticeTone::Success, message).await;
    Ok(see_other(&back))
}
