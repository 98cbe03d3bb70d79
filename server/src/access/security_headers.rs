//! Headers every response carries. Pages get a Content-Security-Policy that
//! admits their one inline script, the bundle loader, by its hash (set where
//! Leptos renders, see [`page_policy`]); everything else gets the same
//! policy admitting no inline script.

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy for pages: scripts only from the portal or the inline scripts
/// named by `inline_scripts` (quoted hashes, [`page_script_hashes`]);
/// WebAssembly allowed to compile; nothing framed, nothing posted elsewhere
/// but to `form_targets` (the payment gateway's origin, which a payment
/// form's redirect leads to; empty when there is none).
pub fn page_policy(inline_scripts: Option<&str>, form_targets: &str) -> String {
    let script = match inline_scripts {
        Some(hashes) => format!("script-src 'self' {hashes} 'wasm-unsafe-eval'"),
        None => "script-src 'self' 'wasm-unsafe-eval'".to_string(),
    };
    format!(
        "default-src 'self'; {script}; style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; form-action 'self'{form_targets}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

/// The inline scripts Leptos writes into every page for hydrating resources,
/// as they are when nothing is to be hydrated outside islands (always here:
/// pages are rendered on the server, see `app::bundle`). Nothing reads them,
/// but the policy admits them so the browser reports no violation.
pub const LEPTOS_EMPTY_STATE_SCRIPTS: [&str; 2] = [
    "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];",
    "__INCOMPLETE_CHUNKS=[];",
];

/// The script sources of a page: the bundle loader and Leptos's empty
/// state scripts, each by its hash.
pub fn page_script_hashes(loader: &str) -> String {
    std::iter::once(loader)
        .chain(LEPTOS_EMPTY_STATE_SCRIPTS)
        .map(|script| format!("'{}'", script_hash(script)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a policy names an inline script: `sha256-<base64 of its SHA-256>`.
pub fn script_hash(script: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Adds the headers to every response of `router` (only where a handler did
/// not set its own).
pub fn apply<S: Clone + Send + Sync + 'static>(router: Router<S>, production: bool) -> Router<S> {
    let fixed = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    // HSTS only in production: on a development http:// address it would make
    // browsers refuse the portal.
    let hsts = production.then(|| HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    router
        .layer(fixed(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(fixed(header::X_FRAME_OPTIONS, "DENY"))
        .layer(fixed(
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&page_policy(None, "")).expect("the policy is ASCII"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            hsts,
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use axum::routing::get;
    use tower::ServiceExt;

    async fn headers_of(production: bool) -> axum::http::HeaderMap {
        let router = apply(Router::new().route("/", get(|| async { "ok" })), production);
        let response = router
            .oneshot(Request::get("/").body(Body::empty()).unwrap())
            .await
            .unwrap();
        response.headers().clone()
    }

    #[tokio::test]
    async fn hsts_is_sent_in_production_only() {
        let production = headers_of(true).await;
        assert_eq!(
            production[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000; includeSubDomains"
        );
        let development = headers_of(false).await;
        assert!(!development.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert_eq!(development[header::X_FRAME_OPTIONS], "DENY");
        assert!(development[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("object-src 'none'"));
    }

    #[test]
    fn the_script_hash_is_in_the_script_source() {
        // The example of the CSP specification: alert('Hello, world.');
        let hash = script_hash("alert('Hello, world.');");
        assert_eq!(hash, "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=");
        let policy = page_policy(Some(&format!("'{hash}'")), " https://pay.example");
        assert!(
            policy.contains(&format!("script-src 'self' '{hash}' 'wasm-unsafe-eval';")),
            "{policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("form-action 'self' https://pay.example;"));
    }
}
