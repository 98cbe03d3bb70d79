//! `GET /phan-anh/anh/{id}`: a report's photo, to whoever may see the
//! report — everyone for a public, accepted one (photos after the work
//! once the answer is published), its reporter and followers, the
//! coordinator and the handling agency's staff. Photos hold no metadata
//! (`photos.rs`); `nosniff` and a sandboxing policy keep them images.

use crate::access::refusals;
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::Visitor;
use app::access::{permits, Permission};
use app::field_reports::store::{photos_shown, with_their_agency};
use app::field_reports::ReportStatus;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::Extension;
use object_store::path::Path as StorePath;
use object_store::ObjectStore;

pub async fn photo(
    State(state): State<AppState>,
    visitor: Option<Extension<Visitor>>,
    Path(id): Path<i64>,
) -> HandlerResult {
    let row = sqlx::query!(
        r#"SELECT f.storage_key, f.content_type, p.stage, r.id AS report_id, r.status, r.public,
                  r.agency_id, r.reporter_id
           FROM field_report_photos p JOIN stored_files f ON f.id = p.file_id
           JOIN field_reports r ON r.id = p.report_id WHERE p.id = $1"#,
        id
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let user = visitor.and_then(|Extension(visitor)| visitor.0);
    let status = ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Received);
    let visible = match &user {
        Some(user) => {
            let follows = sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM field_report_followers WHERE report_id = $1 AND user_id = $2) AS "x!""#,
                row.report_id,
                user.id
            )
            .fetch_one(&state.pool)
            .await?;
            let involved = follows || row.reporter_id == Some(user.id);
            permits(user, Permission::CoordinateFieldReports)
                || with_their_agency(user, row.agency_id, status)
                || photos_shown(&row.stage, &row.status, row.public, involved)
        }
        None => photos_shown(&row.stage, &row.status, row.public, false),
    };
    if !visible {
        return Ok(refusals::as_missing(format!("report photo {id}")));
    }
    let bytes = state
        .files
        .get(&StorePath::from(row.storage_key.as_str()))
        .await?
        .bytes()
        .await?;
    // Public photos may be kept by the browser for a while; private ones
    // not at all.
    let cache = if photos_shown(&row.stage, &row.status, row.public, false) {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (header::CONTENT_TYPE, row.content_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "sandbox; default-src 'none'".to_string(),
            ),
            (header::CACHE_CONTROL, cache.to_string()),
        ],
        bytes,
    )
        .into_response())
}
