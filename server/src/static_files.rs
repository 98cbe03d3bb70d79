//! The browser bundle and stylesheet (`/pkg/…`), served before the session
//! and page layers: they are the same for everyone.
//!
//! The build writes `.gz` copies beside them (`scripts/precompress`), served
//! to browsers that accept gzip; nothing is compressed per request (the
//! development WebAssembly file is tens of megabytes: compressing it on
//! every request took seconds of CPU). File names are not hashed yet, so
//! browsers keep them but check each use (`no-cache` with `Last-Modified`).

use axum::http::{header, HeaderValue};
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

pub fn router<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let bundle = ServeDir::new(site_root.join("pkg")).precompressed_gzip();
    Router::new()
        .nest_service("/pkg", bundle)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
}
