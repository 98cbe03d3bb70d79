//! `POST /nop-ho-so/{code}/giay-to` (and the counter's same address): the
//! filing page's "Tải lên" buttons. They sit inside the filing form and post
//! all of it (`formenctype="multipart/form-data"`), so the answers typed so
//! far are saved in the draft before the files are attached, and the citizen
//! comes back to the document they were at (`#tai-lieu-<slot>`). Every file
//! chosen (`file_<slot>`) is attached, not only the one of the button
//! pressed: a file picked elsewhere would otherwise be lost on the way back.
//! A plain `document` + `file` post (the older separate form) still works.
//! The form's file questions post the same way (`answerfile_<key>`, the
//! button `answer_file=<key>`), and their files' remove buttons
//! (`remove_answer_file=<key>:<file id>`) too.

use super::upload::{attach, discard, read_part, store, uploaded_message, Refused, Slot};
use crate::access::feedback;
use crate::dossiers::drafts::Filing;
use crate::dossiers::filing::save_posted;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::eforms::{FieldKind, FileType};
use app::filing::document_anchor;
use app::filing::eform_fields::FORM_NAME;
use app::filing::file_field::{ANSWER_FILE_PREFIX, REMOVE_ANSWER_FILE, UPLOAD_ANSWER_FILE};
use app::forms::field_id;
use app::forms::NoticeTone;
use app::i18n::Lang;
use axum::extract::{Multipart, State};
use sha2::Sha256;
use tower_sessions::Session;

/// Where a chosen file goes: a required document (`file_<slot>`), or a
/// file question of the form (`answerfile_<key>`).
enum Place {
    Document(Option<i64>),
    Answer(String),
}

/// A file part read in full, for the place it was chosen for.
struct Chosen {
    place: Place,
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
            let place = match key.strip_prefix(ANSWER_FILE_PREFIX) {
                Some(question) => Place::Answer(question.to_string()),
                None => {
                    Place::Document(key.strip_prefix("file_").and_then(|slot| slot.parse().ok()))
                }
            };
            let declared = field.content_type().map(str::to_string);
            let content = read_part(&mut field, state.config.max_file_bytes).await;
            let too_large = content.is_err();
            files.push(Chosen {
                place,
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
    let back = back_to(&filing, &form, pressed);
    let removal = form.get(REMOVE_ANSWER_FILE);
    if !removal.is_empty() {
        let message = remove_answer_file(&state, draft, &removal, asker.lang).await?;
        feedback::notice(&session, NoticeTone::Success, message).await;
        return Ok(see_other(&back));
    }
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
        let name = chosen.name.clone();
        match keep(&state, &filing, draft, chosen, pressed).await? {
            Ok(()) => messages.push(uploaded_message(asker.lang, &name)),
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

/// Checks one chosen file against its place, stores and attaches it.
async fn keep(
    state: &AppState,
    filing: &Filing,
    draft: i64,
    chosen: Chosen,
    pressed: Option<i64>,
) -> anyhow::Result<Result<(), Refused>> {
    let content = match chosen.content {
        Ok(content) => content,
        Err(refused) => return Ok(Err(refused)),
    };
    // The place, and for a file question the kinds it takes.
    let (slot, taken) = match &chosen.place {
        Place::Document(slot) => match slot.or(pressed) {
            Some(document) => {
                let version = filing.procedure.version_id;
                (Slot::Document { version, document }, None)
            }
            None => return Ok(Err(Refused::UnknownDocument)),
        },
        Place::Answer(key) => {
            let Some(FieldKind::File {
                accept,
                max_files,
                max_mb,
            }) = filing.form.field(key).map(|field| &field.kind)
            else {
                return Ok(Err(Refused::UnknownQuestion));
            };
            if let Some(max) = max_mb.map(|mb| u64::from(mb) * 1024 * 1024) {
                if content.0.len() as u64 > max.min(state.config.max_file_bytes) {
                    return Ok(Err(Refused::TooLarge { max }));
                }
            }
            let max_files = *max_files;
            (
                Slot::Answer { key, max_files },
                Some(FileType::taken(accept)),
            )
        }
    };
    let stored = match store(state, draft, content, chosen.name, chosen.declared).await {
        Ok(stored) => stored,
        Err(refused) => return Ok(Err(refused)),
    };
    if let Some(taken) =
        taken.filter(|taken| !taken.iter().any(|kind| kind.mime() == stored.kind.mime()))
    {
        let kinds = taken.iter().map(|kind| kind.name()).collect::<Vec<_>>();
        let refused = Refused::KindNotTaken {
            name: stored.name.clone(),
            kinds: kinds.join(", "),
        };
        discard(state, &stored).await;
        return Ok(Err(refused));
    }
    Ok(attach(state, filing.applicant.id, draft, slot, &stored).await?)
}

/// Takes a file off a file question (`{key}:{file id}`); the file stays in
/// the citizen's wallet.
async fn remove_answer_file(
    state: &AppState,
    draft: i64,
    removal: &str,
    lang: Lang,
) -> anyhow::Result<String> {
    let (key, file) = removal.rsplit_once(':').unwrap_or_default();
    let file: i64 = file.parse().unwrap_or(-1);
    let name = sqlx::query_scalar!(
        "DELETE FROM dossier_answer_files a USING stored_files f
         WHERE a.dossier_id = $1 AND a.field_key = $2 AND a.file_id = $3 AND f.id = a.file_id
         RETURNING f.original_name",
        draft,
        key,
        file
    )
    .fetch_optional(&state.pool)
    .await?;
    tracing::info!(question = key, removed = name.is_some(), "file question");
    Ok(match (name, lang) {
        (Some(name), Lang::Vi) => format!("Đã xóa tệp “{name}” khỏi tờ khai."),
        (Some(name), Lang::En) => format!("“{name}” is removed from the form."),
        (None, Lang::Vi) => "Tệp đã được xóa trước đó.".to_string(),
        (None, Lang::En) => "The file was already removed.".to_string(),
    })
}

/// The page to come back to: the document or the file question of the
/// button pressed, on the page of a paged form it was on.
fn back_to(filing: &Filing, form: &Posted, pressed: Option<i64>) -> String {
    let page = filing
        .form
        .page_index(&form.get(app::filing::PAGE_FIELD))
        .filter(|&index| filing.form.is_question_page(index));
    let question = [form.get(UPLOAD_ANSWER_FILE), form.get(REMOVE_ANSWER_FILE)]
        .into_iter()
        .map(|value| value.split(':').next().unwrap_or_default().to_string())
        .find(|key| filing.form.field(key).is_some());
    match (question, pressed) {
        (Some(key), _) => {
            let path = match page {
                Some(_) => filing.page_path(page),
                None => filing.base_path(),
            };
            format!("{path}#{}-question", field_id(FORM_NAME, &key))
        }
        (None, Some(slot)) => format!("{}#{}", filing.base_path(), document_anchor(slot)),
        (None, None) => filing.base_path(),
    }
}
