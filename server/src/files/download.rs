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
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use object_store::path::Path as StorePath;
use object_store::ObjectStore;

pub async fn download(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    serve(&state, &user, id, "attachment").await
}

/// Opens the file in the browser's own viewer (a new tab from the dossier
/// page) instead of saving it.
pub async fn view(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    serve(&state, &user, id, "inline").await
}

async fn serve(
    state: &AppState,
    user: &app::access::SignedInUser,
    id: i64,
    disposition: &str,
) -> HandlerResult {
    // Its owner (a result only once it was returned), or an official whose
    // back-office roles reach the agency of a submitted dossier the file
    // belongs to (attached, or its result), or the reception officer who
    // scanned it into a counter draft they are still filling.
    let scope = user.back_office_agencies();
    let row = sqlx::query!(
        "SELECT f.storage_key, f.original_name, f.content_type FROM stored_files f
         WHERE f.id = $1 AND ((f.owner_id = $2 AND (f.kind = 'upload'
                OR EXISTS (SELECT 1 FROM dossiers d WHERE d.result_file_id = f.id AND d.status = 'returned')))
            OR EXISTS (SELECT 1 FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id
                       WHERE a.file_id = f.id AND ((d.status <> 'draft' AND d.agency_id = ANY($3))
                                                   OR (d.status = 'draft' AND d.filed_by = $2)))
            OR EXISTS (SELECT 1 FROM dossiers d WHERE d.result_file_id = f.id AND d.agency_id = ANY($3)))",
        id,
        user.id,
        &scope
    )
    .fetch_optional(&state.pool)
    .await?
    // Someone else's file and no file at all look the same.
    .ok_or_else(HandlerError::not_found)?;
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
    let ascii_name: String = row
        .original_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = form_urlencoded::byte_serialize(row.original_name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    Ok((
        [
            (header::CONTENT_TYPE, row.content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{encoded}"),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (header::CONTENT_SECURITY_POLICY, policy.to_string()),
        ],
        bytes,
    )
        .into_response())
}
