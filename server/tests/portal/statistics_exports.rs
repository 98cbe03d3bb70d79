//! Biểu 06 exported: the Excel file read back by an independent reader
//! (openpyxl), the PDF by pdftotext, and the API by session and by token,
//! all holding the numbers of the JSON report.

use crate::statistics::build;
use crate::support;
use support::api_tokens::issue_api_token;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use support::back_office::{manager_elsewhere, signed_in, MANAGER};
use support::pdf::flowing_text_of;
use support::xlsx::{lines_of, read_xlsx, same_numbers, EXTRA_KEYS, FORM_KEYS};
use support::{spawn_app, TestApp, TestResponse};

const ADMIN: &str = "quantri@motcua.example";
const PERIOD: &str = "from=2026-10-01&to=2026-12-31&agency=000.01.40.H34";
const PAGE_PERIOD: &str = "tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34";

#[tokio::test]
async fn the_excel_file_follows_the_form_and_holds_the_reports_numbers_as_numbers() {
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
    let book = read_xlsx(&xlsx.bytes);
    let form = &book["form"];
    let lines = lines_of(form);

    // Above the table: the reporting unit and the form's number, the
    // title, the period, the unit of count.
    assert_eq!(
        lines[0],
        [
            "Đơn vị báo cáo: Ủy ban nhân dân phường Hồng Gai",
            "Biểu số 06/VPCP/KSTT"
        ]
    );
    assert!(lines[1][0].contains("GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"));
    assert_eq!(
        lines[2],
        ["Ủy ban nhân dân phường Hồng Gai, từ ngày 01/10/2026 đến ngày 31/12/2026"]
    );
    assert_eq!(lines[3], ["Đơn vị tính: hồ sơ"]);
    // Three heading lines: received (total; carried over; new in the
    // period, online and at the counter or by post), resolved (total;
    // early; on time; late), pending (total; within; overdue).
    assert_eq!(
        lines[4],
        [
            "STT",
            "Lĩnh vực",
            "Số hồ sơ nhận giải quyết",
            "Số hồ sơ đã giải quyết",
            "Số hồ sơ đang giải quyết"
        ]
    );
    assert_eq!(
        lines[5],
        [
            "Tổng số",
            "Kỳ trước chuyển qua",
            "Mới tiếp nhận trong kỳ",
            "Tổng số",
            "Trước hạn",
            "Đúng hạn",
            "Quá hạn",
            "Tổng số",
            "Trong hạn",
            "Quá hạn"
        ]
    );
    assert_eq!(lines[6], ["Trực tuyến", "Trực tiếp, bưu chính"]);
    let numbers: Vec<String> = (1..=13).map(|n| format!("({n})")).collect();
    assert_eq!(lines[7], numbers, "the column numbers");
    let merged: Vec<&str> = form["merged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|range| range.as_str().unwrap())
        .collect();
    for range in [
        "A5:A7", "B5:B7", "C5:F5", "G5:J5", "K5:M5", "C6:C7", "D6:D7", "E6:F6", "G6:G7", "M6:M7",
    ] {
        assert!(merged.contains(&range), "{range} merged: {merged:?}");
    }
    assert_eq!(
        form["frozen"], "C9",
        "the headings, STT and sector stay in view"
    );
    // Nothing but the form's columns: thirteen, (1) to (13).
    assert!(lines.iter().all(|line| line.len() <= 13));
    same_numbers(form, &report, &FORM_KEYS);
    // Below: who drew it up, and the head of the unit under place and date.
    let below: Vec<String> = lines[9 + form["rows"].as_array().unwrap().len()..]
        .iter()
        .flatten()
        .cloned()
        .collect();
    assert_eq!(
        below,
        [
            "Quảng Ninh, ngày 31 tháng 12 năm 2026",
            "NGƯỜI LẬP BIỂU",
            "THỦ TRƯỞNG ĐƠN VỊ",
            "(Ký, ghi rõ họ tên)",
            "(Ký, ghi rõ họ tên, đóng dấu)"
        ]
    );

    // The portal's further figures: their own sheet, the same lines.
    let extras = &book["extras"];
    let extra_lines = lines_of(extras);
    assert_eq!(extra_lines[0], ["Số liệu bổ sung (ngoài Biểu 06)"]);
    assert_eq!(
        extra_lines[3],
        [
            "STT",
            "Lĩnh vực",
            "Từ chối",
            "Rút hồ sơ",
            "Dừng giải quyết",
            "Yêu cầu bổ sung",
            "Thanh toán trực tuyến",
            "Tỷ lệ trực tuyến",
            "Tỷ lệ hài lòng"
        ]
    );
    assert_eq!(extra_lines[4], ["Số giao dịch", "Số tiền (đồng)"]);
    same_numbers(extras, &report, &EXTRA_KEYS);
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
        "Đơn vị tính: hồ sơ",
        "STT",
        "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13)",
        "1 Hộ tịch 6 1 4 1 4 1 2 1 2 1 1",
        "Tổng cộng 6 1 4 1 4",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Số liệu bổ sung (ngoài Biểu 06)",
        "1 Hộ tịch 1 0 0 1",
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
    let token = issue_api_token(app, owner, "reports", "Kho dữ liệu tỉnh")
        .await
        .expect("the new token is shown once");
    let mut admin = signed_in(app, ADMIN).await;
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
    assert_eq!(
        read_xlsx(&xlsx.bytes)["form"]["rows"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
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
async fn only_administrators_issue_tokens_and_a_reports_token_only_to_managers() {
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
        page.contains("Chọn tài khoản được cấp mã: tài khoản quản lý cho báo cáo"),
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
