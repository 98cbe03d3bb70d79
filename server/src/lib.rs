// Leptos view types nest deeply; the compiler needs more room to lay them out.
#![recursion_limit = "256"]

//! Một Cửa, the server: configuration, database, the HTTP router around the
//! Leptos application, and the public API.

pub mod access;
pub mod accounts;
pub mod administration;
pub mod api;
pub mod assistant;
pub mod back_office;
pub mod config;
mod counter;
pub mod database;
pub mod documents;
pub mod dossiers;
pub mod eform_documents;
mod error_page;
pub mod errors;
pub mod field_reports;
pub mod files;
mod forms;
mod health;
pub mod knowledge;
mod language;
pub mod mail;
pub mod open311;
pub mod page_cache;
pub mod payments;
pub mod request_id;
pub mod sandbox_bank;
pub mod seed;
mod shutdown;
pub mod state;
mod static_files;
pub mod statistics;
pub mod telemetry;

use access::same_origin::PortalOrigin;
use access::{authentication, same_origin, security_headers, sessions};
use app::back_office::server_fns::DueSoonDays;
use app::demo::server_fns::DemoMode;
use app::paths;
use app::{shell, App};
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::{middleware, Router};
use config::Config;
use leptos::config::LeptosOptions;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes, ResponseOptions};
use sqlx::PgPool;
use state::AppState;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::CompressionLayer;
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
        let files = files::configured_store(&config)
            .expect("the configured file store (data folder or S3 bucket) can be opened");
        let signers = match &config.signing_dir {
            Some(folder) => documents::signing::Signers::load(folder)
                .expect("every credential in the signing folder can be used"),
            None => documents::signing::Signers::none(),
        };
        // The keys leave their wrapper only to be sent to their endpoint.
        let exposed = |key: &Option<config::SecretString>| {
            key.as_ref()
                .map(|key| config::ExposeSecret::expose_secret(key).to_string())
        };
        let embeddings = config.embeddings.as_ref().map(|endpoint| {
            app::assistant::semantic::Embeddings::new(
                &endpoint.url,
                &endpoint.model,
                exposed(&endpoint.key),
                std::time::Duration::from_millis(endpoint.timeout_ms),
            )
        });
        let chat = config.chat.as_ref().map(|endpoint| {
            app::assistant::phrasing::Chat::new(
                &endpoint.url,
                &endpoint.model,
                exposed(&endpoint.key),
                std::time::Duration::from_millis(endpoint.timeout_ms),
            )
        });
        AppState {
            sealing: app::accounts::second_factor::sealing::SealingKey::new(config.secret_key.0),
            chat,
            embeddings,
            tiles: field_reports::map_tiles::tile_client(&config.public_base_url),
            passkeys: accounts::second_factor::passkeys::relying_party::for_public_url(
                &config.public_base_url,
            )
            .map(Arc::new),
            pool,
            files,
            origin: PortalOrigin::from_base_url(&config.public_base_url),
            page_cache: page_cache::PageCache::new(std::time::Duration::from_secs(
                config.page_cache_seconds,
            )),
            config: Arc::new(config),
            leptos_options,
            clock: app::clock::Clock::real(),
            signers: Arc::new(signers),
        }
    }
}

/// The app's page routes, worked out once per process.
///
/// `generate_route_list` renders the app with resource loading switched off
/// by a process-wide flag; a page rendering on another thread at that moment
/// would wait forever for its data. Building the list once, before any router
/// exists, keeps that window away from real requests (tests build many routers
/// in one process, side by side).
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole HTTP surface of one instance.
pub fn router(state: AppState) -> Router {
    // The cache is never without what keeps it true.
    page_cache::spawn_invalidation(state.pool.clone(), state.page_cache.clone());
    let routes = portal_routes(&state);
    around_requests(routes, state.config.production).with_state(state)
}

/// Every route of the portal.
///
/// Layers, outermost first: the same-origin check (before anything touches
/// the database), the session, authentication (the visitor of every
/// request), the language cookie.
fn portal_routes(state: &AppState) -> Router<AppState> {
    let pool = state.pool.clone();
    let clock = state.clock.clone();
    let demo = DemoMode(state.config.demo);
    let due_soon = DueSoonDays(state.config.due_soon_days);
    let pages = page_routes();
    let leptos_options = state.leptos_options.clone();
    // Read once: a new build is a new process.
    let bundle = app::bundle::BundleFiles::read(std::path::Path::new(
        state.leptos_options.site_root.as_ref(),
    ));
    let session_layer = sessions::layer(
        state.pool.clone(),
        state.config.production,
        state.config.served_over_https(),
    );
    let form_targets = payments::gateway_origin(&state.config)
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    // Pages admit their inline scripts by hash: the bundle loader and
    // Leptos's empty state scripts; nothing differs per response.
    let inline_scripts = security_headers::page_script_hashes(&app::bundle::inline_script(&bundle));
    let page_policy = HeaderValue::from_str(&security_headers::page_policy(
        Some(&inline_scripts),
        &form_targets,
    ))
    .expect("the policy is ASCII");
    let semantic = app::assistant::semantic::SemanticSearch(state.embeddings.clone());
    let chat = app::assistant::phrasing::ChatEndpoint(state.chat.clone());
    let sealing = state.sealing.clone();
    let public_url = app::access::PublicUrl(state.config.public_base_url.clone());
    let page_context = move || {
        provide_context(sealing.clone());
        provide_context(public_url.clone());
        provide_context(pool.clone());
        provide_context(clock.clone());
        provide_context(demo);
        provide_context(due_soon);
        provide_context(bundle.clone());
        provide_context(semantic.clone());
        provide_context(chat.clone());
        set_page_security_policy(&page_policy);
    };
    Router::new()
        .nest("/api/v1", api::router())
        .merge(accounts::router())
        .merge(administration::router())
        .merge(eform_documents::router())
        .merge(knowledge::router())
        .merge(field_reports::router())
        .merge(assistant::router())
        .merge(dossiers::router())
        .merge(back_office::router())
        .merge(counter::router())
        .merge(files::router())
        .merge(payments::router())
        .merge(sandbox_bank::router())
        .merge(statistics::router())
        .leptos_routes_with_context(state, pages, page_context.clone(), move || {
            shell(leptos_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(page_context, shell))
        .layer(middleware::from_fn(language::remember_language))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            access::refusals::audit,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            authentication::authenticate,
        ))
        .layer(session_layer)
        .layer(middleware::from_fn_with_state(
            state.origin.clone(),
            same_origin::refuse_cross_origin,
        ))
        // Before the session and everything after it: an anonymous visitor's
        // public page needs none of them.
        .layer(middleware::from_fn_with_state(
            state.page_cache.clone(),
            page_cache::answer,
        ))
        // Outside the session and same-origin layers: a probe needs
        // neither, and any method but GET is routing's 405.
        .route(paths::HEALTH, get(health::health))
        .merge(payments::gateway_callbacks())
        .merge(open311::router())
        .merge(static_files::router(std::path::Path::new(
            state.leptos_options.site_root.as_ref(),
        )))
}

/// What wraps every request, outermost first: the request id, tracing (a
/// span per request carrying that id), compression, security headers, the
/// error page in the request's language, and the 500 page for a panic.
/// Public so tests can put a route of their own under the same layers.
pub fn around_requests(routes: Router<AppState>, production: bool) -> Router<AppState> {
    let routes = routes
        .layer(CatchPanicLayer::custom(error_page::after_panic))
        .layer(middleware::from_fn(error_page::in_request_language));
    security_headers::apply(routes, production)
        // The bundle comes precompressed from the build (`static_files`).
        .layer(CompressionLayer::new().compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/wasm")),
        ))
        // Spans name the path only: query strings can carry one-time tokens.
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::extract::Request| {
                tracing::info_span!(
                    "request",
                    request_id = %request_id::of(request),
                    method = %request.method(),
                    path = %request.uri().path(),
                )
            }),
        )
        .layer(middleware::from_fn(request_id::assign))
}

/// Gives the page being rendered its policy (`page_policy`, the same for
/// every page of a build).
fn set_page_security_policy(policy: &HeaderValue) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.insert_header(header::CONTENT_SECURITY_POLICY, policy.clone());
    }
}

/// Starts what runs beside request handling on every instance: mail
/// delivery, the officials' morning digest, payment reconciliation (and the
/// sandbox bank's deliveries), and the cleanup of expired sessions and old
/// guessing attempts.
pub async fn start_background_work(state: &AppState) -> anyhow::Result<()> {
    let (pool, config) = (&state.pool, &*state.config);
    mail::start(pool, config).await?;
    payments::reconcile::spawn(state.clone());
    if let config::GatewayChoice::Sandbox(sandbox) = &config.payments.gateway {
        sandbox_bank::delivery::spawn(
            pool.clone(),
            sandbox.clone(),
            format!("{}/api/v1/payments/sandbox/ipn", config.public_base_url),
        );
    }
    sessions::spawn_expired_session_cleanup(pool.clone());
    accounts::retention::spawn(pool.clone());
    back_office::digest::spawn(
        pool.clone(),
        state.clock.clone(),
        config.public_base_url.clone(),
        config.due_soon_days,
    );
    administration::spawn_scheduled_changes(pool.clone(), state.clock.clone());
    field_reports::escalation::spawn(state.clone());
    if let Some(embeddings) = &state.embeddings {
        assistant::spawn_embedding(pool.clone(), embeddings.clone());
    }
    let pool = pool.clone();
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(error) = app::access::throttle::prune(&pool).await {
                tracing::warn!(%error, "could not prune old guessing attempts");
            }
            if let Err(error) = app::access::refusals::prune(&pool).await {
                tracing::warn!(%error, "could not prune old refusal counts");
            }
            if let Err(error) = administration::document_templates::sweep_unused(&pool).await {
                tracing::warn!(%error, "could not remove unused blank forms");
            }
        }
    });
    Ok(())
}

/// Prepares the database (and demo data when asked), then serves until SIGTERM or Ctrl-C.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let database = database::prepare(&config).await?;
    seed::load_reference_data(&database.pool).await?;
    if config.demo {
        seed::load_demo_data(&database.pool, &config.secret_key).await?;
        if let Some(folder) = &config.signing_dir {
            seed::demo_signing::ensure(&database.pool, folder, &config.place).await?;
        }
        tracing::info!("demo data loaded");
        if config.demo_history > 0 {
            let year = chrono::Datelike::year(&app::clock::Clock::real().today_in_vietnam());
            if seed::generated_year::generate(&database.pool, config.demo_history, year).await? {
                tracing::info!(dossiers = config.demo_history, "demo history generated");
            }
        }
        if config.demo_reports > 0
            && seed::generated_reports::generate(
                &database.pool,
                config.demo_reports,
                chrono::Utc::now(),
            )
            .await?
        {
            tracing::info!(
                reports = config.demo_reports,
                "demo field reports generated"
            );
        }
    }
    let listener = tokio::net::TcpListener::bind(config.bind_addr).await?;
    tracing::info!(address = %config.public_base_url, "Một Cửa is serving");
    let state = AppState::new(database.pool.clone(), config);
    start_background_work(&state).await?;
    let service = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown::signal())
        .await?;
    database.pool.close().await;
    if let Some(cluster) = database.started_cluster {
        tokio::task::spawn_blocking(move || cluster.stop()).await??;
    }
    tracing::info!("stopped cleanly");
    Ok(())
}
