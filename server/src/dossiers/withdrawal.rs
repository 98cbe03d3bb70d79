//! `POST /ho-so/{code}/rut`: the applicant withdraws a dossier the one-stop
//! shop has not accepted yet.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::back_office::actions::{self, Outcome, Request};
use crate::forms::{see_other, unavailable, Asker};
use crate::state::AppState;
use app::dossiers::Action;
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
    // Through the one transition service: the same state machine and the
    // same version check as the back office, so a race with acceptance
    // cannot both win.
    let version = sqlx::query_scalar!(
        "SELECT version FROM dossiers WHERE code = $1 AND applicant_id = $2",
        code,
        user.id
    )
    .fetch_optional(&state.pool)
    .await;
    let version = match version {
        Ok(version) => version.unwrap_or(-1),
        Err(error) => return unavailable(error, asker.lang),
    };
    let request = Request {
        code: &code,
        action: Action::Withdraw,
        seen_version: version,
        note: None,
        assignee_id: None,
        new_due: None,
        delivery: None,
        by: &user,
        lang: asker.lang,
    };
    match actions::perform(&state, request).await {
        Ok(Outcome::Done(_)) => {
            feedback::notice(&session, NoticeTone::Success, texts.withdrawn).await
        }
        Ok(_) => feedback::notice(&session, NoticeTone::Error, texts.cannot_withdraw).await,
        Err(error) => return unavailable(error, asker.lang),
    }
    see_other(&format!("/ho-so/{code}"))
}
