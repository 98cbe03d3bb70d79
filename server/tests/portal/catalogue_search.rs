//! Searching the catalogue through the JSON API: what a citizen finds for
//! what they type, with or without accents, and how filters and pages behave.

use crate::support;

use serde_json::Value;
use support::spawn_app;

fn names(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap().to_string())
        .collect()
}

fn encode(query: &str) -> String {
    form_urlencoded::byte_serialize(query.as_bytes()).collect()
}

async fn search(app: &support::TestApp, query: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/procedures?q={}", encode(query)))
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()
}

#[tokio::test]
async fn birth_registration_comes_first_however_it_is_typed() {
    let app = spawn_app().await;
    for query in [
        "dang ky khai sinh",
        "Đăng ký khai sinh",
        "ĐĂNG KÝ KHAI SINH",
        "Đa\u{306}ng ky\u{301} khai sinh", // combining marks, as some keyboards send them
        "  dang   ky khai  sinh ",
    ] {
        let found = names(&search(&app, query).await);
        assert_eq!(
            found.first().map(String::as_str),
            Some("Đăng ký khai sinh"),
            "query {query:?}: {found:?}"
        );
    }
}

#[tokio::test]
async fn other_common_searches_find_their_procedure_first() {
    let app = spawn_app().await;
    for (query, expected) in [
        ("ket hon", "Đăng ký kết hôn"),
        ("khai tu", "Đăng ký khai tử"),
        ("ly lich tu phap", "Cấp Phiếu lý lịch tư pháp"),
        ("thuong tru", "Đăng ký thường trú"),
    ] {
        let found = names(&search(&app, query).await);
        let first = found.first().cloned().unwrap_or_default();
        assert!(
            first.starts_with(expected),
            "query {query:?} gave {found:?}"
        );
    }
}

#[tokio::test]
async fn reordered_words_and_small_typos_still_find_the_procedure() {
    let app = spawn_app().await;
    let reordered = names(&search(&app, "khai sinh dang ky").await);
    assert!(
        reordered.iter().any(|name| name == "Đăng ký khai sinh"),
        "{reordered:?}"
    );
    let typo = names(&search(&app, "dang ky khai sin").await);
    assert_eq!(
        typo.first().map(String::as_str),
        Some("Đăng ký khai sinh"),
        "{typo:?}"
    );
}

#[tokio::test]
async fn a_national_code_finds_exactly_its_procedure_first() {
    let app = spawn_app().await;
    let body = search(&app, "1.001193").await;
    assert_eq!(body["items"][0]["code"], "1.001193");
}

#[tokio::test]
async fn nonsense_finds_nothing() {
    let app = spawn_app().await;
    let body = search(&app, "qwxzv pppp").await;
    assert_eq!(body["total"], 0);
    assert!(names(&body).is_empty());
}

#[tokio::test]
async fn filters_narrow_the_results() {
    let app = spawn_app().await;
    let all = app.get("/api/v1/procedures?limit=100").await.json();
    let total = all["total"].as_i64().unwrap();
    assert!(
        total >= 30,
        "the demo catalogue has at least 30 procedures, got {total}"
    );

    let civil = app
        .get("/api/v1/procedures?sector=HO_TICH&limit=100")
        .await
        .json();
    let civil_items = civil["items"].as_array().unwrap();
    assert!(!civil_items.is_empty() && (civil_items.len() as i64) < total);
    assert!(civil_items
        .iter()
        .all(|item| item["sector_code"] == "HO_TICH"));

    let full = app
        .get("/api/v1/procedures?level=full&limit=100")
        .await
        .json();
    let full_items = full["items"].as_array().unwrap();
    assert!(!full_items.is_empty());
    assert!(full_items.iter().all(|item| item["online_level"] == "full"));

    // A commune receives commune-level procedures only.
    let commune = app
        .get("/api/v1/procedures?agency=000.01.40.H34&limit=100")
        .await
        .json();
    let commune_items = commune["items"].as_array().unwrap();
    assert!(!commune_items.is_empty());
    assert!(commune_items
        .iter()
        .all(|item| item["agency_level"] == "commune"));

    let combined = app
        .get("/api/v1/procedures?q=khai+sinh&sector=HO_TICH&level=full&limit=100")
        .await
        .json();
    let combined_items = combined["items"].as_array().unwrap();
    assert_eq!(combined_items[0]["name"], "Đăng ký khai sinh", "{combined}");
    assert!(combined_items
        .iter()
        .all(|item| item["sector_code"] == "HO_TICH" && item["online_level"] == "full"));
}

#[tokio::test]
async fn pages_partition_the_results_without_overlap() {
    let app = spawn_app().await;
    let first = app.get("/api/v1/procedures?limit=10&offset=0").await.json();
    let second = app
        .get("/api/v1/procedures?limit=10&offset=10")
        .await
        .json();
    assert_eq!(first["total"], second["total"]);
    assert_eq!(first["items"].as_array().unwrap().len(), 10);
    let first_codes: Vec<&Value> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["code"])
        .collect();
    assert!(second["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|item| !first_codes.contains(&&item["code"])));
}

#[tokio::test]
async fn malformed_paging_falls_back_to_sane_values() {
    let app = spawn_app().await;
    let body = app
        .get("/api/v1/procedures?limit=99999&offset=-5")
        .await
        .json();
    assert_eq!(body["limit"], 100);
    assert_eq!(body["offset"], 0);
    let body = app.get("/api/v1/procedures?limit=abc").await.json();
    assert_eq!(body["limit"], 20);
}
