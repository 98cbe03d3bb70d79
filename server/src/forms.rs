//! What every form handler needs: the posted fields, who is asking (language
//! and address), and the redirect that ends the post.

use crate::access::client_ip::client_ip;
use crate::state::AppState;
use app::i18n::{lang_from_headers, Lang};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::IpAddr;

/// The fields of an `application/x-www-form-urlencoded` post, in order.
/// Repeated names (checkboxes) are kept, unlike a serde struct would.
pub struct Posted(Vec<(String, String)>);

/// Forms are small; anything larger is not one of ours.
const MAX_FORM_BYTES: usize = 64 * 1024;

impl<S: Send + Sync> FromRequest<S> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = Bytes::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if body.len() > MAX_FORM_BYTES {
            return Err(StatusCode::PAYLOAD_TOO_LARGE.into_response());
        }
        Ok(Posted(
            form_urlencoded::parse(&body)
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect(),
        ))
    }
}

impl Posted {
    /// Fields read some other way (the text parts of a multipart post).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        Posted(pairs)
    }

    /// The first value of `name`, or "" when the field was not sent.
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    }

    /// The value of `name` as people meant it: trimmed, Unicode-normalised.
    pub fn text(&self, name: &str) -> String {
        app::text::normalize(self.get(name).trim())
    }

    /// [`Posted::text`], also kept in `kept` for a refused form to come back
    /// with what was typed.
    pub fn kept_text(&self, kept: &mut app::forms::FormFeedback, name: &str) -> String {
        let value = self.text(name);
        kept.keep(name, &value);
        value
    }

    /// A text area of one item per line: each line normalised as
    /// [`Posted::text`] does (which would otherwise join the lines into
    /// one), blank lines dropped; the lines are kept in `kept`.
    pub fn kept_lines(&self, kept: &mut app::forms::FormFeedback, name: &str) -> Vec<String> {
        let lines: Vec<String> = self
            .get(name)
            .lines()
            .map(app::text::normalize)
            .filter(|line| !line.is_empty())
            .collect();
        kept.keep(name, &lines.join("\n"));
        lines
    }

    /// A text area of paragraphs (a description, an answer): its lines kept
    /// as typed (CR LF read as one break), each normalised as
    /// [`Posted::text`] does, blank lines at either end dropped.
    pub fn paragraphs(&self, name: &str) -> String {
        self.get(name)
            .lines()
            .map(app::text::normalize)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// Whether the form sent `name` at all (a ticked checkbox).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }

    /// Every value of `name` (checkbox groups).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }
}

/// Who is asking: the interface language, the client address and the
/// browser's name for itself (`User-Agent`, for the list of sessions).
pub struct Asker {
    pub lang: Lang,
    pub ip: Option<IpAddr>,
    pub user_agent: String,
}

impl FromRequestParts<AppState> for Asker {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Asker {
            lang: lang_from_headers(&parts.headers, parts.uri.query()),
            ip: client_ip(parts, state.config.trusted_proxy),
            user_agent: parts
                .headers
                .get(axum::http::header::USER_AGENT)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .chars()
                .take(300)
                .collect(),
        })
    }
}

/// `303 See Other` to `location`: the browser follows with a GET.
pub fn see_other(location: &str) -> Response {
    Redirect::to(location).into_response()
}
