//! A form's file questions: each takes its own kinds of file, up to its
//! number of files (also when several arrive at once), the answer is what
//! the server holds rather than what a post says, a hidden question's
//! files do not go with the dossier, and the officials of the dossier's
//! agency can open them while another citizen cannot.

use crate::paged_eforms::{put_in_force, FILING};
use crate::procedure_versions::signed_in;
use crate::support;
use axum::body::Body;
use axum::http::{header, Request};
use support::back_office::{CITIZEN, RECEPTION};
use support::browser::{multipart_body, Browser, PORTAL};
use support::uploads::{current_document, PDF};
use support::{spawn_app, TestApp, TestResponse};

const UPLOAD: &str = "/nop-ho-so/1.010038/giay-to";
/// The first bytes of a PNG image: what the server reads a file's kind by.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";

fn form_with_files() -> String {
    serde_json::json!({ "sections": [
        { "title": { "vi": "Người nộp", "en": "Applicant" }, "fields": [
            { "name": "applicant_name", "label": { "vi": "Họ và tên", "en": "Full name" }, "type": "text", "required": true },
            { "name": "portrait", "label": { "vi": "Ảnh chân dung", "en": "Portrait" }, "type": "file",
              "accept": ["jpeg", "png"], "max_files": 1, "max_mb": 1, "required": true },
            { "name": "need_plans", "label": { "vi": "Có bản vẽ nhà ở", "en": "Has floor plans" }, "type": "yes_no", "required": true },
            { "name": "plans", "label": { "vi": "Bản vẽ nhà ở", "en": "Floor plans" }, "type": "file",
              "accept": ["pdf"], "max_files": 2, "visible_when": { "field": "need_plans", "equals": "yes" } } ] },
        { "title": { "vi": "Cam đoan", "en": "Declaration" }, "fields": [
            { "name": "oath", "label": { "vi": "Tôi cam đoan", "en": "I declare" }, "type": "checkbox",
              "required": true, "declaration": true } ] }
    ] })
    .to_string()
}

/// The request the filing form's "Tải lên" of question `key` sends, with
/// the answers typed so far.
fn answer_upload(browser: &Browser<'_>, key: &str, name: &str, content: &[u8]) -> Request<Body> {
    let input = format!("answerfile_{key}");
    let body = multipart_body(
        &[
            ("filing_form", "1"),
            ("applicant_name", "Vũ Thị Công Dân"),
            ("answer_file", key),
        ],
        &[(input.as_str(), name, content)],
    );
    Request::post(UPLOAD)
        .header(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=----motcua-test-form",
        )
        .header(header::ORIGIN, PORTAL)
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, browser.session_cookie().unwrap())
        .body(Body::from(body))
        .unwrap()
}

async fn send(
    app: &TestApp,
    browser: &Browser<'_>,
    key: &str,
    name: &str,
    content: &[u8],
) -> TestResponse {
    app.request(answer_upload(browser, key, name, content))
        .await
}

async fn held(app: &TestApp, key: &str) -> Vec<String> {
    sqlx::query_scalar!(
        "SELECT f.original_name FROM dossier_answer_files a JOIN stored_files f ON f.id = a.file_id
         WHERE a.field_key = $1 ORDER BY a.attached_at, f.id",
        key
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_file_question_takes_its_kinds_and_its_files_go_with_the_dossier() {
    let app = spawn_app().await;
    put_in_force(&app, "tach-ho-co-tep", &form_with_files()).await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let page = citizen.get(FILING).await;
    assert!(
        page.body.contains("name=\"answerfile_portrait\"")
            && page
                .body
                .contains("accept=\".jpg,.jpeg,image/jpeg,.png,image/png\""),
        "the question's own kinds: {}",
        page.body
    );
    assert!(page.text().contains("Một tệp JPEG, PNG, tối đa 1 MB."));

    // Nothing uploaded: the dossier cannot go.
    let mut answers = vec![
        ("agency", "000.01.40.H34"),
        ("applicant_name", "Vũ Thị Công Dân"),
        ("need_plans", "no"),
        // Claimed in the post, never held: it does not count.
        ("portrait", "forged.png"),
        ("oath", "on"),
        ("action", "submit"),
    ];
    let refused = citizen.post(FILING, &answers).await;
    assert_eq!(refused.location(), FILING);
    let page = citizen.get(FILING).await.text();
    assert!(page.contains("Tải lên ảnh chân dung."), "{page}");

    // A PDF is not a portrait; a PNG is, once.
    let wrong = send(&app, &citizen, "portrait", "chan-dung.pdf", PDF).await;
    assert_eq!(
        wrong.location(),
        format!("{FILING}#filing-portrait-question")
    );
    let page = citizen.get(FILING).await.text();
    assert!(
        page.contains("câu hỏi này chỉ nhận tệp JPEG, PNG"),
        "{page}"
    );
    send(&app, &citizen, "portrait", "chan-dung.png", PNG).await;
    send(&app, &citizen, "portrait", "anh-khac.png", PNG).await;
    let page = citizen.get(FILING).await.text();
    assert!(page.contains("Câu hỏi này chỉ nhận một tệp"), "{page}");
    assert!(page.contains("chan-dung.png"), "{page}");
    assert_eq!(held(&app, "portrait").await, ["chan-dung.png"]);
    // A PDF for a question the answers leave hidden: held in the draft,
    // but not sent with the dossier.
    send(&app, &citizen, "plans", "ban-ve.pdf", PDF).await;
    assert_eq!(held(&app, "plans").await, ["ban-ve.pdf"]);

    let document = current_document(&app, "1.010038", "Tờ khai thay đổi").await;
    let slot = format!("file_{document}");
    let document = document.to_string();
    citizen
        .post_multipart(
            UPLOAD,
            &[("document", document.as_str())],
            &[(slot.as_str(), "ct01.pdf", PDF)],
        )
        .await;
    answers.retain(|(key, _)| *key != "portrait");
    let sent = citizen.post(FILING, &answers).await;
    let location = sent.location();
    assert!(location.starts_with("/ho-so/"), "submitted: {location}");
    let code = location.trim_start_matches("/ho-so/").to_string();
    let stored = sqlx::query_scalar!(
        r#"SELECT form_data AS "answers!" FROM dossiers WHERE code = $1"#,
        code
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored["portrait"], "chan-dung.png");
    assert!(stored.get("plans").is_none(), "{stored}");
    assert!(
        held(&app, "plans").await.is_empty(),
        "hidden files stay behind"
    );

    // The one-stop shop of the dossier's agency opens the portrait.
    let portrait: i64 = sqlx::query_scalar!(
        "SELECT file_id FROM dossier_answer_files WHERE field_key = 'portrait'"
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut reception = signed_in(&app, RECEPTION).await;
    let office = reception.get(&format!("/can-bo/ho-so/{code}")).await;
    assert!(
        office.body.contains(&format!("/tep/{portrait}"))
            && office.text().contains("Ảnh chân dung"),
        "{}",
        office.text()
    );
    assert_eq!(reception.get(&format!("/tep/{portrait}")).await.status, 200);
    // Another citizen cannot.
    let other = app.another_citizen().await;
    let mut stranger = signed_in(&app, other).await;
    assert_eq!(stranger.get(&format!("/tep/{portrait}")).await.status, 404);
}

#[tokio::test]
async fn files_sent_at_once_never_pass_a_questions_number() {
    let app = spawn_app().await;
    put_in_force(&app, "tach-ho-co-tep", &form_with_files()).await;
    let citizen = signed_in(&app, CITIZEN).await;
    // The draft exists before the rush.
    send(&app, &citizen, "portrait", "chan-dung.png", PNG).await;
    let plan = || send(&app, &citizen, "plans", "ban-ve.pdf", PDF);
    let sent = tokio::join!(plan(), plan(), plan(), plan(), plan(), plan());
    let sent = [sent.0, sent.1, sent.2, sent.3, sent.4, sent.5];
    assert!(sent.iter().all(|response| response.status == 303));
    assert_eq!(held(&app, "plans").await.len(), 2, "the question takes two");
    // What was refused left nothing behind: the portrait and two plans.
    let stored: i64 = sqlx::query_scalar!(r#"SELECT count(*) AS "count!" FROM stored_files"#)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 3);
}

#[tokio::test]
async fn a_file_taken_off_a_question_makes_room_for_another() {
    let app = spawn_app().await;
    put_in_force(&app, "tach-ho-co-tep", &form_with_files()).await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    send(&app, &citizen, "portrait", "cu.png", PNG).await;
    let old: i64 = sqlx::query_scalar!("SELECT file_id FROM dossier_answer_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let removal = format!("portrait:{old}");
    let removed = citizen
        .post_multipart(
            UPLOAD,
            &[
                ("filing_form", "1"),
                ("remove_answer_file", removal.as_str()),
            ],
            &[],
        )
        .await;
    assert_eq!(
        removed.location(),
        format!("{FILING}#filing-portrait-question")
    );
    let page = citizen.get(FILING).await.text();
    assert!(page.contains("Đã xóa tệp “cu.png” khỏi tờ khai."), "{page}");
    send(&app, &citizen, "portrait", "moi.png", PNG).await;
    assert_eq!(held(&app, "portrait").await, ["moi.png"]);
    // Still the citizen's: in their wallet.
    let wallet = citizen.get("/tai-khoan/giay-to").await.text();
    assert!(wallet.contains("cu.png"), "{wallet}");
}
