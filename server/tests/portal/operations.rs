//! What operators rely on when something goes wrong: every request has an
//! id that is in its log lines and its response; a panic, a fault of ours
//! and a database that cannot be reached each answer the error page with
//! their own status (500, 500, 503); server functions answer the status of
//! their error.

use crate::support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::routing::get;
use axum::Router;
use http_body_util::BodyExt;
use std::sync::{Arc, Mutex};
use support::browser::{Browser, PORTAL};
use support::{spawn_app, TestApp};
use tower::ServiceExt;

const PASSWORD: &str = "Demo@12345";

/// Log lines written while the guard lives, on this thread (tokio tests run
/// on one thread, so the request's lines land here).
#[derive(Clone, Default)]
struct CapturedLogs(Arc<Mutex<Vec<u8>>>);

impl CapturedLogs {
    fn start(&self) -> tracing::subscriber::DefaultGuard {
        let sink = self.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || sink.clone())
            .finish();
        tracing::subscriber::set_default(subscriber)
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for CapturedLogs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct Answer {
    status: StatusCode,
    request_id: String,
    body: String,
}

async fn send(router: Router, request: Request<Body>) -> Answer {
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let request_id = response
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        request_id,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// The portal's real layers around one route that panics.
fn panicking_router(app: &TestApp) -> Router {
    let routes = Router::new().route(
        "/hong",
        get(|| async {
            if true {
                panic!("a bug in a handler");
            }
            "never"
        }),
    );
    server::around_requests(routes, false).with_state(app.state.clone())
}

#[tokio::test]
async fn a_panic_answers_the_500_page_in_the_visitors_language_and_is_logged_with_the_request_id() {
    let app = spawn_app().await;
    let logs = CapturedLogs::default();
    let _guard = logs.start();

    let answer = send(
        panicking_router(&app),
        Request::get("/hong")
            .header("x-request-id", "panic-test-1")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, 500);
    assert_eq!(answer.request_id, "panic-test-1");
    assert!(
        answer
            .body
            .contains("Hệ thống gặp lỗi khi xử lý yêu cầu này"),
        "{}",
        answer.body
    );
    assert!(
        !answer.body.contains("a bug in a handler"),
        "never the cause"
    );
    let logged = logs.text();
    let line = logged
        .lines()
        .find(|line| line.contains("a handler panicked"))
        .unwrap_or_else(|| panic!("no panic line in:\n{logged}"));
    assert!(line.contains("panic-test-1"), "{line}");
    assert!(line.contains("a bug in a handler"), "{line}");

    let english = send(
        panicking_router(&app),
        Request::get("/hong?lang=en").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(english.status, 500);
    assert!(
        english.body.contains("The system hit an error"),
        "{}",
        english.body
    );
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_a_callers_sane_one_is_kept() {
    let app = spawn_app().await;
    let fresh = app.get("/health").await.header("x-request-id");
    assert_eq!(fresh.len(), 32, "{fresh}");
    assert!(
        fresh.bytes().all(|byte| byte.is_ascii_hexdigit()),
        "{fresh}"
    );
    assert_ne!(app.get("/health").await.header("x-request-id"), fresh);

    let given = |id: &'static str| {
        Request::get("/health")
            .header("x-request-id", id)
            .body(Body::empty())
            .unwrap()
    };
    let kept = app
        .request(given("lb-7f3c1a2e-9b4d"))
        .await
        .header("x-request-id");
    assert_eq!(kept, "lb-7f3c1a2e-9b4d");
    let replaced = app
        .request(given("<script>alert(1)</script>"))
        .await
        .header("x-request-id");
    assert_eq!(replaced.len(), 32, "an id that is not a token is replaced");
}

fn sign_in_request() -> Request<Body> {
    Request::post("/dang-nhap")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, PORTAL)
        .header("sec-fetch-site", "same-origin")
        .header("x-request-id", "db-test-1")
        .body(Body::from(
            "identifier=congdan%40motcua.example&password=Demo%4012345",
        ))
        .unwrap()
}

#[tokio::test]
async fn a_failing_query_answers_500_and_logs_its_cause_with_the_request_id() {
    let app = spawn_app().await;
    // A fault of ours: the query names a table that is not there.
    sqlx::query("ALTER TABLE guess_attempts RENAME TO guess_attempts_gone")
        .execute(&app.pool)
        .await
        .unwrap();
    let logs = CapturedLogs::default();
    let _guard = logs.start();
    let answer = send(app.router.clone(), sign_in_request()).await;
    assert_eq!(answer.status, 500, "{}", answer.body);
    assert!(answer.body.contains("Hệ thống gặp lỗi"), "{}", answer.body);
    assert!(!answer.body.contains("guess_attempts"), "never the cause");
    let logged = logs.text();
    assert!(
        logged.lines().any(|line| line.contains("ERROR")
            && line.contains("db-test-1")
            && line.contains("guess_attempts")),
        "{logged}"
    );
}

#[tokio::test]
async fn an_unreachable_database_answers_503() {
    let app = spawn_app().await;
    // A port nothing listens on.
    let closed = support::free_port();
    let nowhere = sqlx::postgres::PgPoolOptions::new()
        .acquire_timeout(std::time::Duration::from_secs(2))
        .connect_lazy_with(
            sqlx::postgres::PgConnectOptions::new()
                .host("127.0.0.1")
                .port(closed),
        );
    let state = server::state::AppState::new(nowhere, (*app.state.config).clone());
    let answer = send(server::router(state), sign_in_request()).await;
    assert_eq!(answer.status, 503, "{}", answer.body);
    assert!(
        answer.body.contains("Hệ thống đang tạm thời gián đoạn"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn server_functions_answer_the_status_of_their_error() {
    let app = spawn_app().await;
    let mut official = Browser::new(&app);
    official.sign_in("tiepnhan@motcua.example", PASSWORD).await;
    let unknown = official
        .post(
            "/api/back-office/dossier",
            &[("code", "H34.99-261204-9999")],
        )
        .await;
    assert_eq!(unknown.status, 404, "{}", unknown.body);
    assert_eq!(unknown.body, "\"NotFound\"");

    let missing_argument = official.post("/api/back-office/dossier", &[]).await;
    assert_eq!(missing_argument.status, 400, "{}", missing_argument.body);
    assert_eq!(missing_argument.body, "\"BadRequest\"");
}

#[tokio::test]
async fn a_plain_form_post_to_a_failing_server_function_is_still_sent_back() {
    let app = spawn_app().await;
    let mut official = Browser::new(&app);
    official.sign_in("tiepnhan@motcua.example", PASSWORD).await;
    let cookie = official.session_cookie().unwrap();
    // Without JavaScript, Leptos redirects the form back to its page with
    // the error in the address; the error's status must not replace that.
    let response = app
        .request(
            Request::post("/api/back-office/dossier")
                .header(header::COOKIE, cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, PORTAL)
                .header("sec-fetch-site", "same-origin")
                .header(header::ACCEPT, "text/html")
                .header(header::REFERER, format!("{PORTAL}/can-bo"))
                .body(Body::from("code=H34.99-261204-9999"))
                .unwrap(),
        )
        .await;
    assert_eq!(response.status, 302, "{}", response.body);
    assert!(
        response.location().starts_with(&format!("{PORTAL}/can-bo")),
        "{}",
        response.location()
    );
}
