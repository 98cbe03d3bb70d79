//! `POST /ho-so/{code}/rut`: the applicant withdraws a dossier the one-stop
//! shop has not accepted yet.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::back_office::actions::{self, Outcome, Request};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::dossiers::Action;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, State};
use tower_sessions::Session;

#[tracing::instrument(skip_all, fields(dossier = %code, user_id = user.id, action = "withdraw"))]
pub async fn withdraw(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let texts = &asker.lang.texts().filing;
    // Through the one transition service: the same state machine and the
    // same version check as the back office, so a race with acceptance
    // cannot both win; the policy there decides whose dossier it is.
    let version = sqlx::query_scalar!("SELECT version FROM dossiers WHERE code = $1", code)
        .fetch_optional(&state.pool)
        .await?
        .unwrap_or(-1);
    let request = Request {
        code: &code,
        action: Action::Withdraw,
        seen_version: version,
        note: None,
        assignee_id: None,
        new_due: None,
        delivery: None,
        collector: Default::default(),
        by: &user,
        lang: asker.lang,
    };
    let back = see_other(&paths::dossier(&code));
    match actions::perform(&state, request).await? {
        Outcome::Done(_) => feedback::notice(&session, NoticeTone::Success, texts.withdrawn).await,
        outcome => {
            feedback::notice(&session, NoticeTone::Error, texts.cannot_withdraw).await;
            // Someone else's dossier answers like a missing one, audited.
            if matches!(outcome, Outcome::NotYours | Outcome::Forbidden) {
                return Ok(refusals::mark(
                    back,
                    format!("dossier {code}, action withdraw"),
                ));
            }
        }
    }
    Ok(back)
}
