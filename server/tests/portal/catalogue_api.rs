//! The shapes of the public catalogue API and its OpenAPI description.

use crate::support;

use support::spawn_app;

#[tokio::test]
async fn a_procedure_comes_with_documents_fees_time_cutoff_and_level() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/procedures/1.001193").await;
    assert_eq!(response.status, 200);
    assert!(response.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let body = response.json();
    assert_eq!(body["code"], "1.001193");
    assert_eq!(body["name"], "Đăng ký khai sinh");
    assert_eq!(body["version"], 1);
    assert_eq!(body["online_level"], "full");
    assert_eq!(body["agency_level"], "commune");
    // Birth registration is done the day it is received; after 15:00, the
    // next working day.
    assert_eq!(body["processing_time"]["unit"], "same_day");
    assert_eq!(body["cutoff"], "15:00");
    let documents = body["documents"].as_array().unwrap();
    assert!(documents
        .iter()
        .any(|d| d["name"] == "Tờ khai đăng ký khai sinh theo mẫu" && d["mandatory"] == true));
    let fees = body["fees"].as_array().unwrap();
    assert!(fees.iter().any(|fee| fee["amount"] == 0));
    assert!(fees
        .iter()
        .all(|fee| fee["amount"].is_i64() && fee["kind"].is_string()));
    assert!(!body["legal_basis"].as_array().unwrap().is_empty());
    assert!(
        body["agencies"].as_array().unwrap().len() >= 5,
        "every demo commune receives it"
    );
}

#[tokio::test]
async fn an_unknown_code_is_a_404_with_a_vietnamese_message() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/procedures/9.999999").await;
    assert_eq!(response.status, 404);
    let body = response.json();
    assert_eq!(body["error"], "not_found");
    assert!(body["message"]["vi"]
        .as_str()
        .unwrap()
        .contains("Trang bạn tìm"));
}

#[tokio::test]
async fn list_items_carry_what_a_result_line_needs() {
    let app = spawn_app().await;
    let body = app.get("/api/v1/procedures?q=ket+hon&limit=1").await.json();
    assert_eq!(body["limit"], 1);
    let item = &body["items"][0];
    for field in [
        "code",
        "name",
        "sector_code",
        "sector_name",
        "agency_level",
        "online_level",
    ] {
        assert!(item[field].is_string(), "{field} missing in {item}");
    }
    assert!(item["processing_time"]["value"].is_i64());
}

#[tokio::test]
async fn the_openapi_description_lists_the_catalogue_endpoints() {
    let app = spawn_app().await;
    let body = app.get("/api/v1/openapi.json").await.json();
    assert!(body["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/v1/procedures", "/api/v1/procedures/{code}", "/health"] {
        assert!(body["paths"][path].is_object(), "{path} missing");
    }
}
