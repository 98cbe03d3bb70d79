//! Remembers the interface language: a `?lang=vi|en` on any page sets the
//! `lang` cookie, so the next page is in the same language.

use app::i18n::{Lang, LANG_COOKIE};
use axum::extract::Request;
use axum::http::header::SET_COOKIE;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

/// One year: a language choice is long-lived.
const MAX_AGE_SECONDS: u32 = 365 * 24 * 3600;

pub async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = request.uri().query().and_then(Lang::from_query);
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age={MAX_AGE_SECONDS}; SameSite=Lax",
            lang.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}
