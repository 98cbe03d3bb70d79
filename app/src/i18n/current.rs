//! Which language the current request or page speaks.
//!
//! The server decides from `?lang=` first, then the `lang` cookie, then
//! Vietnamese; it writes the choice into `<html lang>`, which the browser half
//! reads back when it hydrates, so both halves always agree.

use super::{Lang, Texts};
use leptos::prelude::*;

/// Cookie that remembers the visitor's language choice.
pub const LANG_COOKIE: &str = "lang";

/// The language of the page being rendered or hydrated.
pub fn current_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| lang_from_request(&parts))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_default()
    }
}

/// The language a request asks for: `?lang=` first, then the cookie, then Vietnamese.
#[cfg(feature = "ssr")]
pub fn lang_from_request(parts: &http::request::Parts) -> Lang {
    lang_from_headers(&parts.headers, parts.uri.query())
}

/// [`lang_from_request`] for handlers that hold the headers and query apart.
#[cfg(feature = "ssr")]
pub fn lang_from_headers(headers: &http::HeaderMap, query: Option<&str>) -> Lang {
    let from_query = query.and_then(Lang::from_query);
    let from_cookie = || {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(key, _)| *key == LANG_COOKIE)
            .and_then(|(_, value)| Lang::parse(value))
    };
    from_query.or_else(from_cookie).unwrap_or_default()
}

/// The language provided by the `App` root; in an island hydrating in the
/// browser, where the root's context does not reach, the page's `<html lang>`.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(current_lang)
}

/// The interface strings for the current language.
pub fn use_texts() -> &'static Texts {
    use_lang().texts()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn parts(uri: &str, cookie: Option<&str>) -> http::request::Parts {
        let mut builder = http::Request::builder().uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(http::header::COOKIE, cookie);
        }
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn vietnamese_is_the_default() {
        assert_eq!(lang_from_request(&parts("/", None)), Lang::Vi);
    }

    #[test]
    fn the_query_wins_over_the_cookie() {
        let request = parts("/thu-tuc?q=a&lang=en", Some("x=1; lang=vi"));
        assert_eq!(lang_from_request(&request), Lang::En);
    }

    #[test]
    fn the_cookie_is_remembered() {
        assert_eq!(
            lang_from_request(&parts("/", Some("a=b; lang=en"))),
            Lang::En
        );
    }

    #[test]
    fn unknown_languages_fall_back_to_vietnamese() {
        assert_eq!(lang_from_request(&parts("/?lang=fr", None)), Lang::Vi);
    }
}
