//! The catalogue as files: exported to JSON and xlsx, imported back as one
//! batch of drafts (or refused whole, with errors per row), and published
//! by a second administrator.

use crate::procedure_versions::{signed_in, AUTHOR, REVIEWER};
use crate::support;

use axum::body::Body;
use axum::http::{header, Request};
use serde_json::{json, Value};
use support::browser::{Browser, PORTAL};
use support::{spawn_app, TestApp, TestResponse};

const IMPORT: &str = "/quan-tri/nhap-thu-tuc";

/// Posts `content` as the import form does.
pub(crate) async fn upload(
    app: &TestApp,
    browser: &Browser<'_>,
    name: &str,
    content: &[u8],
) -> TestResponse {
    let boundary = "----motcua-catalogue";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(IMPORT)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ORIGIN, PORTAL)
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, browser.session_cookie().unwrap())
        .body(Body::from(body))
        .unwrap();
    app.request(request).await
}

pub(crate) fn new_procedure(code: &str, days: i64) -> Value {
    json!({
        "code": code, "sector": "", "level": "commune",
        "name": "Đăng ký nuôi chim yến trong nhà", "time_unit": "working_days", "time_value": days,
        "online_level": "full", "result_type": "Giấy xác nhận",
        "documents": [{ "name": "Tờ khai đăng ký", "originals": 1, "copies": 0, "mandatory": true }],
        "fees": [{ "kind": "le_phi", "description": "Lệ phí xác nhận", "amount_vnd": 20000, "charged": true }]
    })
}

pub(crate) async fn file(app: &TestApp, procedures: Vec<Value>) -> Vec<u8> {
    let sector: String = sqlx::query_scalar("SELECT code FROM sectors ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let procedures: Vec<Value> = procedures
        .into_iter()
        .map(|mut procedure| {
            procedure["sector"] = json!(sector);
            procedure
        })
        .collect();
    serde_json::to_vec(&json!({ "format": "motcua-catalogue/1", "procedures": procedures }))
        .unwrap()
}

async fn drafts(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM procedure_versions WHERE published_at IS NULL")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_file_with_a_bad_row_is_refused_whole_and_each_error_named_by_row() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    let content = file(
        &app,
        vec![new_procedure("1.999001", 5), new_procedure("1.999", 0)],
    )
    .await;
    let response = upload(&app, &author, "danh-muc.json", &content).await;
    let page_path = response.location();
    assert!(
        page_path.starts_with("/quan-tri/nhap-thu-tuc/"),
        "{page_path}"
    );
    let page = author.get(&page_path).await.text();
    assert!(page.contains("chưa nhập thủ tục nào"), "{page}");
    assert!(page.contains("Không hợp lệ, chưa nhập"), "{page}");
    for shown in ["Nhập mã thủ tục gồm một chữ số", "Nhập số từ 1 đến 365"]
    {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert_eq!(drafts(&app).await, 0, "no row of a refused file is kept");

    let garbage = upload(&app, &author, "anh.png", b"\x89PNG....").await;
    assert_eq!(garbage.location(), "/quan-tri/thu-tuc");
    assert!(author
        .get("/quan-tri/thu-tuc")
        .await
        .text()
        .contains("Không đọc được tệp"));
}

#[tokio::test]
async fn an_imported_catalogue_is_published_together_by_a_second_administrator() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    let mut renamed = new_procedure("1.010038", 3);
    renamed["name"] = json!("Tách hộ (theo quyết định mới)");
    renamed["level"] = json!("commune");
    let content = file(&app, vec![new_procedure("1.999001", 5), renamed.clone()]).await;
    let page_path = upload(&app, &author, "danh-muc.json", &content)
        .await
        .location();
    let page = author.get(&page_path).await.text();
    assert!(page.contains("Bản nháp, chờ xuất bản"), "{page}");
    assert!(
        page.contains("1.999001 — Đăng ký nuôi chim yến trong nhà"),
        "{page}"
    );
    assert!(page.contains("nguyên tắc bốn mắt"), "{page}");
    assert_eq!(drafts(&app).await, 2);
    // Its author cannot publish it.
    author
        .post(&format!("{page_path}/xuat-ban"), &[("effective_from", "")])
        .await;
    assert_eq!(drafts(&app).await, 2);

    // Tách hộ shortened to 3 days keeps its workflow of 5: not published.
    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer
        .post(&format!("{page_path}/xuat-ban"), &[("effective_from", "")])
        .await;
    let refused = reviewer.get(&page_path).await.text();
    assert!(refused.contains("1.010038: Chưa xuất bản"), "{refused}");
    assert!(
        refused.contains("vượt thời hạn giải quyết 24 giờ"),
        "{refused}"
    );
    assert_eq!(drafts(&app).await, 2);
    author.post(&format!("{page_path}/huy"), &[]).await;
    assert_eq!(drafts(&app).await, 0);
    renamed["time_value"] = json!(5);
    let content = file(&app, vec![new_procedure("1.999001", 5), renamed]).await;
    let page_path = upload(&app, &author, "danh-muc.json", &content)
        .await
        .location();

    let mut citizen = signed_in(&app, "congdan@motcua.example").await;
    assert_eq!(citizen.get("/thu-tuc/1.999001").await.status, 404);
    // Publishing twice at once publishes once.
    let mut again = signed_in(&app, REVIEWER).await;
    let publish = format!("{page_path}/xuat-ban");
    let (one, two) = tokio::join!(
        reviewer.post(&publish, &[("effective_from", "")]),
        again.post(&publish, &[("effective_from", "")])
    );
    assert_eq!((one.status.as_u16(), two.status.as_u16()), (303, 303));
    assert_eq!(drafts(&app).await, 0);
    let published: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'catalogue_import_published'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(published, 1);
    assert!(reviewer
        .get(&page_path)
        .await
        .text()
        .contains("Đã xuất bản"));
    assert_eq!(citizen.get("/thu-tuc/1.999001").await.status, 200);
    assert!(citizen
        .get("/thu-tuc/1.010038")
        .await
        .text()
        .contains("Tách hộ (theo quyết định mới)"));
}

/// The workbook's sheets as openpyxl reads them; and the same workbook
/// with one procedure renamed by openpyxl, saved as another tool would.
fn through_openpyxl(bytes: &[u8], code: &str, name: &str) -> (Value, Vec<u8>) {
    let script = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheets = {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}
for row in book["Thủ tục"].iter_rows(min_row=2):
    if row[0].value == sys.argv[3]:
        row[1].value = sys.argv[4]
book.save(sys.argv[2])
print(json.dumps(sheets, default=str))
"#;
    let (printed, edited) = with_python(bytes, script, &[code, name]);
    (serde_json::from_slice(&printed).unwrap(), edited)
}

/// Runs a Python `script` on the workbook `bytes` as `script in.xlsx
/// out.xlsx args…`: what it printed, and the workbook it saved.
fn with_python(bytes: &[u8], script: &str, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("motcua-catalogue-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (input, output) = (dir.join("in.xlsx"), dir.join("out.xlsx"));
    std::fs::write(&input, bytes).unwrap();
    let result = std::process::Command::new("python3")
        .args(["-c", script])
        .args([input.as_os_str(), output.as_os_str()])
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let edited = std::fs::read(&output).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (result.stdout, edited)
}

#[tokio::test]
async fn the_exported_spreadsheet_edited_elsewhere_imports_back_as_drafts() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    let json = author.get("/quan-tri/danh-muc-thu-tuc.json").await;
    assert_eq!(json.status, 200);
    let catalogue: Value = serde_json::from_slice(&json.bytes).unwrap();
    let in_force: i64 = sqlx::query_scalar("SELECT count(*) FROM current_procedure_versions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        catalogue["procedures"].as_array().unwrap().len() as i64,
        in_force
    );

    let xlsx = author.get("/quan-tri/danh-muc-thu-tuc.xlsx").await;
    assert_eq!(xlsx.status, 200);
    let (sheets, edited) = through_openpyxl(&xlsx.bytes, "1.010038", "Tách hộ (sửa trong Excel)");
    let procedures = sheets["Thủ tục"].as_array().unwrap();
    assert_eq!(
        procedures.len() as i64,
        in_force + 1,
        "a heading and a line each"
    );
    let split = procedures.iter().find(|row| row[0] == "1.010038").unwrap();
    assert_eq!(split[1], "Tách hộ");
    assert!(sheets["Thành phần hồ sơ"]
        .as_array()
        .unwrap()
        .iter()
        .any(|row| row[0] == "1.010038"
            && row[1]
                .as_str()
                .unwrap()
                .starts_with("Tờ khai thay đổi thông tin cư trú")));

    let page_path = upload(&app, &author, "danh-muc.xlsx", &edited)
        .await
        .location();
    let page = author.get(&page_path).await.text();
    assert!(page.contains("Bản nháp, chờ xuất bản"), "{page}");
    assert_eq!(drafts(&app).await, in_force);
    let changes = author.get("/quan-tri/thu-tuc/1.010038").await.text();
    assert!(changes.contains("Tách hộ (sửa trong Excel)"), "{changes}");
    // Exemptions are not in the spreadsheet: each procedure keeps its own.
    let kept: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM fee_exemptions e JOIN procedure_versions v ON v.id = e.version_id WHERE v.published_at IS NULL)
              - (SELECT count(*) FROM fee_exemptions e JOIN current_procedure_versions c ON c.id = e.version_id)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(kept, 0);

    // Discarded, nothing is left of it.
    author.post(&format!("{page_path}/huy"), &[]).await;
    assert_eq!(drafts(&app).await, 0);
}

#[tokio::test]
async fn the_sample_in_the_docs_imports_cleanly() {
    let app = spawn_app().await;
    let author = signed_in(&app, AUTHOR).await;
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/catalogue-sample.json"
    ))
    .unwrap();
    let page_path = upload(&app, &author, "catalogue-sample.json", &sample)
        .await
        .location();
    let status: String = sqlx::query_scalar("SELECT status FROM catalogue_imports")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "draft", "{page_path}");
    assert_eq!(drafts(&app).await, 1);
}

#[tokio::test]
async fn the_same_file_imported_twice_at_once_drafts_each_procedure_once() {
    let app = spawn_app().await;
    let mut renamed = new_procedure("1.010038", 5);
    renamed["name"] = json!("Tách hộ (theo quyết định mới)");
    let content = file(&app, vec![new_procedure("1.999001", 5), renamed]).await;
    let (first, second) = (
        signed_in(&app, AUTHOR).await,
        signed_in(&app, REVIEWER).await,
    );
    let (one, two) = tokio::join!(
        upload(&app, &first, "danh-muc.json", &content),
        upload(&app, &second, "danh-muc.json", &content)
    );
    assert_eq!((one.status.as_u16(), two.status.as_u16()), (303, 303));
    let statuses: Vec<String> =
        sqlx::query_scalar("SELECT status FROM catalogue_imports ORDER BY status")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(statuses, ["draft", "refused"]);
    assert_eq!(drafts(&app).await, 2, "one draft per procedure");
}

#[tokio::test]
async fn a_file_over_the_size_limit_is_refused_with_the_limit_even_when_sent_at_once() {
    let app = spawn_app().await;
    let (mut first, second) = (
        signed_in(&app, AUTHOR).await,
        signed_in(&app, REVIEWER).await,
    );
    // 33 MB of JSON-looking bytes, over the 32 MB taken.
    let huge = vec![b' '; 33 * 1024 * 1024];
    let (one, two) = tokio::join!(
        upload(&app, &first, "danh-muc.json", &huge),
        upload(&app, &second, "danh-muc.json", &huge)
    );
    assert_eq!(one.location(), "/quan-tri/thu-tuc");
    assert_eq!(two.location(), "/quan-tri/thu-tuc");
    let page = first.get("/quan-tri/thu-tuc").await.text();
    assert!(
        page.contains("Tệp danh mục quá lớn: tối đa 32 MB"),
        "{page}"
    );
    let imports: i64 = sqlx::query_scalar("SELECT count(*) FROM catalogue_imports")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(imports, 0);
}

/// The workbook with one more row on `sheet`, naming procedure `code`.
fn with_row_for(bytes: &[u8], sheet: &str, code: &str) -> Vec<u8> {
    let script = r#"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
book[sys.argv[3]].append([sys.argv[4], "Lệ phí", "Dòng không thuộc thủ tục nào", 10000, "x"])
book.save(sys.argv[2])
"#;
    with_python(bytes, script, &[sheet, code]).1
}

#[tokio::test]
async fn a_fee_or_document_row_for_a_procedure_not_in_the_file_refuses_the_file_and_says_where() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    let xlsx = author.get("/quan-tri/danh-muc-thu-tuc.xlsx").await;
    // The rows each sheet has (its heading included), as openpyxl reads them.
    let (sheets, _) = through_openpyxl(&xlsx.bytes, "", "");
    let rows = |sheet: &str| sheets[sheet].as_array().unwrap().len();
    for (sheet, code, expected_code) in [
        (
            "Phí, lệ phí",
            "9.999999",
            "mã thủ tục “9.999999” không có trong trang thủ tục",
        ),
        ("Thành phần hồ sơ", "", "thiếu mã thủ tục"),
    ] {
        let edited = with_row_for(&xlsx.bytes, sheet, code);
        let response = upload(&app, &author, "danh-muc.xlsx", &edited).await;
        assert_eq!(response.location(), "/quan-tri/thu-tuc");
        let page = author.get("/quan-tri/thu-tuc").await.text();
        let place = format!("Trang “{sheet}”, dòng {}:", rows(sheet) + 1);
        assert!(page.contains(&place), "{place} in {page}");
        assert!(page.contains(expected_code), "{expected_code} in {page}");
        assert!(page.contains("Không có gì được nhập."), "{page}");
        assert_eq!(drafts(&app).await, 0, "nothing of the file is kept");
    }
}
