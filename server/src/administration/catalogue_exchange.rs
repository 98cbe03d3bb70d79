//! The catalogue's file routes:
//! - `GET /quan-tri/danh-muc-thu-tuc.{json,xlsx}`: every procedure with its
//!   version in force, for any administrator;
//! - `POST /quan-tri/nhap-thu-tuc` (multipart `file`): imports a file as
//!   drafts, or keeps its errors per row; either way the import's page says;
//! - `POST /quan-tri/nhap-thu-tuc/{id}/xuat-ban`: a second administrator
//!   publishes all its drafts with one effective date;
//! - `POST /quan-tri/nhap-thu-tuc/{id}/huy`: discards them.

use super::catalogue_files::{self, Unreadable};
use super::catalogue_import::{self, CatalogueUpload, Imported, PublishRefused};
use super::procedures::catalogue_keeper;
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::Permission;
use app::administration::pages::PUBLISH_IMPORT_FORM;
use app::administration::procedures::{check_publication, PublishRefusal};
use app::deadlines::parse_day;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// The largest catalogue file taken: 2,000 procedures come to about 5 MB.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

async fn export(
    state: &AppState,
    user: &SignedIn,
    asker: &Asker,
    xlsx: bool,
) -> HandlerResult<Response> {
    user.may(Permission::ListOfficials, asker.lang)?;
    let records = catalogue_files::records(&state.pool).await?;
    let (bytes, kind, extension) = if xlsx {
        (
            catalogue_files::to_xlsx(&records).map_err(anyhow::Error::from)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        )
    } else {
        (
            catalogue_files::to_json(records).map_err(anyhow::Error::from)?,
            "application/json",
            "json",
        )
    };
    let day = state.clock.today_in_vietnam().format("%Y-%m-%d");
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"danh-muc-thu-tuc-{day}.{extension}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub async fn export_json(
    State(state): State<AppState>,
    asker: Asker,
    user: SignedIn,
) -> HandlerResult<Response> {
    export(&state, &user, &asker, false).await
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    asker: Asker,
    user: SignedIn,
) -> HandlerResult<Response> {
    export(&state, &user, &asker, true).await
}

pub async fn import(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    mut multipart: Multipart,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin.content;
    let mut upload = None;
    let mut too_large = false;
    // Reading stops at the route's body limit (MAX_FILE_BYTES): the next
    // part, or the file's bytes, then fail to read.
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                too_large = true;
                break;
            }
        };
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_string();
            match field.bytes().await {
                Ok(bytes) => upload = Some((name, bytes)),
                Err(_) => too_large = true,
            }
            break;
        }
    }
    let Some((file_name, bytes)) =
        upload.filter(|(name, bytes)| !name.is_empty() && !bytes.is_empty())
    else {
        let message = if too_large {
            (t.import_too_large)(MAX_FILE_BYTES / (1024 * 1024))
        } else {
            t.import_no_file.to_string()
        };
        feedback::notice(&session, NoticeTone::Error, message).await;
        return Ok(see_other(paths::PROCEDURES_ADMIN));
    };
    let records = match catalogue_files::read(&bytes) {
        Ok(records) if !records.is_empty() => records,
        Ok(_) | Err(Unreadable::NotACatalogue) => {
            feedback::notice(&session, NoticeTone::Error, t.import_unreadable).await;
            return Ok(see_other(paths::PROCEDURES_ADMIN));
        }
        Err(Unreadable::MissingSheet(sheet)) => {
            feedback::notice(&session, NoticeTone::Error, (t.import_missing_sheet)(sheet)).await;
            return Ok(see_other(paths::PROCEDURES_ADMIN));
        }
        Err(Unreadable::UnknownCode { sheet, row, code }) => {
            let message = (t.import_unknown_code)(sheet, row, &code);
            feedback::notice(&session, NoticeTone::Error, message).await;
            return Ok(see_other(paths::PROCEDURES_ADMIN));
        }
    };
    let sheets = bytes.starts_with(b"PK");
    let today = state.clock.today_in_vietnam();
    let file = CatalogueUpload {
        file_name: &file_name,
        records,
        sheets,
    };
    let imported =
        catalogue_import::import(&state.pool, admin, file, today, asker.lang, asker.ip).await?;
    let id = match imported {
        Imported::Drafts(id) => {
            feedback::notice(&session, NoticeTone::Success, t.import_drafted).await;
            id
        }
        Imported::Refused(id) => {
            feedback::notice(&session, NoticeTone::Error, t.import_refused).await;
            id
        }
    };
    Ok(see_other(&paths::catalogue_import(id)))
}

pub async fn publish(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let texts = &asker.lang.texts().procedures_admin;
    let back = paths::catalogue_import(id);
    let typed = form.get("effective_from").trim().to_string();
    let today = state.clock.today_in_vietnam();
    // The author check is the import's (below); here only the date's.
    let refuse = |message: String| async {
        let mut refused = FormFeedback::new(PUBLISH_IMPORT_FORM);
        refused.keep("effective_from", &typed);
        refused.error("effective_from", message);
        feedback::form(&session, refused).await;
        see_other(&back)
    };
    let day = match check_publication(None, admin, parse_day(&typed), &typed, today) {
        Ok(day) => day,
        Err(refusal) => return Ok(refuse(refusal.message(texts)).await),
    };
    let published = catalogue_import::publish(
        &state.pool,
        id,
        admin,
        day,
        state.clock.now(),
        asker.lang,
        asker.ip,
    )
    .await?;
    match published {
        Ok(count) => {
            let shown = day.format("%d/%m/%Y").to_string();
            feedback::notice(
                &session,
                NoticeTone::Success,
                (texts.content.import_published)(count, &shown),
            )
            .await;
            Ok(see_other(&back))
        }
        Err(PublishRefused::OwnImport) => Ok(refuse(PublishRefusal::OwnDraft.message(texts)).await),
        Err(PublishRefused::NotADraft) => Ok(see_other(&back)),
        Err(PublishRefused::Rows(rows)) => {
            let lines: Vec<String> = rows
                .iter()
                .map(|row| format!("{}: {}", row.code, row.message))
                .collect();
            Ok(refuse(lines.join(" · ")).await)
        }
    }
}

pub async fn discard(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin.content;
    if catalogue_import::discard(&state.pool, id, admin, asker.ip)
        .await?
        .is_some()
    {
        feedback::notice(&session, NoticeTone::Success, t.import_discarded).await;
    }
    Ok(see_other(&paths::catalogue_import(id)))
}
