//! The citizen's own dossier after filing: the documents it was filed with
//! (on the page and on slip 01), and a withdrawal that asks first.

use crate::support;

use support::browser::Browser;
use support::dossiers::submit_birth;
use support::{spawn_app, TestApp};

const CITIZEN: &str = "congdan@motcua.example";
const PASSWORD: &str = "Demo@12345";

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.sign_in(email, PASSWORD).await;
    browser
}

async fn status_of(app: &TestApp, code: &str) -> String {
    sqlx::query_scalar("SELECT status FROM dossiers WHERE code = $1")
        .bind(code)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_dossier_page_and_slip_01_list_the_documents_submitted() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut browser).await;

    let page = browser.get(&format!("/ho-so/{code}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Giấy tờ đã nộp"), "{text}");
    // One row: the document, its file and the file's real size (a
    // 70-byte PDF reads as 1 KB, not "0,0 MB").
    assert!(
        text.contains("Giấy chứng sinh do cơ sở khám bệnh, chữa bệnh cấp giay-chung-sinh.pdf 1 KB"),
        "{text}"
    );

    let slip = browser
        .get(&format!("/ho-so/{code}/phieu-tiep-nhan.pdf"))
        .await;
    assert_eq!(slip.status, 200);
    let text = support::pdf::flowing_text_of(&slip.bytes);
    assert!(text.contains("Tờ khai điện tử"), "{text}");
    assert!(
        text.contains("Giấy chứng sinh") && text.contains("giay-chung-sinh.pdf (1 KB)"),
        "slip 01 lists the uploaded document and its file: {text}"
    );
}

#[tokio::test]
async fn withdrawing_asks_first_and_only_the_post_withdraws() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut browser).await;

    // The dossier page links to the question; it no longer withdraws at once.
    let page = browser.get(&format!("/ho-so/{code}")).await;
    assert!(page.body.contains(&format!("href=\"/ho-so/{code}/rut\"")));
    assert!(!page.body.contains(&format!("action=\"/ho-so/{code}/rut\"")));

    let question = browser.get(&format!("/ho-so/{code}/rut")).await;
    assert_eq!(question.status, 200);
    let text = question.text();
    assert!(text.contains(&format!("Rút hồ sơ {code}?")), "{text}");
    assert!(text.contains("không khôi phục được"), "{text}");
    assert!(question
        .body
        .contains(&format!("action=\"/ho-so/{code}/rut\"")));
    assert!(text.contains("Không rút, quay lại hồ sơ"));
    assert_eq!(
        status_of(&app, &code).await,
        "submitted",
        "asking changes nothing"
    );

    let done = browser.post(&format!("/ho-so/{code}/rut"), &[]).await;
    assert_eq!(done.location(), format!("/ho-so/{code}"));
    assert_eq!(status_of(&app, &code).await, "withdrawn");

    // Asked again, the page says it cannot be done and offers no button.
    let again = browser.get(&format!("/ho-so/{code}/rut")).await;
    assert!(again.text().contains("không thể rút trực tuyến"));
    assert!(!again
        .body
        .contains(&format!("action=\"/ho-so/{code}/rut\"")));

    // Someone else's dossier: not found, as if it did not exist.
    app.another_citizen().await;
    let mut stranger = signed_in(&app, "khac@example.vn").await;
    assert_eq!(
        stranger.get(&format!("/ho-so/{code}/rut")).await.status,
        404
    );
}
