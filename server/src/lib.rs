// Leptos view types nest deeply; the compiler needs more room to lay them out.
#![recursion_limit = "256"]

//! Một Cửa, the server: configuration, database, the HTTP router around the
//! Leptos application, and the public API.

pub mod api;
pub mod config;
pub mod database;
pub mod documents;
mod health;
mod language;
pub mod seed;
mod shutdown;
pub mod state;
pub mod telemetry;

use app::{shell, App};
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::{middleware, Router};
use config::Config;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sqlx::PgPool;
use state::AppState;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// The name cargo-leptos gives the WASM, JS and CSS bundles.
const OUTPUT_NAME: &str = env!("LEPTOS_OUTPUT_NAME");

impl AppState {
    pub fn new(pool: PgPool, config: Config) -> Self {
        let leptos_options = LeptosOptions::builder()
            .output_name(OUTPUT_NAME)
            .site_root(config.site_root.clone())
            .site_pkg_dir("pkg")
            .site_addr(config.bind_addr)
            .build();
        AppState {
            pool,
            config: Arc::new(config),
            leptos_options,
        }
    }
}

/// The whole HTTP surface of one instance.
pub fn router(state: AppState) -> Router {
    let pool = state.pool.clone();
    let pages = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .route("/health", get(health::health))
        .nest("/api/v1", api::router())
        .leptos_routes_with_context(
            &state,
            pages,
            move || provide_context(pool.clone()),
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn(language::remember_language))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Prepares the database (and demo data when asked), then serves until SIGTERM or Ctrl-C.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let database = database::prepare(&config).await?;
    seed::load_reference_data(&database.pool).await?;
    if config.demo {
        seed::load_demo_data(&database.pool).await?;
        tracing::info!("demo data loaded");
    }
    let listener = tokio::net::TcpListener::bind(config.bind_addr).await?;
    tracing::info!(address = %config.public_base_url, "Một Cửa is serving");
    let state = AppState::new(database.pool.clone(), config);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown::signal())
        .await?;
    database.pool.close().await;
    if let Some(cluster) = database.started_cluster {
        tokio::task::spawn_blocking(move || cluster.stop()).await??;
    }
    tracing::info!("stopped cleanly");
    Ok(())
}
