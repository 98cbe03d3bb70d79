//! `POST /nop-ho-so/{code}/giay-to` (and the counter's same address): the
//! filing page's "Tải lên" buttons. They sit inside the filing form and post
//! all of it (`formenctype="multipart/form-data"`), so the answers typed so
//! far are saved in the draft before the files are attached, and the citizen
//! comes back to the document they were at (`#tai-lieu-<slot>`). Every file
//! chosen (`file_<slot>`) is attached, not only the one of the button
//! pressed: a file picked elsewhere would otherwise be lost on the way back.
//! A plain `document` + `file` post (the older separate form) still works.

use super::upload::{attach, read_part, store, uploaded_message, Refused};
use crate::access::feedback;
use crate::dossiers::drafts::Filing;
use crate::dossiers::filing::save_posted;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::filing::document_anchor;
use app::forms::NoticeTone;
use axum::extract::{Multipart, State};
use sha2::Sha256;
use tower_sessions::Session;

/// A file part read in full, for the document it was chosen for.
struct Chosen {
    slot: Option<i64>,
    name: String,
    declared: Option<String>,
    content: Result<(Vec<u8>, Sha256), Refused>,
}

#[tracing::instrument(
    skip_all,
    fields(
        procedure = %filing.procedure.code,
        user_id = filing.officer.as_ref().map_or(filing.applicant.id, |officer| officer.id),
        action = "upload",
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    filing: Filing,
    mut multipart: Multipart,
) -> HandlerResult {
    let mut fields = Vec::new();
    let mut files = Vec::new();
    let mut unreadable = false;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                tracing::info!(%error, "upload body could not be read");
                unreadable = true;
                break;
            }
        };
        let key = field.name().unwrap_or_default().to_string();
        if let Some(file_name) = field.file_name().map(str::to_string) {
            if file_name.is_empty() {
                continue;
            }
            let slot = match key.strip_prefix("file_") {
                Some(slot) => slot.parse().ok(),
                None => None,
            };
            let declared = field.content_type().map(str::to_string);
            let content = read_part(&mut field, state.config.max_file_bytes).await;
            let too_large = content.is_err();
            files.push(Chosen {
                slot,
                name: file_name,
                declared,
                content,
            });
            if too_large {
                // The rest of the body is not read past a refused file.
                break;
            }
        } else if let Ok(text) = field.text().await {
            fields.push((key, text));
        }
    }
    let form = Posted::from_pairs(fields);
    // The answers first: whatever happens to the files, nothing typed is lost.
    let draft = match save_posted(&state, &filing, &form).await? {
        Some(draft) => draft,
        None => filing.draft(&state.pool).await?,
    };
    let pressed = form.get("document").parse::<i64>().ok();
    let back = match pressed {
        Some(slot) => format!("{}#{}", filing.base_path(), document_anchor(slot)),
        None => filing.base_path(),
    };
    if files.is_empty() {
        if unreadable {
            tracing::info!("an upload arrived without a readable file");
        }
        let message = Refused::NoFile.message(asker.lang);
        feedback::notice(&session, NoticeTone::Error, message).await;
        return Ok(see_other(&back));
    }
    let mut messages = Vec::new();
    let mut failed = false;
    for chosen in files {
        let Some(slot) = chosen.slot.or(pressed) else {
            failed = true;
            messages.push(Refused::UnknownDocument.message(asker.lang));
            continue;
        };
        let stored = match chosen.content {
            Ok(content) => store(&state, draft, content, chosen.name, chosen.declared).await,
            Err(refused) => Err(refused),
        };
        let stored = match stored {
            Ok(stored) => stored,
            Err(refused) => {
                failed = true;
                messages.push(refused.message(asker.lang));
                continue;
            }
        };
        let owner = filing.applicant.id;
        let version = filing.procedure.version_id;
        match attach(&state, owner, draft, version, slot, &stored).await? {
            Ok(()) => messages.push(uploaded_message(asker.lang, &stored.name)),
            Err(refused) => {
                failed = true;
                messages.push(refused.message(asker.lang));
            }
        }
    }
    let tone = if failed {
        NoticeTone::Error
    } else {
        NoticeTone::Success
    };
    feedback::notice(&session, tone, messages.join(" ")).await;
    Ok(see_other(&back))
}
