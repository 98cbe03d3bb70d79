//! Every request gets an id: the caller's `x-request-id` when it is a sane
//! token (a proxy's or load balancer's, so their logs and ours join up),
//! else a fresh one. It is in the span of every log line of the request and
//! echoed in the response, so a user's report can be found in the logs.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use rand::RngCore;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longer ids, or other characters, are not an id a proxy made: they would
/// only let a caller write what they like into our logs.
const MAX_LENGTH: usize = 64;

pub async fn assign(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(&REQUEST_ID)
        .filter(|value| sane(value))
        .cloned()
        .unwrap_or_else(generate);
    request.headers_mut().insert(REQUEST_ID, id.clone());
    let mut response = next.run(request).await;
    response.headers_mut().insert(REQUEST_ID, id);
    response
}

/// The id the request was given (by [`assign`], which runs first).
pub fn of(request: &Request) -> &str {
    request
        .headers()
        .get(&REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

fn sane(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_LENGTH
        && bytes
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-_.:".contains(byte))
}

fn generate() -> HeaderValue {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    HeaderValue::from_str(&hex::encode(bytes)).expect("hex digits are a valid header value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_ids_are_kept_and_odd_ones_replaced() {
        assert!(sane(&HeaderValue::from_static(
            "7f3c1a2e-9b4d-4c1e-8f00-123456789abc"
        )));
        assert!(!sane(&HeaderValue::from_static("")));
        assert!(!sane(&HeaderValue::from_static("a b")));
        assert!(!sane(&HeaderValue::from_str(&"x".repeat(65)).unwrap()));
        assert!(sane(&generate()));
    }
}
