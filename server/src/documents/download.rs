//! How every generated PDF leaves the portal: as a download with its name.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `bytes` as `application/pdf`, saved as `file_name` (ASCII, no quotes).
pub fn pdf_download(file_name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
