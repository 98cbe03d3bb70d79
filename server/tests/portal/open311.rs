//! Open311 GeoReport v2: an administrator issues an Open311 key to the
//! coordinator; another system lists the services, files a report for a
//! caller (checked by the portal's rules, numbered from the same counter,
//! gapless when posts come all at once), and reads public reports back —
//! open, then closed with the agency's answer — never who reported; a
//! private report is not there; keys are for one purpose, and a revoked
//! one stops working.

use crate::field_reports::{act, COORDINATOR};
use crate::support;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;
use std::net::SocketAddr;
use support::api_tokens::issue_api_token;
use support::back_office::signed_in;
use support::parallel::all_at_once;
use support::{spawn_app, TestApp};

const WARD_OFFICIAL: &str = "chuyenvien@motcua.example";

/// A form post as another system sends it: no browser headers.
fn open311_post(fields: &[(&str, &str)]) -> Request<Body> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let mut request = Request::post("/open311/v2/requests.json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from(([203, 0, 113, 9], 40000))));
    request
}

/// Issues a key for `purpose` to `owner` from the administrators' page;
/// the key shown once, or none when the page refused.
async fn issue_key(app: &TestApp, owner: &str, purpose: &str) -> Option<String> {
    issue_api_token(app, owner, purpose, "Ứng dụng Hạ Long Smart").await
}

fn light_report<'a>(key: &'a str, description: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("api_key", key),
        ("service_code", "den-chieu-sang-hong"),
        ("attribute[commune]", "06685"),
        ("address_string", "Đường Hạ Long, trước số 12"),
        ("lat", "20.9517"),
        ("long", "107.0806"),
        ("description", description),
        ("first_name", "Hoàng"),
        ("last_name", "Minh Gọi"),
        ("phone", "0912 345 678"),
    ]
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"))
}

/// An Open311 error: a list of one `{code, description}`.
fn error_of(status: StatusCode, body: &str) -> (u16, String) {
    let errors = json(body);
    let error = &errors[0];
    assert_eq!(
        error["code"].as_u64(),
        Some(u64::from(status.as_u16())),
        "{body}"
    );
    (
        status.as_u16(),
        error["description"].as_str().unwrap().to_string(),
    )
}

#[tokio::test]
async fn another_system_files_a_report_by_open311_and_reads_it_back_until_it_is_answered() {
    let app = spawn_app().await;
    // Open311 keys go to the coordinating unit, not to a manager.
    assert_eq!(
        issue_key(&app, "quanly@motcua.example", "open311").await,
        None
    );
    let key = issue_key(&app, COORDINATOR, "open311").await.unwrap();

    let services = json(&app.get("/open311/v2/services.json").await.body);
    let light = services
        .as_array()
        .unwrap()
        .iter()
        .find(|service| service["service_code"] == "den-chieu-sang-hong")
        .expect("the street light category is a service");
    assert_eq!(light["group"], "Hạ tầng đô thị");
    assert_eq!(light["metadata"], true);
    let definition = json(
        &app.get("/open311/v2/services/den-chieu-sang-hong.json")
            .await
            .body,
    );
    assert_eq!(definition["attributes"][0]["code"], "commune");
    assert!(definition["attributes"][0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .any(|value| value["key"] == "06685"));

    // Refusals say what is wrong, in Open311's shape, and keep nothing.
    let description = "Đèn đường trước số 12 tắt cả tuần nay, rất nguy hiểm.";
    let mut wrong = light_report("mc_not-a-key", description);
    let answer = app.request(open311_post(&wrong)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    error_of(answer.status, &answer.body);
    wrong = light_report(&key, description);
    wrong.retain(|(name, _)| *name != "attribute[commune]");
    let answer = app.request(open311_post(&wrong)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(error_of(answer.status, &answer.body)
        .1
        .contains("attribute[commune]"));
    let answer = app
        .request(open311_post(&light_report(&key, "Tắt đèn")))
        .await;
    assert!(error_of(answer.status, &answer.body)
        .1
        .contains("description"));
    let mut pothole = light_report(&key, description);
    pothole[1] = ("service_code", "mat-duong-via-he-hu-hong");
    let answer = app.request(open311_post(&pothole)).await;
    assert!(
        error_of(answer.status, &answer.body).1.contains("ảnh"),
        "a category that needs a photo is filed on the portal"
    );
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM field_reports")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, 0);

    let filed = app
        .request(open311_post(&light_report(&key, description)))
        .await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let code = json(&filed.body)[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_string();
    let (channel, caller, reporter): (String, String, Option<i64>) = sqlx::query_as(
        "SELECT channel, caller_name, reporter_id FROM field_reports WHERE code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (channel.as_str(), caller.as_str(), reporter),
        ("open311", "Hoàng Minh Gọi", None)
    );

    let one = app.get(&format!("/open311/v2/requests/{code}.json")).await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.body);
    assert!(!one.body.contains("Hoàng Minh Gọi") && !one.body.contains("0912"));
    let request = &json(&one.body)[0];
    assert_eq!(request["status"], "open");
    assert_eq!(
        request["address"],
        "Đường Hạ Long, trước số 12, Phường Hồng Gai"
    );
    assert!(request["expected_datetime"]
        .as_str()
        .unwrap()
        .ends_with("+07:00"));

    // Forwarded, answered and published: closed, with the answer.
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    act(
        &mut coordinator,
        &code,
        &[("action", "forward"), ("agency", "000.01.40.H34")],
    )
    .await;
    let mut official = signed_in(&app, WARD_OFFICIAL).await;
    official
        .post_multipart(
            &format!("/can-bo/phan-anh/{code}/ket-qua"),
            &[("answer", "Đã thay bóng đèn trước số 12.")],
            &[],
        )
        .await;
    act(&mut coordinator, &code, &[("action", "publish")]).await;
    let closed = json(
        &app.get("/open311/v2/requests.json?status=closed")
            .await
            .body,
    );
    let request = closed
        .as_array()
        .unwrap()
        .iter()
        .find(|request| request["service_request_id"] == code.as_str())
        .expect("listed once closed");
    assert_eq!(request["status"], "closed");
    assert_eq!(request["status_notes"], "Đã thay bóng đèn trước số 12.");
    let ward: String = sqlx::query_scalar("SELECT name FROM agencies WHERE code = '000.01.40.H34'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(request["agency_responsible"], ward.as_str());
    let open = json(&app.get("/open311/v2/requests.json?status=open").await.body);
    assert!(!open.to_string().contains(&code));
    let unreadable = app
        .get("/open311/v2/requests.json?start_date=hom-qua")
        .await;
    assert_eq!(unreadable.status, StatusCode::BAD_REQUEST);
    error_of(unreadable.status, &unreadable.body);

    // A category that is private by default is never read back.
    let mut jam = light_report(&key, "Ùn tắc kéo dài ở ngã tư trước chợ từ sáng.");
    jam[1] = ("service_code", "un-tac-giao-thong");
    let private = app.request(open311_post(&jam)).await;
    let private_code = json(&private.body)[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        app.get(&format!("/open311/v2/requests/{private_code}.json"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The key is for Open311 only, a reports token not for Open311; a
    // revoked key stops working.
    let reports = app
        .request(
            Request::get("/api/v1/reports/bieu-06")
                .header(header::AUTHORIZATION, format!("Bearer {key}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_ne!(reports.status, StatusCode::OK);
    let manager_token = issue_key(&app, "quanly@motcua.example", "reports")
        .await
        .unwrap();
    let answer = app
        .request(open311_post(&light_report(&manager_token, description)))
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    sqlx::query("UPDATE api_tokens SET revoked_at = now() WHERE purpose = 'open311'")
        .execute(&app.pool)
        .await
        .unwrap();
    let answer = app
        .request(open311_post(&light_report(&key, description)))
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);

    let described = app.get("/api/v1/openapi.json").await.body;
    for path in ["/open311/v2/services.json", "/open311/v2/requests.json"] {
        assert!(described.contains(path), "{path} in the OpenAPI document");
    }
}

#[tokio::test]
async fn reports_posted_by_open311_all_at_once_get_gapless_codes() {
    let app = spawn_app().await;
    let key = issue_key(&app, COORDINATOR, "open311").await.unwrap();
    let description = "Cột đèn số 7 chập chờn, lúc sáng lúc tắt suốt đêm.";
    let answers = all_at_once(
        &app,
        (0..12)
            .map(|_| open311_post(&light_report(&key, description)))
            .collect(),
    )
    .await;
    let mut numbers: Vec<u32> = answers
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, StatusCode::CREATED, "{body}");
            json(body)[0]["service_request_id"].as_str().unwrap()[8..]
                .parse()
                .unwrap()
        })
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=12).collect::<Vec<u32>>());
}

#[tokio::test]
async fn a_key_owner_files_no_more_than_the_hours_limit_even_all_at_once() {
    let app = spawn_app().await;
    let key = issue_key(&app, COORDINATOR, "open311").await.unwrap();
    let owner: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(COORDINATOR)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // The hour so far: two short of the limit.
    let limit = app::access::throttle::OPEN311_REPORTS.free_failures;
    let subject = app::access::throttle::Subject::Account(owner).key();
    sqlx::query(
        "INSERT INTO guess_attempts (kind, subject_key) SELECT 'open311_report', $1 FROM generate_series(1, $2)",
    )
    .bind(&subject)
    .bind(limit - 2)
    .execute(&app.pool)
    .await
    .unwrap();
    let description = "Cột đèn số 9 nghiêng, có nguy cơ đổ ra đường.";
    let answers = all_at_once(
        &app,
        (0..8)
            .map(|_| open311_post(&light_report(&key, description)))
            .collect(),
    )
    .await;
    let created = answers
        .iter()
        .filter(|(status, _)| *status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 2, "{answers:?}");
    for (status, body) in answers
        .iter()
        .filter(|(status, _)| *status != StatusCode::CREATED)
    {
        assert_eq!(*status, StatusCode::TOO_MANY_REQUESTS);
        assert!(error_of(*status, body).1.contains("Quá nhiều phản ánh"));
    }
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM field_reports")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, 2);
}
