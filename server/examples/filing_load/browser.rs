//! A browser without JavaScript, as the citizens drive it: requests with
//! the session cookie, redirects not followed (the caller reads them), and
//! the session cookie the portal sets or ends in each answer.

use crate::Settings;
use std::time::Duration;

const SESSION_COOKIE: &str = "motcua_session";

/// A browser: one connection pool, the session cookie.
pub(crate) struct Browser {
    client: reqwest::Client,
    base: String,
    origin: String,
}

pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) location: String,
    pub(crate) body: String,
    pub(crate) cookie: Option<Option<String>>,
}

impl Browser {
    pub(crate) fn new(settings: &Settings) -> anyhow::Result<Browser> {
        Ok(Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(60))
                .pool_max_idle_per_host(2)
                .build()?,
            base: settings.base_url.clone(),
            origin: settings.origin.clone(),
        })
    }

    pub(crate) async fn send(
        &self,
        cookie: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<(String, Vec<u8>)>,
    ) -> Result<Answer, String> {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{path}", self.base))
            .header("accept", "text/html,application/xhtml+xml")
            .header("accept-language", "vi");
        if !cookie.is_empty() {
            request = request.header("cookie", cookie);
        }
        if let Some((content_type, bytes)) = body {
            request = request
                .header("content-type", content_type)
                .header("origin", &self.origin)
                .header("sec-fetch-site", "same-origin")
                .body(bytes);
        }
        let response = request
            .send()
            .await
            .map_err(|error| format!("{method} {path}: {error}"))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        let location = header("location");
        let request_id = header("x-request-id");
        let mut cookie = None;
        for set_cookie in response.headers().get_all("set-cookie") {
            let text = set_cookie.to_str().unwrap_or_default();
            let pair = text.split(';').next().unwrap_or_default().trim();
            if let Some(value) = pair.strip_prefix(&format!("{SESSION_COOKIE}=")) {
                let removed = value.is_empty() || text.contains("Max-Age=0");
                cookie = Some((!removed).then(|| pair.to_string()));
            }
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|error| format!("{method} {path}: reading the body: {error}"))?;
        let body = String::from_utf8_lossy(&bytes).into_owned();
        if status >= 400 {
            return Err(format!(
                "{method} {path}: {status} (request {request_id}): {}",
                text_excerpt(&body)
            ));
        }
        Ok(Answer {
            status,
            location,
            body,
            cookie,
        })
    }
}

/// The start of a page's visible text, for an error message.
pub(crate) fn text_excerpt(html: &str) -> String {
    let body = html.split("<main").nth(1).unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").chars().take(300).collect()
}
