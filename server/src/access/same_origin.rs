//! Cross-site request forgery defence: a POST (the one state-changing method
//! another site can make a browser send without a CORS preflight, which the
//! portal never grants) is refused unless the browser says it comes
//! from the portal itself — `Sec-Fetch-Site: same-origin`, or, from browsers
//! that do not send that, an `Origin` equal to the portal's public origin.
//! Requests with neither are refused too: every current browser sends one.
//! Calls to the public JSON API (`/api/v1/…`; not the pages' server
//! functions, also under `/api/`) without a cookie are let through: with
//! no session they act as nobody but the bearer token they carry, which a
//! forged cross-site request cannot have; systems calling the API send no
//! browser headers.

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The portal's own origin, `scheme://host[:port]`.
#[derive(Clone, Debug)]
pub struct PortalOrigin(pub Arc<str>);

impl PortalOrigin {
    /// The origin part of the public base URL.
    pub fn from_base_url(base_url: &str) -> PortalOrigin {
        let after_scheme = base_url.find("://").map_or(0, |index| index + 3);
        let end = base_url[after_scheme..]
            .find('/')
            .map_or(base_url.len(), |index| after_scheme + index);
        PortalOrigin(base_url[..end].to_ascii_lowercase().into())
    }
}

pub fn is_allowed(
    method: &Method,
    fetch_site: Option<&str>,
    origin: Option<&str>,
    portal: &PortalOrigin,
) -> bool {
    // Only POST is checked: it is the one method besides GET and HEAD a
    // page of another site can make a browser send without asking first
    // (a form). Any other method from another site needs a CORS preflight
    // the portal never grants, and where no route answers a method,
    // routing says 405.
    if *method != Method::POST {
        return true;
    }
    match (fetch_site, origin) {
        (Some(site), _) => site == "same-origin",
        (None, Some(origin)) => origin.eq_ignore_ascii_case(&portal.0),
        (None, None) => false,
    }
}

pub async fn refuse_cross_origin(
    State(portal): State<PortalOrigin>,
    request: Request,
    next: Next,
) -> Response {
    // Decided before any await: a borrowed request would make the future !Send.
    let allowed = {
        let header_text = |name| {
            request
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
        };
        let cookieless_api = request.uri().path().starts_with("/api/v1/")
            && !request.headers().contains_key(header::COOKIE);
        cookieless_api
            || is_allowed(
                request.method(),
                header_text(header::HeaderName::from_static("sec-fetch-site")),
                header_text(header::ORIGIN),
                &portal,
            )
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!(path = %request.uri().path(), "cross-origin state change refused");
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Yêu cầu bị từ chối vì không xuất phát từ Cổng dịch vụ công. Vui lòng quay lại trang và thử lại.\n\
             The request was refused because it did not come from the portal. Please go back and try again.\n",
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portal() -> PortalOrigin {
        PortalOrigin::from_base_url("https://dichvucong.quangninh.gov.vn/")
    }

    #[test]
    fn the_origin_is_scheme_host_and_port() {
        assert_eq!(
            &*PortalOrigin::from_base_url("http://127.0.0.1:3000").0,
            "http://127.0.0.1:3000"
        );
        assert_eq!(&*portal().0, "https://dichvucong.quangninh.gov.vn");
    }

    #[test]
    fn reads_are_always_allowed() {
        assert!(is_allowed(
            &Method::GET,
            Some("cross-site"),
            Some("https://evil.example"),
            &portal()
        ));
    }

    #[test]
    fn posts_must_come_from_the_portal() {
        let post = Method::POST;
        assert!(is_allowed(&post, Some("same-origin"), None, &portal()));
        assert!(!is_allowed(&post, Some("same-site"), None, &portal()));
        assert!(!is_allowed(
            &post,
            Some("cross-site"),
            Some("https://dichvucong.quangninh.gov.vn"),
            &portal()
        ));
        assert!(is_allowed(
            &post,
            None,
            Some("https://dichvucong.quangninh.gov.vn"),
            &portal()
        ));
        assert!(!is_allowed(
            &post,
            None,
            Some("https://evil.example"),
            &portal()
        ));
        assert!(!is_allowed(&post, None, Some("null"), &portal()));
        assert!(!is_allowed(&post, None, None, &portal()));
    }
}
