//! What every request handler can reach.

use crate::access::same_origin::PortalOrigin;
use crate::config::Config;
use app::clock::Clock;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    /// The portal's own origin, which state-changing requests must come from.
    pub origin: PortalOrigin,
    /// Where uploaded files live.
    pub files: crate::files::FileStore,
    pub config: Arc<Config>,
    pub leptos_options: LeptosOptions,
    /// Every "now" and "today" the portal decides with: real time, except
    /// in tests, which set it.
    pub clock: Clock,
    /// Public pages kept for anonymous visitors (`page_cache`).
    pub page_cache: crate::page_cache::PageCache,
    /// The issuing bodies' signing credentials (`documents/signing`).
    pub signers: Arc<crate::documents::signing::Signers>,
    /// The assistant's embeddings endpoint, when configured.
    pub embeddings: Option<app::assistant::semantic::Embeddings>,
    /// The assistant's chat endpoint, when configured.
    pub chat: Option<app::assistant::phrasing::Chat>,
    /// Fetches the field reports' map tiles (`field_reports::map_tiles`).
    pub tiles: reqwest::Client,
    /// Opens and seals secrets kept at rest (`MOTCUA_SECRET_KEY`).
    pub sealing: app::accounts::second_factor::sealing::SealingKey,
    /// The portal as a passkey relying party; `None` where the public
    /// address cannot have passkeys (an IP address, plain HTTP).
    pub passkeys: Option<Arc<webauthn_rs::Webauthn>>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for PgPool {
    fn from_ref(state: &AppState) -> Self {
        state.pool.clone()
    }
}

impl FromRef<AppState> for PortalOrigin {
    fn from_ref(state: &AppState) -> Self {
        state.origin.clone()
    }
}
