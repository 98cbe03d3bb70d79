//! Many requests at once, each on its own task, as a crowd of browsers (or
//! one attacker's script) would send them.

use super::browser::PORTAL;
use super::TestApp;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use std::net::{IpAddr, SocketAddr};
use tower::ServiceExt;

/// Sends every request at the same time and returns the answers' statuses
/// and bodies, in the order the requests were given.
pub async fn all_at_once(app: &TestApp, requests: Vec<Request<Body>>) -> Vec<(StatusCode, String)> {
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|request| {
            let router = app.router.clone();
            tokio::spawn(async move {
                let response = router.oneshot(request).await.unwrap();
                let status = response.status();
                let bytes = response.into_body().collect().await.unwrap().to_bytes();
                (status, String::from_utf8_lossy(&bytes).into_owned())
            })
        })
        .collect();
    let mut answers = Vec::with_capacity(tasks.len());
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    answers
}

/// A same-origin form post from `ip`, with a session cookie if given.
pub fn form_post(
    uri: &str,
    fields: &[(&str, &str)],
    ip: IpAddr,
    cookie: Option<&str>,
) -> Request<Body> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let mut builder = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, PORTAL)
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    from(builder.body(Body::from(body)).unwrap(), ip)
}

/// A GET from `ip`.
pub fn get(uri: &str, ip: IpAddr) -> Request<Body> {
    let request = Request::get(uri)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    from(request, ip)
}

/// The `n`th of many distinct addresses (198.18.0.0/15, for benchmarks).
pub fn address(n: u16) -> IpAddr {
    IpAddr::from([198, 18, (n >> 8) as u8, n as u8])
}

fn from(mut request: Request<Body>, ip: IpAddr) -> Request<Body> {
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::new(ip, 50000)));
    request
}
