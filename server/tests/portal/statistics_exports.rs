//! Biểu 06 exported: the Excel file read back by an independent reader
//! (openpyxl), the PDF by pdftotext, and the API by session and by token,
//! all holding the numbers of the JSON report.

use crate::statistics::build;
use crate::support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;
use support::back_office::{manager_elsewhere, signed_in, MANAGER};
use support::pdf::flowing_text_of;
use support::{spawn_app, TestApp, TestResponse};

const ADMIN: &str = "quantri@motcua.example";
const PERIOD: &str = "from=2026-10-01&to=2026-12-31&agency=000.01.40.H34";
const PAGE_PERIOD: &str = "tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34";

/// The sheet as openpyxl reads it: merged ranges, the frozen cell, the
/// caption, and every table row's cells with their Python types.
fn read_xlsx(bytes: &[u8]) -> Value {
    let path = std::env::temp_dir().join(format!(
        "motcua-bieu06-{}-{:?}.xlsx",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, bytes).unwrap();
    let script = r#"
import json, sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).active
rows = [[{"type": type(c).__name__, "value": c} for c in row] for row in sheet.iter_rows(min_row=7, values_only=True)]
print(json.dumps({
    "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
    "frozen": sheet.freeze_panes,
    "title": sheet["A2"].value,
    "caption": sheet["A3"].value,
    "header": [sheet.cell(row=5, column=c).value for c in range(1, sheet.max_column + 1)],
    "subheader": [sheet.cell(row=6, column=c).value for c in range(1, sheet.max_column + 1)],
    "rows": rows,
}))
"#;
    let output = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "openpyxl could not read the workbook: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The JSON row's numbers in the order of the table's columns.
fn json_numbers(row: &Value) -> Vec<f64> {
    [
        "received",
        "carried_over",
        "new_online",
        "new_counter_or_post",
        "resolved",
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
        "pending",
        "pending_within",
        "pending_overdue",
        "refused",
        "withdrawn",
        "stopped",
        "supplements_requested",
        "paid_online",
        "paid_online_amount",
        "online_rate",
        "satisfaction",
    ]
    .iter()
    .map(|key| row[key].as_f64().unwrap_or(f64::NAN))
    .collect()
}

#[tokio::test]
async fn the_excel_file_holds_the_reports_numbers_as_numbers_under_merged_headings() {
    let app = spawn_app().await;
    build(&app).await;
    let mut manager = signed_in(&app, MANAGER).await;
    let report = manager
        .get(&format!("/api/v1/reports/bieu-06?{PERIOD}"))
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.body);
    let report = report.json();
    let xlsx = manager
        .get(&format!("/thong-ke/bieu-06.xlsx?{PAGE_PERIOD}"))
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx
        .header("content-disposition")
        .contains("bieu-06-000.01.40.H34-2026-10-01-2026-12-31.xlsx"));
    let sheet = read_xlsx(&xlsx.bytes);

    assert_eq!(
        sheet["caption"],
        "Ủy ban nhân dân phường Hồng Gai, từ ngày 01/10/2026 đến ngày 31/12/2026"
    );
    assert!(sheet["title"]
        .as_str()
        .unwrap()
        .contains("GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"));
    assert_eq!(
        sheet["frozen"], "B7",
        "the header and the sector stay in view"
    );
    let merged: Vec<&str> = sheet["merged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|range| range.as_str().unwrap())
        .collect();
    for range in ["A5:A6", "B5:E5", "F5:I5", "J5:L5", "M5:M6"] {
        assert!(merged.contains(&range), "{range} merged: {merged:?}");
    }
    assert_eq!(sheet["header"][1], "Số hồ sơ nhận giải quyết");
    assert_eq!(sheet["subheader"][2], "Kỳ trước chuyển qua");

    let rows = sheet["rows"].as_array().unwrap();
    let expected: Vec<&Value> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .chain(std::iter::once(&report["total"]))
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (row, json) in rows.iter().zip(expected) {
        let cells = row.as_array().unwrap();
        assert_eq!(cells[0]["value"], json["name"]);
        let numbers: Vec<f64> = cells[1..]
            .iter()
            .map(|cell| {
                assert!(
                    matches!(cell["type"].as_str(), Some("int" | "float" | "NoneType")),
                    "a number, not text: {cell}"
                );
                cell["value"].as_f64().unwrap_or(f64::NAN)
            })
            .collect();
        let wanted = json_numbers(json);
        assert_eq!(numbers.len(), wanted.len());
        for (got, want) in numbers.iter().zip(&wanted) {
            assert!(
                got == want || (got.is_nan() && want.is_nan()),
                "{numbers:?} vs {wanted:?}"
            );
        }
    }
    let civil_status = &report["rows"][0];
    assert_eq!(civil_status["name"], "Hộ tịch");
    assert_eq!(civil_status["received"], 6);
}

#[tokio::test]
async fn the_pdf_report_reads_back_in_vietnamese_with_its_numbers() {
    let app = spawn_app().await;
    build(&app).await;
    let mut manager = signed_in(&app, MANAGER).await;
    let pdf = manager
        .get(&format!("/thong-ke/bieu-06.pdf?{PAGE_PERIOD}"))
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    let text = flowing_text_of(&pdf.bytes);
    for expected in [
        "PHƯỜNG HỒNG GAI",
        "Biểu số 06/VPCP/KSTT",
        "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "từ ngày 01/10/2026 đến ngày 31/12/2026",
        "Số hồ sơ nhận giải quyết",
        "Trước hạn",
        "Hộ tịch 6 1 4 1 4 1 2 1 2 1 1 1 0 0 1",
        "Tổng cộng 6 1 4 1 4",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
}

async fn with_token(app: &TestApp, uri: &str, token: &str) -> TestResponse {
    app.request(
        Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// An administrator issues a token to `owner`; the notice shows it once.
async fn issue_token(app: &TestApp, owner: &str) -> String {
    let owner_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(owner)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let mut admin = signed_in(app, ADMIN).await;
    let issued = admin
        .post(
            "/quan-tri/ma-api",
            &[
                ("owner", &owner_id.to_string()),
                ("label", "Kho dữ liệu tỉnh"),
            ],
        )
        .await;
    assert_eq!(issued.status, StatusCode::SEE_OTHER);
    let page = admin.get("/quan-tri/ma-api").await.text();
    let at = page.find("mc_").expect("the new token is shown once");
    let token: String = page[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    let again = admin.get("/quan-tri/ma-api").await.text();
    assert!(!again.contains(&token), "shown only once");
    assert!(again.contains("Kho dữ liệu tỉnh"));
    token
}

#[tokio::test]
async fn a_token_reads_the_report_as_its_manager_until_it_is_revoked() {
    let app = spawn_app().await;
    build(&app).await;
    let uri = format!("/api/v1/reports/bieu-06?{PERIOD}");
    let mut manager = signed_in(&app, MANAGER).await;
    let by_session = manager.get(&uri).await.json();

    let anonymous = app.get(&uri).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.json()["error"], "sign_in_required");
    assert_eq!(
        with_token(&app, &uri, "mc_made-up").await.status,
        StatusCode::UNAUTHORIZED
    );

    let token = issue_token(&app, MANAGER).await;
    let by_token = with_token(&app, &uri, &token).await;
    assert_eq!(by_token.status, StatusCode::OK, "{}", by_token.body);
    assert_eq!(by_token.json(), by_session);
    let csv = with_token(&app, &format!("{uri}&format=csv"), &token).await;
    assert!(csv.body.starts_with('\u{feff}') && csv.body.contains("Hộ tịch,6,1,4,1"));
    let xlsx = with_token(&app, &format!("{uri}&format=xlsx"), &token).await;
    assert!(xlsx.header("content-type").contains("spreadsheetml"));
    assert_eq!(read_xlsx(&xlsx.bytes)["rows"].as_array().unwrap().len(), 2);
    let unknown = with_token(&app, &format!("{uri}&format=doc"), &token).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    // A token opens the reports only: not the back office, not a dossier.
    assert_ne!(
        with_token(&app, "/can-bo", &token).await.status,
        StatusCode::OK
    );

    let used: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("SELECT last_used_at FROM api_tokens")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(used.is_some(), "the administrator sees when it was used");

    let id: i64 = sqlx::query_scalar("SELECT id FROM api_tokens")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let mut admin = signed_in(&app, ADMIN).await;
    let revoked = admin
        .post(&format!("/quan-tri/ma-api/{id}/thu-hoi"), &[])
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        with_token(&app, &uri, &token).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn only_administrators_issue_tokens_and_only_to_managers() {
    let app = spawn_app().await;
    let mut manager = signed_in(&app, MANAGER).await;
    assert_eq!(
        manager
            .post("/quan-tri/ma-api", &[("owner", "1"), ("label", "x")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let reception: i64 =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'tiepnhan@motcua.example'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let mut admin = signed_in(&app, ADMIN).await;
    admin
        .post(
            "/quan-tri/ma-api",
            &[("owner", &reception.to_string()), ("label", "")],
        )
        .await;
    let page = admin.get("/quan-tri/ma-api").await.text();
    assert!(
        page.contains("Chọn tài khoản quản lý được cấp mã."),
        "{page}"
    );
    assert!(page.contains("Nhập tên gọi của mã"), "{page}");
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM api_tokens")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_commune_managers_token_cannot_export_another_communes_numbers() {
    let app = spawn_app().await;
    build(&app).await;
    let token = issue_token(&app, manager_elsewhere(&app).await).await;
    for format in ["json", "xlsx", "csv", "pdf"] {
        let refused = with_token(
            &app,
            &format!("/api/v1/reports/bieu-06?{PERIOD}&format={format}"),
            &token,
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{format}");
        assert!(!refused.body.contains("Hộ tịch"));
    }
    let own = with_token(
        &app,
        "/api/v1/reports/bieu-06?from=2026-10-01&to=2026-12-31",
        &token,
    )
    .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.json()["total"]["received"], 0);
}
