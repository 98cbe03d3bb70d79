//! `POST /can-bo/doi-soat/{id}`: a manager of the dossier's agency settles a
//! flagged payment, saying how.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::policy;
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
    let back = see_other(&paths::reconciliation());
    let refusal = asker.lang.texts().error_forbidden;
    let agency_id = sqlx::query_scalar!(
        "SELECT d.agency_id FROM payment_flags f
         JOIN payments p ON p.id = f.payment_id JOIN dossiers d ON d.id = p.dossier_id
         WHERE f.id = $1",
        id
    )
    .fetch_optional(&state.pool)
    .await?;
    let Some(agency_id) = agency_id else {
        feedback::notice(&session, NoticeTone::Error, refusal).await;
        return Ok(back);
    };
    if !policy::may_settle_payment_flag(&user, agency_id) {
        // Exactly what a missing flag answers, audited.
        feedback::notice(&session, NoticeTone::Error, refusal).await;
        return Ok(refusals::mark(back, format!("payment flag {id}")));
    }
    let resolved = sqlx::query!(
        "UPDATE payment_flags SET resolved_at = now(), resolved_by = $2, resolution = $3
         WHERE id = $1 AND resolved_at IS NULL",
        id,
        user.id,
        note,
    )
    .execute(&state.pool)
    .await?;
    if resolved.rows_affected() == 1 {
        feedback::notice(&session, NoticeTone::Success, words.resolved).await;
    } else {
        feedback::notice(&session, NoticeTone::Error, refusal).await;
    }
    Ok(back)
}
