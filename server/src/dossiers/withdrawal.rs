//! `POST /ho-so/{code}/rut`: the applicant withdraws a dossier the one-stop
//! shop has not accepted yet.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::forms::{see_other, unavailable, Asker};
use crate::state::AppState;
use app::forms::NoticeTone;
use axum::extract::{Path, State};
use axum::response::Response;
use tower_sessions::Session;

pub async fn withdraw(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> Response {
    let texts = &asker.lang.texts().filing;
    let result: anyhow::Result<bool> = async {
        let mut tx = state.pool.begin().await?;
        // Only the applicant's own dossier, and only from `submitted`: the
        // same statement checks both, so a race with acceptance cannot win.
        let withdrawn = sqlx::query_scalar!(
            "UPDATE dossiers SET status = 'withdrawn', updated_at = now()
             WHERE code = $1 AND applicant_id = $2 AND status = 'submitted' RETURNING id",
            code,
            user.id,
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = withdrawn else { return Ok(false) };
        sqlx::query!(
            "INSERT INTO dossier_history (dossier_id, actor_id, from_status, to_status) VALUES ($1, $2, 'submitted', 'withdrawn')",
            id,
            user.id,
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }
    .await;
    match result {
        Ok(true) => feedback::notice(&session, NoticeTone::Success, texts.withdrawn).await,
        Ok(false) => feedback::notice(&session, NoticeTone::Error, texts.cannot_withdraw).await,
        Err(error) => return unavailable(error, asker.lang),
    }
    see_other(&format!("/ho-so/{code}"))
}
