//! `POST /can-bo/ho-so/{code}/thao-tac` (an official's action) and
//! `POST /ho-so/{code}/bo-sung` (the applicant sends the supplement asked
//! for). Both answer with a redirect back to the dossier and a notice.

use super::transition::{self, Outcome, Request};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::forms::{see_other, unavailable, Asker, Posted};
use crate::state::AppState;
use app::dossiers::Action;
use app::forms::NoticeTone;
use axum::extract::{Path, State};
use axum::response::Response;
use tower_sessions::Session;

pub async fn act(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> Response {
    let back = format!("/can-bo/ho-so/{code}");
    let Some(action) = Action::parse(&form.get("action")) else {
        return see_other(&back);
    };
    let request = Request {
        code: &code,
        action,
        seen_version: form.get("version").parse().unwrap_or(-1),
        note: Some(form.get("note")),
        assignee_id: form.get("assignee").parse().ok(),
        new_due: Some(form.get("new_due")),
        delivery: Some(form.get("delivery")),
        by: &user,
        lang: asker.lang,
    };
    answer(&state, &session, asker, request, &back).await
}

pub async fn supplement(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> Response {
    let back = format!("/ho-so/{code}");
    let request = Request {
        code: &code,
        action: Action::Supplement,
        seen_version: form.get("version").parse().unwrap_or(-1),
        note: Some(form.get("note")),
        assignee_id: None,
        new_due: None,
        delivery: None,
        by: &user,
        lang: asker.lang,
    };
    answer(&state, &session, asker, request, &back).await
}

async fn answer(
    state: &AppState,
    session: &Session,
    asker: Asker,
    request: Request<'_>,
    back: &str,
) -> Response {
    let action = request.action;
    match transition::perform(state, request).await {
        Ok(Outcome::Done(status)) => {
            let texts = &asker.lang.texts().back_office;
            feedback::notice(
                session,
                NoticeTone::Success,
                (texts.done)(status.label(asker.lang)),
            )
            .await;
        }
        Ok(outcome) => {
            let message = outcome.message(action, asker.lang).unwrap_or_default();
            feedback::notice(session, NoticeTone::Error, message).await;
        }
        Err(error) => return unavailable(error, asker.lang),
    }
    see_other(back)
}
