//! A form as a JSON file: `GET …/json` downloads the draft (or the live
//! version, or `?phien-ban=N`); `POST …/nhap` takes such a file (the form
//! document itself) into the draft, as a save kept in the history.

use super::access::{definition, lock};
use super::drafting::save;
use super::store::SaveKind;
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::{HandlerError, HandlerResult};
use crate::files::download::disposition;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::administration::eforms::document_refusal;
use app::administration::pages::FORM_DRAFT_FORM;
use app::eforms::FormDefinition;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use std::collections::HashMap;
use tower_sessions::Session;

/// The largest form file taken.
const MAX_FILE_BYTES: usize = 1024 * 1024;

pub async fn export(
    State(state): State<AppState>,
    user: SignedIn,
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> HandlerResult {
    let version = query.get("phien-ban").and_then(|n| n.parse::<i32>().ok());
    let Some(definition) = definition(&state, &user, &code, version).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    let name = match version {
        Some(number) => format!("{code}-v{number}.json"),
        None => format!("{code}.json"),
    };
    let body = serde_json::to_string_pretty(&definition).map_err(HandlerError::internal)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                disposition("attachment", &name),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}

pub async fn import(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    mut multipart: Multipart,
) -> HandlerResult {
    let t = &asker.lang.texts().forms_admin;
    let back = paths::form_admin(&code);
    let mut bytes = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| HandlerError::bad_request())?
    {
        if field.name() == Some("file") {
            bytes = field
                .bytes()
                .await
                .map_err(|_| HandlerError::bad_request())?
                .to_vec();
        }
    }
    let refuse = |message: String| async {
        let mut kept = FormFeedback::new(FORM_DRAFT_FORM);
        kept.error("file", message);
        feedback::form(&session, kept).await;
        Ok(see_other(&back))
    };
    if bytes.len() > MAX_FILE_BYTES {
        return refuse((t.file_too_large)(MAX_FILE_BYTES >> 20)).await;
    }
    let definition = match serde_json::from_slice::<FormDefinition>(&bytes) {
        Ok(definition) => definition,
        Err(error) => return refuse(document_refusal(&error, asker.lang)).await,
    };
    let mut tx = state.pool.begin().await?;
    let Some(form) = lock(&mut tx, &user, &code).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    save(
        &mut tx,
        &state,
        &asker,
        &form,
        &definition,
        SaveKind::Imported,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.imported).await;
    Ok(see_other(&back))
}
