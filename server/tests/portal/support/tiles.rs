//! A map tile service on a free port, as tile services serve tiles: a PNG
//! at `/{z}/{x}/{y}.png`. The map cannot fetch from the internet here, so
//! the tests run their own. Some columns misbehave on purpose: column 1 has
//! no tiles (404), column 2 answers a web page, column 3 a 2 MiB "tile".
//! It keeps each request's path and `User-Agent`.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::{Arc, Mutex};

/// A 1 × 1 grey PNG.
pub const TILE_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b,
    0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68, 0x00, 0x00, 0x00,
    0x82, 0x00, 0x81, 0x77, 0xcd, 0x72, 0xb6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

type Asked = Arc<Mutex<Vec<(String, String)>>>;

pub struct TileService {
    /// The tile address as the settings take it.
    pub template: String,
    asked: Asked,
}

impl TileService {
    pub async fn start() -> TileService {
        let asked = Asked::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let template = format!(
            "http://{}/{{z}}/{{x}}/{{y}}.png",
            listener.local_addr().unwrap()
        );
        let router = Router::new()
            .route("/{z}/{x}/{y}", get(tile))
            .with_state(asked.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        TileService { template, asked }
    }

    /// The paths asked for, in order, and the client each named itself.
    pub fn asked(&self) -> Vec<(String, String)> {
        self.asked.lock().unwrap().clone()
    }
}

async fn tile(
    State(asked): State<Asked>,
    Path((z, x, y)): Path<(u8, u32, String)>,
    headers: HeaderMap,
) -> Response {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_string();
    asked.lock().unwrap().push((format!("/{z}/{x}/{y}"), agent));
    match x {
        1 => StatusCode::NOT_FOUND.into_response(),
        2 => (
            [(header::CONTENT_TYPE, "text/html")],
            "<html>quota exceeded</html>",
        )
            .into_response(),
        3 => (
            [(header::CONTENT_TYPE, "image/png")],
            vec![0u8; 2 * 1024 * 1024],
        )
            .into_response(),
        _ => ([(header::CONTENT_TYPE, "image/png")], TILE_PNG).into_response(),
    }
}
