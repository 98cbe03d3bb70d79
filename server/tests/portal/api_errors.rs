//! Issue 23 item 4: every 4xx and 5xx of the API has one JSON shape — a
//! stable code, the message in Vietnamese and English, and the request's
//! id — the framework's own refusals included (an unknown path, a wrong
//! method with its `Allow` header, a missing or malformed parameter).

use crate::support;

use axum::body::Body;
use axum::http::Request;
use support::{spawn_app, TestResponse};

/// The error shape, and the id matching the response's header.
fn assert_error_shape(response: &TestResponse, code: &str) {
    assert_eq!(
        response.header("content-type"),
        "application/json",
        "{}",
        response.body
    );
    let body = response.json();
    assert_eq!(body["error"], code, "{body}");
    assert!(
        !body["message"]["vi"].as_str().unwrap().is_empty(),
        "{body}"
    );
    assert!(
        !body["message"]["en"].as_str().unwrap().is_empty(),
        "{body}"
    );
    let id = body["request_id"].as_str().unwrap();
    assert!(!id.is_empty());
    assert_eq!(id, response.header("x-request-id"));
}

#[tokio::test]
async fn an_unknown_path_under_the_api_is_a_json_404() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/khong-co").await;
    assert_eq!(response.status, 404);
    assert_error_shape(&response, "not_found");
}

#[tokio::test]
async fn a_wrong_method_is_a_405_with_allow_and_the_same_shape() {
    let app = spawn_app().await;
    let response = app
        .request(
            Request::delete("/api/v1/procedures")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.status, 405);
    assert!(
        response.header("allow").contains("GET"),
        "{:?}",
        response.headers
    );
    assert_error_shape(&response, "method_not_allowed");
}

#[tokio::test]
async fn a_missing_or_malformed_parameter_is_a_json_400() {
    let app = spawn_app().await;
    let missing_pin = app.get("/api/v1/dossiers/000.01.40.H34-261207-0001").await;
    assert_eq!(missing_pin.status, 400);
    assert_error_shape(&missing_pin, "bad_request");
    let bad_time = app
        .get("/api/v1/procedures/1.001193/appointment?received_at=h%C3%B4m-nay")
        .await;
    assert_eq!(bad_time.status, 400);
    assert_error_shape(&bad_time, "bad_request");
}

#[tokio::test]
async fn the_handlers_own_refusals_carry_the_request_id_too() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/procedures/9.999999").await;
    assert_eq!(response.status, 404);
    assert_error_shape(&response, "not_found");
    assert!(response.json()["message"]["en"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("not"));
}

#[tokio::test]
async fn a_cross_site_call_carrying_a_cookie_is_still_refused() {
    let app = spawn_app().await;
    // A browser's forged request carries the visitor's cookie: only calls
    // without one (systems with bearer tokens) skip the same-origin check.
    let forged = app
        .request(
            Request::post("/api/v1/procedures")
                .header("cookie", "motcua_session=abc")
                .header("origin", "https://ke-gian.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(forged.status, 403);
}

#[tokio::test]
async fn a_nul_byte_anywhere_in_the_address_is_a_400_never_a_500() {
    let app = spawn_app().await;
    for uri in [
        "/api/v1/procedures?sector=%00",
        "/api/v1/procedures/1.001193/appointment?agency=H34%00",
        "/api/v1/procedures/1.0011%0093",
    ] {
        let response = app.get(uri).await;
        assert_eq!(response.status, 400, "{uri}: {}", response.body);
        assert_error_shape(&response, "bad_request");
    }
    let open311 = app.get("/open311/v2/requests.json?service_code=%00").await;
    assert_eq!(open311.status, 400);
    assert!(open311.body.starts_with('['), "Open311's own error list");
}
