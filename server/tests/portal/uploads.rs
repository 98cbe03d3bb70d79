//! Uploading documents for a dossier: types by their bytes, limits while
//! streaming, SHA-256, and nobody else's files.

use crate::support;

use support::browser::Browser;
use support::uploads::{birth_document, upload, upload_scripted, PDF};
use support::{spawn_app, spawn_app_with, TestApp};

const CITIZEN: &str = "congdan@motcua.example";
async fn document_id(app: &TestApp) -> i64 {
    birth_document(app, "Giấy chứng sinh").await
}

async fn notice_after(browser: &mut Browser<'_>) -> String {
    browser.get("/nop-ho-so/1.001193").await.text()
}

#[tokio::test]
async fn a_pdf_is_stored_with_its_digest_and_shown_in_its_slot() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = document_id(&app).await;
    let response = upload(
        &app,
        &browser,
        document,
        "giấy chứng sinh.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    assert_eq!(
        response.location(),
        format!("/nop-ho-so/1.001193#tai-lieu-{document}")
    );
    let page = notice_after(&mut browser).await;
    assert!(page.contains("Đã tải lên “giấy chứng sinh.pdf”"), "{page}");

    let (id, key, size, digest): (i64, String, i64, Vec<u8>) =
        sqlx::query_as("SELECT id, storage_key, size_bytes, sha256 FROM stored_files")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(size as usize, PDF.len());
    assert!(
        !key.contains("chứng") && key.starts_with("files/"),
        "generated names only: {key}"
    );
    use sha2::Digest;
    assert_eq!(digest, sha2::Sha256::digest(PDF).to_vec());

    let download = browser.get(&format!("/tep/{id}")).await;
    assert_eq!(download.status, 200);
    assert!(download
        .header("content-disposition")
        .starts_with("attachment;"));
    assert_eq!(download.header("x-content-type-options"), "nosniff");
    assert!(download
        .header("content-security-policy")
        .contains("sandbox"));
    assert_eq!(download.bytes, PDF);

    // Another citizen gets nothing.
    app.another_citizen().await;
    let mut other = Browser::new(&app);
    other.sign_in("khac@example.vn", "Demo@12345").await;
    assert_eq!(other.get(&format!("/tep/{id}")).await.status, 404);
    let mut visitor = Browser::new(&app);
    assert!(visitor
        .get(&format!("/tep/{id}"))
        .await
        .location()
        .starts_with("/dang-nhap"));
}

#[tokio::test]
async fn a_pdf_renamed_png_and_other_files_are_refused_with_the_reason() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = document_id(&app).await;

    upload(&app, &browser, document, "anh.png", "image/png", PDF).await;
    let page = notice_after(&mut browser).await;
    assert!(page.contains("thực chất là PDF, không phải PNG"), "{page}");

    upload(
        &app,
        &browser,
        document,
        "trang.html",
        "text/html",
        b"<html><script>alert(1)</script>",
    )
    .await;
    let page = notice_after(&mut browser).await;
    assert!(page.contains("không phải PDF, JPEG hoặc PNG"), "{page}");

    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn an_oversized_file_is_refused_while_streaming() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = document_id(&app).await;
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    upload(&app, &browser, document, "lon.pdf", "application/pdf", &big).await;
    let page = notice_after(&mut browser).await;
    assert!(page.contains("Tệp quá lớn: mỗi tệp tối đa 10 MB"), "{page}");
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn parallel_uploads_never_pass_the_dossiers_total() {
    // 1 MB per file, 2 MB per dossier: six 900 KB files sent at once.
    let app = spawn_app_with(&[
        ("MOTCUA_MAX_FILE_MB", "1".to_string()),
        ("MOTCUA_MAX_DOSSIER_MB", "2".to_string()),
    ])
    .await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = document_id(&app).await;
    // The draft exists before the rush (a small file).
    upload(&app, &browser, document, "nho.pdf", "application/pdf", PDF).await;
    let mut big = PDF.to_vec();
    big.resize(900 * 1024, b' ');
    let send = |name: &'static str| upload(&app, &browser, document, name, "application/pdf", &big);
    tokio::join!(
        send("1.pdf"),
        send("2.pdf"),
        send("3.pdf"),
        send("4.pdf"),
        send("5.pdf"),
        send("6.pdf")
    );
    let (kept, total): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE f.size_bytes > 1000), coalesce(sum(f.size_bytes), 0)::bigint
         FROM dossier_attachments a JOIN stored_files f ON f.id = a.file_id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        kept, 2,
        "two 900 KB files fit beside the small one, a third does not"
    );
    assert!(total <= 2 * 1024 * 1024, "{total} bytes");
    // What was refused left nothing behind in the store's index either.
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 3);
}

#[tokio::test]
async fn a_document_of_another_procedure_cannot_be_attached() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let foreign: i64 = sqlx::query_scalar(
        "SELECT d.id FROM procedure_documents d JOIN procedure_versions v ON v.id = d.version_id
         JOIN procedures p ON p.id = v.procedure_id WHERE p.code = '1.000894' LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    upload(&app, &browser, foreign, "x.pdf", "application/pdf", PDF).await;
    let page = notice_after(&mut browser).await;
    assert!(page.contains("không thuộc thành phần hồ sơ"), "{page}");
}

#[tokio::test]
async fn a_document_in_the_wallet_is_attached_again_without_uploading() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = document_id(&app).await;
    upload(
        &app,
        &browser,
        document,
        "giay-chung-sinh.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    let file: i64 = sqlx::query_scalar("SELECT id FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let wallet = browser.get("/tai-khoan/giay-to").await.text();
    assert!(wallet.contains("giay-chung-sinh.pdf"), "{wallet}");

    // A new draft of the same procedure (the first one was submitted).
    sqlx::query("UPDATE dossiers SET status = 'withdrawn', code = '000.01.40.H34-261122-9999', pin = '123456'")
        .execute(&app.pool)
        .await
        .unwrap();
    let file_text = file.to_string();
    let document_text = document.to_string();
    let response = browser
        .post(
            "/nop-ho-so/1.001193/giay-to/tu-kho",
            &[("document", &document_text), ("file", &file_text)],
        )
        .await;
    assert_eq!(
        response.location(),
        format!("/nop-ho-so/1.001193#tai-lieu-{document}")
    );
    let page = browser.get("/nop-ho-so/1.001193").await.text();
    assert!(
        page.contains("Đã dùng giấy tờ từ kho giấy tờ của bạn"),
        "{page}"
    );
    let attachments: i64 =
        sqlx::query_scalar("SELECT count(*) FROM dossier_attachments WHERE file_id = $1")
            .bind(file)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(attachments, 2, "one file, two dossiers");

    // Someone else's wallet is not reachable by guessing ids.
    app.another_citizen().await;
    let mut other = Browser::new(&app);
    other.sign_in("khac@example.vn", "Demo@12345").await;
    other
        .post(
            "/nop-ho-so/1.001193/giay-to/tu-kho",
            &[("document", &document_text), ("file", &file_text)],
        )
        .await;
    assert!(other
        .get("/nop-ho-so/1.001193")
        .await
        .text()
        .contains("Không dùng được giấy tờ này"));
    let attachments: i64 =
        sqlx::query_scalar("SELECT count(*) FROM dossier_attachments WHERE file_id = $1")
            .bind(file)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(attachments, 2);
}

#[tokio::test]
async fn a_scripted_upload_is_told_where_to_go_and_the_notice_waits_there() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = document_id(&app).await;
    let response = upload_scripted(
        &app,
        &browser,
        document,
        "giay-chung-sinh.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    // Not a redirect: XMLHttpRequest would follow it and spend the notice.
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("x-motcua-location"),
        format!("/nop-ho-so/1.001193#tai-lieu-{document}")
    );
    let page = notice_after(&mut browser).await;
    assert!(page.contains("Đã tải lên “giay-chung-sinh.pdf”"), "{page}");
}

/// The filing page's "Tải lên" posts the whole filing form: what was typed
/// is saved in the draft before the file is attached, the office stays
/// unchosen when none was chosen, and the page comes back to the document.
#[tokio::test]
async fn an_upload_from_the_filing_form_keeps_the_answers_and_chooses_no_office() {
    use axum::body::Body;
    use axum::http::{header, Request};
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = document_id(&app).await;
    let boundary = "----motcua-filing-form";
    let text = |name: &str, value: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    };
    let mut body = Vec::new();
    body.extend_from_slice(text("filing_form", "1").as_bytes());
    body.extend_from_slice(text("agency", "").as_bytes());
    body.extend_from_slice(text("child_birth_place", "Bệnh viện Bãi Cháy").as_bytes());
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file_{document}\"; filename=\"chung-sinh.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes());
    body.extend_from_slice(PDF);
    body.extend_from_slice(b"\r\n");
    // The button pressed comes after its file input, as browsers send it.
    body.extend_from_slice(text("document", &document.to_string()).as_bytes());
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::post("/nop-ho-so/1.001193/giay-to")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ORIGIN, support::browser::PORTAL)
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, browser.session_cookie().unwrap())
        .body(Body::from(body))
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(
        response.location(),
        format!("/nop-ho-so/1.001193#tai-lieu-{document}")
    );
    let page = browser.get("/nop-ho-so/1.001193").await.text();
    assert!(page.contains("Đã tải lên “chung-sinh.pdf”"), "{page}");
    let (place, chosen): (Option<String>, bool) = sqlx::query_as(
        "SELECT form_data->>'child_birth_place', agency_chosen FROM dossiers WHERE status = 'draft'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(place.as_deref(), Some("Bệnh viện Bãi Cháy"));
    assert!(!chosen, "the office is left for the citizen to choose");
}
