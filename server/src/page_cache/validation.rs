//! What lets a browser keep a public page and ask again cheaply: an
//! `ETag` from the page's bytes, `Cache-Control` for as long as the
//! instance keeps its own copy, and `Vary` on what the page depends on
//! besides its address. A request whose `If-None-Match` names the page's
//! `ETag` gets `304 Not Modified` without a body.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use sha2::{Digest, Sha256};
use std::time::Duration;

/// Adds the page's validator and caching rules to its headers.
pub(super) fn describe(headers: &mut HeaderMap, body: &[u8], lifetime: Duration) {
    let digest = Sha256::digest(body);
    // Weak: the same page compressed on the way out is other bytes, but
    // still the same page.
    let tag = format!("W/\"{}\"", hex::encode(&digest[..16]));
    if let Ok(tag) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, tag);
    }
    // `public`: the page is the same for every anonymous visitor, so a
    // proxy may share it; `Vary: Cookie` sends a visitor with a session
    // (just signed in) or another language to the portal instead.
    let rules = format!("public, max-age={}", lifetime.as_secs());
    if let Ok(rules) = HeaderValue::from_str(&rules) {
        headers.insert(header::CACHE_CONTROL, rules);
    }
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Language"),
    );
}

/// The page, or `304` when the visitor already has it.
pub(super) fn answer_with(
    headers: &HeaderMap,
    body: &Bytes,
    validators: Option<&HeaderValue>,
) -> Response {
    let unchanged = headers
        .get(header::ETAG)
        .zip(validators)
        .is_some_and(|(tag, validators)| names(validators, tag));
    let mut response = if unchanged {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        response
    } else {
        Response::new(Body::from(body.clone()))
    };
    for (name, value) in headers {
        // A 304 carries the validator and caching rules, not the body's
        // description.
        if unchanged && (name == header::CONTENT_LENGTH || name == header::CONTENT_TYPE) {
            continue;
        }
        response.headers_mut().append(name, value.clone());
    }
    response
}

/// Whether `If-None-Match` names `tag` (compared weakly, as RFC 9110
/// §13.1.2 asks for this header), or is `*`.
fn names(validators: &HeaderValue, tag: &HeaderValue) -> bool {
    let Ok(validators) = validators.to_str() else {
        return false;
    };
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
    let ours = tag.to_str().map(opaque).unwrap_or_default();
    validators
        .split(',')
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == ours)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn described(body: &[u8]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        describe(&mut headers, body, Duration::from_secs(30));
        headers
    }

    #[test]
    fn a_page_the_visitor_has_is_answered_without_its_body() {
        let headers = described(b"<html>trang</html>");
        let tag = headers.get(header::ETAG).unwrap().clone();
        let body = Bytes::from_static(b"<html>trang</html>");
        let response = answer_with(&headers, &body, Some(&tag));
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers().get(header::ETAG), Some(&tag));
        assert!(response.headers().get(header::CONTENT_TYPE).is_none());
        // A list naming it, or its strong form, matches too.
        let listed = HeaderValue::from_str(&format!("\"x\", {}", tag.to_str().unwrap())).unwrap();
        assert_eq!(
            answer_with(&headers, &body, Some(&listed)).status(),
            StatusCode::NOT_MODIFIED
        );
    }

    #[test]
    fn another_page_or_no_validator_gets_the_page() {
        let headers = described(b"<html>trang</html>");
        let body = Bytes::from_static(b"<html>trang</html>");
        let old = described(b"<html>trang cu</html>");
        let response = answer_with(&headers, &body, old.get(header::ETAG));
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(answer_with(&headers, &body, None).status(), StatusCode::OK);
        assert_ne!(headers.get(header::ETAG), old.get(header::ETAG));
        assert_eq!(
            headers.get(header::CACHE_CONTROL).unwrap(),
            "public, max-age=30"
        );
    }
}
