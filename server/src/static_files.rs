//! The browser bundle and stylesheet (`/pkg/…`), served before the session
//! and page layers: they are the same for everyone.
//!
//! The build (`scripts/finish-bundle`) copies each file to a name carrying a
//! hash of its content, which pages link to, and writes brotli and gzip
//! copies beside every file; nothing is compressed per request. A content
//! name never changes meaning, so browsers keep it a year without asking
//! again (`immutable`). The plain names stay for what cannot know the hash
//! (the static error page's stylesheet); browsers check those on each use.

use app::bundle::BundleFiles;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;

pub fn router<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let bundle = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/pkg", bundle)
        .layer(middleware::from_fn(cache_for_as_long_as_the_name_holds))
}

const FOR_GOOD: &str = "public, max-age=31536000, immutable";
const CHECK_EACH_USE: &str = "no-cache";

async fn cache_for_as_long_as_the_name_holds(request: Request, next: Next) -> Response {
    let content_named = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .is_some_and(BundleFiles::is_content_named);
    let mut response = next.run(request).await;
    let policy = if content_named && response.status().is_success() {
        FOR_GOOD
    } else {
        CHECK_EACH_USE
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}
