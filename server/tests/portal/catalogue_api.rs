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

#[tokio::test]
async fn published_versions_come_with_the_days_they_hold_and_drafts_stay_out() {
    let app = spawn_app().await;
    let current: i64 = sqlx::query_scalar(
        "SELECT c.id FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
         WHERE p.code = '1.001193'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    // Version next: published by the second pair of eyes, in force in 60 days.
    let from = app.clock().today_in_vietnam() + chrono::Duration::days(60);
    let draft = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT draft_procedure_version($1, (SELECT id FROM users WHERE email = 'quantri@motcua.example'))",
        )
        .bind(current)
        .fetch_one(&app.pool)
        .await
        .unwrap()
    };
    let next = draft().await;
    sqlx::query(
        "UPDATE procedure_versions
         SET effective_from = $2, published_at = now(),
             published_by = (SELECT id FROM users WHERE email = 'kiemduyet@motcua.example')
         WHERE id = $1",
    )
    .bind(next)
    .bind(from)
    .execute(&app.pool)
    .await
    .unwrap();
    // And a draft nobody published.
    draft().await;

    let response = app.get("/api/v1/procedures/1.001193/versions").await;
    assert_eq!(response.status, 200, "{}", response.body);
    let body = response.json();
    let versions = body["versions"].as_array().unwrap();
    let published: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
         WHERE p.code = '1.001193' AND v.published_at IS NOT NULL",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(versions.len() as i64, published, "the draft is not listed");
    let scheduled = versions.last().unwrap();
    assert_eq!(scheduled["state"], "scheduled");
    assert_eq!(scheduled["effective_from"], from.to_string());
    assert!(scheduled["effective_until"].is_null());
    let in_force = &versions[versions.len() - 2];
    assert_eq!(in_force["state"], "in_force");
    assert_eq!(in_force["effective_until"], from.to_string());
    assert!(versions[..versions.len() - 2]
        .iter()
        .all(|version| version["state"] == "superseded"));

    let unknown = app.get("/api/v1/procedures/9.999999/versions").await;
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.json()["error"], "not_found");
}
