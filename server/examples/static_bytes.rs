//! A bare axum server that answers fixed bytes from memory. It exists only as
//! the baseline for `bench/run`: the benchmark serves the very bytes the
//! portal produced for a page or an API call from here, so the ratio between
//! the two measures what rendering and the database cost, nothing else.
//!
//! ```text
//! static_bytes --bind 127.0.0.1:PORT ROUTE=FILE:CONTENT_TYPE...
//! static_bytes --bind 127.0.0.1:4001 '/thu-tuc=/tmp/page.html:text/html; charset=utf-8'
//! ```
//!
//! Each route answers `GET` with its file's bytes (read once at start) and
//! the given `Content-Type`; the query string is ignored.

use axum::body::Bytes;
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::process::ExitCode;

/// One `ROUTE=FILE:CONTENT_TYPE` argument, with the file already read.
struct Route {
    path: String,
    content_type: HeaderValue,
    body: Bytes,
}

fn parse_route(argument: &str) -> Result<Route, String> {
    let usage = || format!("expected ROUTE=FILE:CONTENT_TYPE, not {argument:?}");
    let (path, rest) = argument.split_once('=').ok_or_else(usage)?;
    // A content type never holds a colon; a file name might.
    let (file, content_type) = rest.rsplit_once(':').ok_or_else(usage)?;
    if !path.starts_with('/') || file.is_empty() || content_type.trim().is_empty() {
        return Err(usage());
    }
    let content_type = HeaderValue::from_str(content_type.trim())
        .map_err(|_| format!("not a valid Content-Type: {content_type:?}"))?;
    let body = std::fs::read(file).map_err(|error| format!("cannot read {file}: {error}"))?;
    Ok(Route {
        path: path.to_string(),
        content_type,
        body: Bytes::from(body),
    })
}

fn parse_args(args: &[String]) -> Result<(SocketAddr, Vec<Route>), String> {
    let mut bind = None;
    let mut routes = Vec::new();
    let mut args = args.iter();
    while let Some(argument) = args.next() {
        if argument == "--bind" {
            let value = args.next().ok_or("--bind needs an address")?;
            bind = Some(
                value
                    .parse()
                    .map_err(|_| format!("not a socket address: {value:?}"))?,
            );
        } else if let Some(value) = argument.strip_prefix("--bind=") {
            bind = Some(
                value
                    .parse()
                    .map_err(|_| format!("not a socket address: {value:?}"))?,
            );
        } else {
            routes.push(parse_route(argument)?);
        }
    }
    let bind = bind.ok_or("--bind 127.0.0.1:PORT is required")?;
    if routes.is_empty() {
        return Err("give at least one ROUTE=FILE:CONTENT_TYPE".into());
    }
    Ok((bind, routes))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (bind, routes) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("static_bytes: {error}");
            eprintln!("usage: static_bytes --bind 127.0.0.1:PORT ROUTE=FILE:CONTENT_TYPE...");
            return ExitCode::from(2);
        }
    };
    let mut router = Router::new();
    for Route {
        path,
        content_type,
        body,
    } in routes
    {
        router = router.route(
            &path,
            get(move || {
                let content_type = content_type.clone();
                let body = body.clone();
                async move { ([(header::CONTENT_TYPE, content_type)], body) }
            }),
        );
    }
    let listener = match tokio::net::TcpListener::bind(bind).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("static_bytes: cannot listen on {bind}: {error}");
            return ExitCode::FAILURE;
        }
    };
    match axum::serve(listener, router).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("static_bytes: {error}");
            ExitCode::FAILURE
        }
    }
}
