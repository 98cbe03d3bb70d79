//! `GET /tep/{id}`: a stored file, to its owner and to officials whose
//! agencies handle a dossier it belongs to, as an attachment; `GET
//! /tep/{id}/xem`: the same file shown in the browser. Only PDF, JPEG and
//! PNG are ever stored (checked by their bytes at upload), and `nosniff`
//! keeps the browser to that type, so no file can turn into a page of the
//! portal. Images and downloads also get a sandboxing CSP (an origin of
//! their own, no scripts); a PDF shown inline cannot have it, because
//! Chromium's PDF viewer does not run in a sandboxed document, so it gets a
//! policy that allows the viewer and nothing else.

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::Asker;
use crate::state::AppState;
use app::access::policy::{self, FileOwnership, FileUse};
use app::dossiers::reads::store::{record, Read};
use app::dossiers::DossierStatus;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use object_store::path::Path as StorePath;
use object_store::ObjectStore;

pub async fn download(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    serve(&state, &user, id, "attachment", asker.ip).await
}

/// Opens the file in the browser's own viewer (a new tab from the dossier
/// page) instead of saving it.
pub async fn view(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    serve(&state, &user, id, "inline", asker.ip).await
}

async fn serve(
    state: &AppState,
    user: &app::access::SignedInUser,
    id: i64,
    disposition: &str,
    ip: Option<std::net::IpAddr>,
) -> HandlerResult {
    let row = sqlx::query!(
        "SELECT storage_key, original_name, content_type, owner_id, kind FROM stored_files WHERE id = $1",
        id
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    // Every dossier the file belongs to: attached to one of its documents
    // or answering a question of its form, or its result.
    let uses = sqlx::query!(
        r#"SELECT d.agency_id AS "agency_id!", d.handling_agency_id AS "handling_agency_id!", d.status AS "status!", d.filed_by, false AS "as_result!",
                  d.code AS "code?", d.applicant_id AS "applicant_id!"
           FROM (SELECT dossier_id FROM dossier_attachments WHERE file_id = $1
                 UNION ALL SELECT dossier_id FROM dossier_answer_files WHERE file_id = $1) a
           JOIN dossiers d ON d.id = a.dossier_id
           UNION ALL
           SELECT d.agency_id, d.handling_agency_id, d.status, d.filed_by, true, d.code, d.applicant_id
           FROM dossiers d WHERE d.result_file_id = $1"#,
        id
    )
    .fetch_all(&state.pool)
    .await?;
    // The dossiers whose files an official reads: their applicants see it.
    let read_by_official: Vec<String> = uses
        .iter()
        .filter(|used| used.applicant_id != user.id && user.is_official())
        .filter_map(|used| used.code.clone())
        .collect();
    let file = FileOwnership {
        owner_id: row.owner_id,
        is_upload: row.kind == "upload",
        uses: uses
            .into_iter()
            .map(|used| FileUse {
                agency_id: used.agency_id,
                handling_agency_id: used.handling_agency_id,
                status: DossierStatus::parse(&used.status).unwrap_or(DossierStatus::Draft),
                filed_by: used.filed_by,
                as_result: used.as_result,
            })
            .collect(),
    };
    if !policy::may_read_file(user, &file) {
        // Someone else's file and no file at all look the same.
        return Ok(refusals::as_missing(format!("file {id}")));
    }
    for code in &read_by_official {
        record(&state.pool, user.id, code, Read::File(id), ip).await?;
    }
    let bytes = state
        .files
        .get(&StorePath::from(row.storage_key.as_str()))
        .await?
        .bytes()
        .await?;
    let policy = if disposition == "inline" && row.content_type == "application/pdf" {
        "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    } else {
        "sandbox; default-src 'none'"
    };
    Ok((
        [
            (header::CONTENT_TYPE, row.content_type),
            (
                header::CONTENT_DISPOSITION,
                self::disposition(disposition, &row.original_name),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (header::CONTENT_SECURITY_POLICY, policy.to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// `Content-Disposition` for a file called `name`: an ASCII stand-in for
/// old clients, and the name itself (RFC 6266).
pub(crate) fn disposition(disposition: &str, name: &str) -> String {
    let ascii_name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{encoded}")
}
