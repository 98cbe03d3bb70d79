//! `POST …/thu-nop`: a test submission of the form being previewed,
//! checked as a filing is — the form's logic, required fields, hidden
//! answers dropped — and stored nowhere. Group buttons add or remove an
//! item and come back without a check, as on the filing page.

use super::access::definition;
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::pages::{FORM_TRY_FORM, KEPT_PREFIX};
use app::eforms::keys::{posted_answers, GroupChange};
use app::eforms::{validate, FormDefinition, ValidationContext};
use app::forms::FormFeedback;
use app::paths;
use axum::extract::{Path, Query, State};
use std::collections::HashMap;
use tower_sessions::Session;

pub async fn try_form(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    posted: Posted,
) -> HandlerResult {
    let version = query.get("phien-ban").and_then(|n| n.parse::<i32>().ok());
    let Some(form) = definition(&state, &user, &code, version)
        .await?
        .and_then(|value| serde_json::from_value::<FormDefinition>(value).ok())
    else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    let back = match version {
        Some(number) => format!("{}?phien-ban={number}", paths::preview_form(&code)),
        None => paths::preview_form(&code),
    };
    let mut answers = posted_answers(&form, |key| Some(posted.get(key)));
    // A trial stores nothing, so its file questions count as answered by
    // a sample file: the rest of the form is what is being tried.
    let sample = match asker.lang {
        app::i18n::Lang::Vi => "tep-mau.pdf",
        app::i18n::Lang::En => "sample.pdf",
    };
    for field in form.file_fields() {
        answers.insert(field.name.clone(), sample.to_string());
    }
    let mut kept = FormFeedback::new(FORM_TRY_FORM);
    if let Some(change) = GroupChange::parse(&posted.get("action")) {
        change.apply(&form, &mut answers);
    } else {
        let places = app::filing::store::place_book(&state.pool, &answers).await?;
        let context = ValidationContext {
            lang: asker.lang,
            today: state.clock.today_in_vietnam(),
            places: Some(&places),
        };
        match validate(&form, &answers, context) {
            Ok(clean) => {
                for (key, value) in clean {
                    kept.keep(&format!("{KEPT_PREFIX}{key}"), &value);
                }
            }
            Err(errors) => {
                for error in errors {
                    kept.error(&error.field, error.message);
                }
            }
        }
    }
    for (key, value) in &answers {
        kept.keep(key, value);
    }
    feedback::form(&session, kept).await;
    Ok(see_other(&back))
}
