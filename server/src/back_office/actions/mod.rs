//! Every change of a submitted dossier's state, one file per action: its
//! route, who may take it, when, and what it does besides moving the state
//! (`accept.rs`, `request_supplement.rs`, `supplement.rs`, `refuse.rs`,
//! `assign.rs`, `propose.rs`, `approve.rs`, `send_back.rs`,
//! `return_result.rs`, `stop.rs`, `apologise.rs`, `withdraw.rs`). What they
//! share — the dossier locked, the access policy, the version, the state
//! machine, the history entry and the notices, in one transaction — is
//! [`core`].
//!
//! The back office's dossier page posts every action to one address,
//! `POST /can-bo/ho-so/{code}/thao-tac` with `action=<name>`; [`act`] reads
//! the form and hands it to the action named. The answer is a redirect back
//! to the dossier with a notice.

pub mod core;
mod issue;
mod outcome;

mod accept;
mod apologise;
mod approve;
mod assign;
mod propose;
mod refuse;
mod request_supplement;
mod return_result;
mod send_back;
mod stop;
pub mod supplement;
mod withdraw;

pub use self::core::{perform, perform_in, Collector, Request};
pub use outcome::Outcome;

use self::core::{Halt, Step};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::dossiers::Action;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, State};
use tower_sessions::Session;

/// `POST /can-bo/ho-so/{code}/thao-tac`: an official's action, named by
/// the form's `action` field.
pub async fn act(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let back = paths::office_dossier(&code);
    let Some(action) = Action::parse(&form.get("action")) else {
        return Ok(see_other(&back));
    };
    let request = Request {
        code: &code,
        action,
        seen_version: form.get("version").parse().unwrap_or(-1),
        note: Some(form.get("note")),
        assignee_id: form.get("assignee").parse().ok(),
        new_due: Some(form.get("new_due")),
        delivery: Some(form.get("delivery")),
        collector: Collector {
            name: Some(form.get("collector_name")),
            citizen_id: Some(form.get("collector_citizen_id")),
        },
        by: &user,
        lang: asker.lang,
    };
    answer(&state, &session, asker, request, &back).await
}

/// Takes the action and goes back to `back` with a notice saying how it went.
async fn answer(
    state: &AppState,
    session: &Session,
    asker: Asker,
    request: Request<'_>,
    back: &str,
) -> HandlerResult {
    let action = request.action;
    let code = request.code.to_string();
    match perform(state, request).await? {
        Outcome::Done(status) => {
            let texts = &asker.lang.texts().back_office;
            feedback::notice(
                session,
                NoticeTone::Success,
                (texts.done)(status.label(asker.lang)),
            )
            .await;
        }
        outcome => {
            let message = outcome.message(action, asker.lang).unwrap_or_default();
            feedback::notice(session, NoticeTone::Error, message).await;
            if matches!(outcome, Outcome::NotYours | Outcome::Forbidden) {
                let object = format!("dossier {code}, action {}", action.as_str());
                return Ok(refusals::mark(see_other(back), object));
            }
        }
    }
    Ok(see_other(back))
}

/// The action's own rule and effect, before the change is written.
async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    match step.request.action {
        Action::Accept => accept::effect(step).await,
        Action::RequestSupplement => request_supplement::effect(step).await,
        Action::Supplement => supplement::effect(step).await,
        Action::Refuse => refuse::effect(step).await,
        Action::Assign => assign::effect(step).await,
        Action::Propose => propose::effect(step).await,
        Action::Approve => approve::effect(step).await,
        Action::SendBack => send_back::effect(step).await,
        Action::Return => return_result::effect(step).await,
        Action::Stop => stop::effect(step).await,
        Action::Extend => apologise::effect(step).await,
        Action::Withdraw => withdraw::effect(step).await,
    }
}

/// Who is told, once the change is written (in the same transaction).
async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    match step.request.action {
        Action::Accept => accept::notify(step).await,
        Action::RequestSupplement => request_supplement::notify(step).await,
        Action::Supplement => supplement::notify(step).await,
        Action::Refuse => refuse::notify(step).await,
        Action::Approve => approve::notify(step).await,
        Action::Return => return_result::notify(step).await,
        Action::Stop => stop::notify(step).await,
        Action::Extend => apologise::notify(step).await,
        // Within the back office: the inbox shows these. A withdrawal is
        // the applicant's own doing.
        Action::Assign | Action::Propose | Action::SendBack | Action::Withdraw => Ok(()),
    }
}
