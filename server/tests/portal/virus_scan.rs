//! Uploads are scanned by a real clamd before anything is stored: an
//! infected file is refused with its signature named, and when clamd is
//! configured but unreachable nothing goes in unscanned.

use crate::support;

use support::browser::Browser;
use support::clamd::{Clamd, EICAR};
use support::uploads::{birth_document, upload, PDF};
use support::{spawn_app_with, TestApp};

const CITIZEN: &str = "congdan@motcua.example";

/// A PDF that carries the EICAR test string: it passes the type check by
/// its first bytes, so only the scan can stop it.
fn infected_pdf() -> Vec<u8> {
    [b"%PDF-1.7\n%".as_slice(), EICAR, b"\n%%EOF\n"].concat()
}

async fn stored_files(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn upload_as_citizen(app: &TestApp, name: &str, content: &[u8]) -> String {
    let mut browser = Browser::new(app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let document = birth_document(app, "Giấy chứng sinh").await;
    let response = upload(app, &browser, document, name, "application/pdf", content).await;
    assert_eq!(
        response.location(),
        format!("/nop-ho-so/1.001193#tai-lieu-{document}")
    );
    browser.get("/nop-ho-so/1.001193").await.text()
}

#[tokio::test]
async fn over_tcp_a_clean_file_is_kept_and_eicar_is_refused() {
    let clamd = Clamd::start();
    let app = spawn_app_with(&[("MOTCUA_CLAMD", format!("tcp://{}", clamd.tcp))]).await;
    let page = upload_as_citizen(&app, "sach.pdf", PDF).await;
    assert!(page.contains("Đã tải lên “sach.pdf”"), "{page}");
    assert_eq!(stored_files(&app).await, 1);

    let page = upload_as_citizen(&app, "nhiem.pdf", &infected_pdf()).await;
    assert!(
        page.contains("Tệp “nhiem.pdf” chứa mã độc (Eicar-Test-Signature"),
        "{page}"
    );
    assert_eq!(
        stored_files(&app).await,
        1,
        "nothing of the infected file is kept"
    );
}

#[tokio::test]
async fn over_a_unix_socket_eicar_is_refused_too() {
    let clamd = Clamd::start();
    let app = spawn_app_with(&[("MOTCUA_CLAMD", format!("unix:{}", clamd.socket.display()))]).await;
    let page = upload_as_citizen(&app, "nhiem.pdf", &infected_pdf()).await;
    assert!(page.contains("chứa mã độc"), "{page}");
    assert_eq!(stored_files(&app).await, 0);
}

#[tokio::test]
async fn with_clamd_configured_but_down_nothing_is_accepted_unscanned() {
    // A port nobody listens on.
    let port = support::free_port();
    let app = spawn_app_with(&[("MOTCUA_CLAMD", format!("tcp://127.0.0.1:{port}"))]).await;
    let page = upload_as_citizen(&app, "sach.pdf", PDF).await;
    assert!(
        page.contains("Chưa kiểm tra được virus cho tệp nên chưa nhận tệp."),
        "{page}"
    );
    assert_eq!(stored_files(&app).await, 0);
}
