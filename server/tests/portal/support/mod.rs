//! Test harness: the real router over a real PostgreSQL database.
//!
//! Each test gets its own database, copied from a template that holds the
//! migrated schema and the demo data. The template is built once per schema
//! and seed version (its name carries their hash), so reruns start fast.
//! The server is `DATABASE_URL` when set, else the portal's own local cluster.
//!
//! The portal's clock starts at `MOTCUA_TEST_CLOCK` (RFC 3339, e.g.
//! `2027-02-04T23:30:00+07:00`) when set, else at the real time, and runs on
//! in real time; tests make their data relative to it (`app.clock()`), so
//! they pass at any hour (`scripts/test-clock-hours` runs them at several).

pub mod api_tokens;
pub mod back_office;
pub mod browser;
pub mod chat;
pub mod clamd;
pub mod dossiers;
pub mod embeddings;
pub mod mailbox;
pub mod openid_provider;
pub mod parallel;
pub mod passkeys;
pub mod payments;
pub mod pdf;
pub mod photos;
pub mod s3;
pub mod second_factor;
pub mod tiles;
pub mod uploads;
pub mod xlsx;

use app::clock::Clock;
use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use server::config::Config;
use server::database::{local_cluster::LocalCluster, MIGRATOR};
use server::state::AppState;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub pool: PgPool,
    /// What the router serves with, for calling jobs directly.
    pub state: AppState,
    database: String,
    server: PgConnectOptions,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as text (invalid UTF-8 replaced); `bytes` holds it exactly.
    pub body: String,
    pub bytes: Vec<u8>,
}

impl TestResponse {
    /// Where a redirect points.
    pub fn location(&self) -> String {
        self.headers
            .get(header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }

    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.body))
    }

    /// The page's visible text, tags stripped and whitespace collapsed.
    pub fn text(&self) -> String {
        let without_scripts = strip_tags(&self.body);
        without_scripts
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A fresh database with the demo catalogue, and the router serving it.
/// A port nothing listens on now: for a test service to start on, or to
/// stand for a service that is down.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// The same, with some configuration set as the environment would
/// (`("MOTCUA_CLAMD", "tcp://…")`).
pub async fn spawn_app_with(settings: &[(&str, String)]) -> TestApp {
    let server = server_options().await;
    let template = ensure_template(&server).await;
    let database = format!(
        "motcua_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    let mut admin = PgConnection::connect_with(&server.clone().database("postgres"))
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {database} TEMPLATE {template}"))
        .execute(&mut admin)
        .await
        .unwrap();
    admin.close().await.unwrap();

    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect_with(server.clone().database(&database))
        .await
        .unwrap();
    // Uploaded files go to a folder of this test's own.
    let data_dir = std::env::temp_dir().join(format!("motcua-test-{database}"));
    let data_dir_text = data_dir.to_string_lossy().to_string();
    // Documents are signed as in the demo, with credentials shared by the
    // tests of this process (`signing_folder`).
    let signing = signing_folder(&pool).await;
    let config = Config::from_lookup(|name| {
        if name == "MOTCUA_DATA_DIR" {
            return Some(data_dir_text.clone());
        }
        if name == "MOTCUA_SIGNING_DIR" {
            let set = settings.iter().find(|(key, _)| *key == name);
            return set
                .map(|(_, value)| value.clone())
                .or(Some(signing.clone()));
        }
        let set = settings
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.clone());
        // Pages are rendered afresh for each request unless a test keeps
        // them (`page_cache.rs`): a change is then seen at once.
        if name == "MOTCUA_PAGE_CACHE_SECONDS" {
            return set.or(Some("0".into()));
        }
        set
    })
    .unwrap();
    // Mail goes through the real outbox, worker and SMTP, to a catcher of this test's own.
    let smtp = server::mail::catcher::spawn(pool.clone(), "127.0.0.1:0")
        .await
        .unwrap();
    server::mail::worker::spawn(pool.clone(), &format!("smtp://{smtp}"), &config.mail_from)
        .unwrap();
    let mut state = AppState::new(pool.clone(), config);
    state.clock = test_clock();
    let router = server::router(state.clone());
    TestApp {
        router,
        pool,
        state,
        database,
        server,
    }
}

/// The demo authority's credentials for every body of the demo, made once
/// per test process (every test database is a copy of one template, so the
/// bodies are the same).
async fn signing_folder(pool: &PgPool) -> String {
    static FOLDER: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    FOLDER
        .get_or_init(|| async {
            let folder =
                std::env::temp_dir().join(format!("motcua-test-signing-{}", std::process::id()));
            server::seed::demo_signing::ensure(pool, &folder, "Quảng Ninh")
                .await
                .unwrap();
            folder.to_string_lossy().to_string()
        })
        .await
        .clone()
}

/// The clock the portal under test reads: see the module's documentation.
fn test_clock() -> Clock {
    match std::env::var("MOTCUA_TEST_CLOCK") {
        Ok(start) if !start.trim().is_empty() => {
            let start = chrono::DateTime::parse_from_rfc3339(start.trim())
                .unwrap_or_else(|error| panic!("MOTCUA_TEST_CLOCK {start:?}: {error}"));
            Clock::starting_at(start.with_timezone(&chrono::Utc))
        }
        _ => Clock::real(),
    }
}

/// The instant that is `hour:minute` of `day` in Vietnam.
pub fn vietnam_time(
    day: chrono::NaiveDate,
    hour: u32,
    minute: u32,
) -> chrono::DateTime<chrono::Utc> {
    let local = day.and_hms_opt(hour, minute, 0).expect("a time of day");
    (local - chrono::Duration::hours(7)).and_utc()
}

impl TestApp {
    /// The portal's clock: what "now" and "today" are for the app under test.
    pub fn clock(&self) -> &Clock {
        &self.state.clock
    }

    /// A second, confirmed citizen (`khac@example.vn`, password `Demo@12345`),
    /// to check that one citizen never reaches another's dossiers or files.
    pub async fn another_citizen(&self) -> &'static str {
        sqlx::query(
            "INSERT INTO users (kind, full_name, email, citizen_id, password_hash, email_confirmed_at)
             SELECT 'citizen', 'Lê Thị Khác', 'khac@example.vn', '001195000111', password_hash, now()
             FROM users WHERE email = 'congdan@motcua.example'",
        )
        .execute(&self.pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO privacy_consents (user_id, notice_version, place)
             SELECT id, 1, 'registration' FROM users WHERE email = 'khac@example.vn'",
        )
        .execute(&self.pool)
        .await
        .unwrap();
        "khac@example.vn"
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_with_cookie(&self, uri: &str, cookie: &str) -> TestResponse {
        self.request(
            Request::get(uri)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let what = format!("{} {}", request.method(), request.uri());
        let answer = async {
            let response = self.router.clone().oneshot(request).await.unwrap();
            let status = response.status();
            let headers = response.headers().clone();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            (status, headers, bytes)
        };
        let (status, headers, bytes) = tokio::time::timeout(REQUEST_LIMIT, answer)
            .await
            .unwrap_or_else(|_| panic!("{what} got no answer in {REQUEST_LIMIT:?}"));
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // The test's runtime is ending; drop the database from a thread of our own.
        let _ = std::fs::remove_dir_all(
            std::env::temp_dir().join(format!("motcua-test-{}", self.database)),
        );
        let server = self.server.clone();
        let database = self.database.clone();
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(mut admin) =
                    PgConnection::connect_with(&server.database("postgres")).await
                {
                    let _ =
                        sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                            .execute(&mut admin)
                            .await;
                }
            });
        })
        .join();
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A request still unanswered after this is a hang: the test fails and
/// says which request, instead of stalling the whole run.
const REQUEST_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

async fn server_options() -> PgConnectOptions {
    let url = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => url,
        _ => tokio::task::spawn_blocking(|| {
            let data_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
            let cluster = LocalCluster::at(&data_dir).expect("local cluster");
            cluster.ensure_running().expect("local cluster starts");
            cluster.url("postgres")
        })
        .await
        .unwrap(),
    };
    PgConnectOptions::from_str(&url).expect("DATABASE_URL is a PostgreSQL URL")
}

/// Creates the template database for the current schema and seed data once;
/// an advisory lock keeps concurrent test processes from building it twice.
async fn ensure_template(server: &PgConnectOptions) -> String {
    let mut hasher = DefaultHasher::new();
    for migration in MIGRATOR.iter() {
        migration.checksum.hash(&mut hasher);
    }
    for seed in [
        include_str!("../../../seed/administrative_units.json"),
        include_str!("../../../seed/agencies.json"),
        include_str!("../../../seed/procedures.json"),
        include_str!("../../../seed/eforms.json"),
    ] {
        seed.hash(&mut hasher);
    }
    let template = format!("motcua_template_{:016x}", hasher.finish());

    let mut admin = PgConnection::connect_with(&server.clone().database("postgres"))
        .await
        .unwrap();
    sqlx::query("SELECT pg_advisory_lock(7212001)")
        .execute(&mut admin)
        .await
        .unwrap();
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&template)
            .fetch_one(&mut admin)
            .await
            .unwrap();
    if !exists {
        let building = format!("{template}_building");
        sqlx::query(&format!("DROP DATABASE IF EXISTS {building}"))
            .execute(&mut admin)
            .await
            .unwrap();
        sqlx::query(&format!("CREATE DATABASE {building}"))
            .execute(&mut admin)
            .await
            .unwrap();
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect_with(server.clone().database(&building))
            .await
            .unwrap();
        MIGRATOR.run(&pool).await.unwrap();
        server::seed::load_reference_data(&pool).await.unwrap();
        // The tests' configuration sets no key: the development one.
        let key = Config::from_lookup(|_| None).unwrap().secret_key;
        server::seed::load_demo_data(&pool, &key).await.unwrap();
        pool.close().await;
        sqlx::query(&format!("ALTER DATABASE {building} RENAME TO {template}"))
            .execute(&mut admin)
            .await
            .unwrap();
    }
    sqlx::query("SELECT pg_advisory_unlock(7212001)")
        .execute(&mut admin)
        .await
        .unwrap();
    admin.close().await.unwrap();
    template
}

/// Removes `<script>`/`<style>` blocks and tags, decoding the few entities Leptos emits.
fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        let after = &rest[start..];
        let skip_to = ["<script", "<style", "<template"]
            .iter()
            .find(|tag| after.starts_with(*tag))
            .and_then(|tag| {
                after
                    .find(&format!("</{}>", &tag[1..]))
                    .map(|end| end + tag.len() + 2)
            });
        let end = match skip_to {
            Some(end) => end,
            None => after.find('>').map_or(after.len(), |end| end + 1),
        };
        rest = &after[end..];
    }
    text.push_str(rest);
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
}
