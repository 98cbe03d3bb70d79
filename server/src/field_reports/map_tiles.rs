//! `GET /ban-do/{version}/{z}/{x}/{y}`: one base map tile for the filing
//! form's map, fetched from the province's tile service (the settings'
//! tile address). The portal asks on the browser's behalf, so pages keep
//! their content policy to the portal's own origin and the tile service
//! never learns which citizen looks at which place. Only signed-in
//! visitors get tiles (filing needs an account): the service's quota is
//! the province's, not the open web's. `version` names the tile address
//! (`tiles_version`): a browser keeps a tile for a week, and a new address
//! must not show the old service's tiles.

use crate::access::extractors::SignedIn;
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::administration::settings::server_fns::store::field_report_settings;
use app::field_reports::map_tiles::{is_tile, tile_address, tiles_version};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// A tile is an image of some tens of kilobytes; a larger answer is not one.
const TILE_LIMIT: usize = 1024 * 1024;
/// The kinds of image tile services send.
const TILE_TYPES: [&str; 3] = ["image/png", "image/jpeg", "image/webp"];

/// The client tiles are fetched with: named, as tile services' usage
/// policies ask (OpenStreetMap's refuses anonymous clients), and patient
/// for a few seconds only: a citizen waits on it.
pub fn tile_client(public_base_url: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(format!(
            "MotCua/{} (+{public_base_url})",
            env!("CARGO_PKG_VERSION")
        ))
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(8))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client with the platform's TLS roots builds")
}

pub async fn tile(
    State(state): State<AppState>,
    _user: SignedIn,
    Path((version, zoom, x, y)): Path<(String, u8, u32, u32)>,
) -> HandlerResult {
    let map = field_report_settings(&state.pool).await?.map;
    if map.tile_url.is_empty() || tiles_version(&map.tile_url) != version || !is_tile(zoom, x, y) {
        return Err(HandlerError::not_found());
    }
    let address = tile_address(&map.tile_url, zoom, x, y);
    Ok(match fetch(&state.tiles, &address).await {
        Ok(Fetched::Tile {
            content_type,
            bytes,
        }) => (
            [
                (header::CONTENT_TYPE, content_type),
                // Private: the tile answered a signed-in visitor.
                (header::CACHE_CONTROL, "private, max-age=604800".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Ok(Fetched::Missing) => unavailable(StatusCode::NOT_FOUND),
        Err(reason) => {
            tracing::warn!(%reason, zoom, x, y, "the tile service did not give a tile");
            unavailable(StatusCode::BAD_GATEWAY)
        }
    })
}

enum Fetched {
    Tile {
        content_type: String,
        bytes: Vec<u8>,
    },
    /// The service has no tile there (out at sea, beyond its zooms).
    Missing,
}

/// One tile from the service: an image of a known kind, read up to
/// [`TILE_LIMIT`] bytes.
async fn fetch(client: &reqwest::Client, address: &str) -> Result<Fetched, String> {
    let mut response = client
        .get(address)
        .send()
        .await
        .map_err(|error| error.without_url().to_string())?;
    if response.status() == reqwest::StatusCode::NOT_FOUND {
        return Ok(Fetched::Missing);
    }
    if !response.status().is_success() {
        return Err(format!("answered {}", response.status()));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !TILE_TYPES.contains(&content_type.as_str()) {
        return Err(format!("sent {content_type:?}, not an image"));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|error| error.without_url().to_string())?
    {
        if bytes.len() + chunk.len() > TILE_LIMIT {
            return Err(format!("sent more than {TILE_LIMIT} bytes"));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Fetched::Tile {
        content_type,
        bytes,
    })
}

/// No tile: the map shows its background there. Not kept, so the tile is
/// asked for again once the service answers.
fn unavailable(status: StatusCode) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")]).into_response()
}
