//! `POST /can-bo/doi-soat/{id}`: a manager of the dossier's agency settles a
//! flagged payment, saying how.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::Role;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, State};
use tower_sessions::Session;

pub async fn resolve(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    let words = &asker.lang.texts().payments;
    let note = app::text::normalize(form.get("note").trim());
    if note.is_empty() {
        feedback::notice(&session, NoticeTone::Error, words.resolution_missing).await;
        return Ok(see_other(&paths::reconciliation()));
    }
    let scope = user.agencies_for(Role::Manager).to_vec();
    let resolved = sqlx::query!(
        "UPDATE payment_flags f SET resolved_at = now(), resolved_by = $2, resolution = $3
         FROM payments p JOIN dossiers d ON d.id = p.dossier_id
         WHERE f.id = $1 AND p.id = f.payment_id AND d.agency_id = ANY($4) AND f.resolved_at IS NULL",
        id,
        user.id,
        note,
        &scope
    )
    .execute(&state.pool)
    .await?;
    if resolved.rows_affected() == 1 {
        feedback::notice(&session, NoticeTone::Success, words.resolved).await;
    } else {
        let refusal = asker.lang.texts().error_forbidden;
        feedback::notice(&session, NoticeTone::Error, refusal).await;
    }
    Ok(see_other(&paths::reconciliation()))
}
