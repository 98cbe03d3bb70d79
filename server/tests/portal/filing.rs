//! Filing online: drafts, validation by the server, submission, tracking,
//! withdrawal, and who may see what.

use crate::support;

use support::browser::Browser;
use support::dossiers::{birth_answers, submit_birth, BIRTH};
use support::mailbox::wait_for_mail;
use support::uploads::birth_document;
use support::{spawn_app, TestApp};
use tower::ServiceExt;

const CITIZEN: &str = "congdan@motcua.example";
const PASSWORD: &str = "Demo@12345";

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.sign_in(email, PASSWORD).await;
    browser
}

#[tokio::test]
async fn the_form_starts_from_the_profile_and_a_draft_resumes() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let page = browser.get(BIRTH).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("value=\"022190001234\""),
        "CCCD prefilled"
    );
    assert!(page.text().contains("Họ, chữ đệm, tên người mẹ"));
    assert!(
        page.text()
            .contains("Chỉ điền khi “Có thông tin người cha” là “Có”"),
        "conditions read without JS"
    );

    let response = browser
        .post(
            BIRTH,
            &[("child_name", "Nguyễn Minh Khang"), ("action", "save")],
        )
        .await;
    assert_eq!(response.location(), BIRTH);
    let page = browser.get(BIRTH).await;
    assert!(page.text().contains("Đã lưu bản nháp"));
    assert!(
        page.body.contains("value=\"Nguyễn Minh Khang\""),
        "the draft is resumed"
    );

    // On another device (a new session), the draft is there too.
    let mut other_device = signed_in(&app, CITIZEN).await;
    assert!(other_device
        .get(BIRTH)
        .await
        .body
        .contains("value=\"Nguyễn Minh Khang\""));
    let list = other_device.get("/ho-so").await;
    assert!(list.text().contains("Tiếp tục điền"), "{}", list.text());
}

#[tokio::test]
async fn the_server_refuses_what_the_form_forbids_and_keeps_every_answer() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let mut fields = birth_answers();
    fields.retain(|(name, _)| *name != "mother_name" && *name != "oath");
    for field in fields.iter_mut() {
        if field.0 == "child_birth_date" {
            field.1 = "01/12/2099";
        }
    }
    fields.push(("action", "submit"));
    let response = browser.post(BIRTH, &fields).await;
    assert_eq!(response.location(), BIRTH);
    let page = browser.get(BIRTH).await;
    let text = page.text();
    assert!(text.contains("Có lỗi cần sửa"), "{text}");
    assert!(text.contains("Nhập họ, chữ đệm, tên người mẹ."), "{text}");
    assert!(
        // Two fields are called "Ngày, tháng, năm sinh": the message says which.
        text.contains("Ngày, tháng, năm sinh (Người được khai sinh) phải trước hôm nay."),
        "{text}"
    );
    assert!(text.contains("Cần xác nhận"), "{text}");
    assert!(
        page.body.contains("value=\"Bệnh viện Bãi Cháy\""),
        "answers are kept"
    );
    let submitted: i64 =
        sqlx::query_scalar("SELECT count(*) FROM dossiers WHERE status <> 'draft'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(submitted, 0);
}

#[tokio::test]
async fn submission_waits_for_the_mandatory_uploads_but_not_for_the_form_or_identity_papers() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let page = browser.get(BIRTH).await.text();
    assert!(
        page.contains("Đã thay bằng tờ khai điện tử"),
        "the tờ khai is the e-form: {page}"
    );
    assert!(
        page.contains("Xuất trình bản chính"),
        "identity papers are shown, not sent"
    );
    let mut fields = birth_answers();
    fields.push(("action", "submit"));
    let response = browser.post(BIRTH, &fields).await;
    assert_eq!(response.location(), BIRTH);
    let page = browser.get(BIRTH).await;
    let text = page.text();
    assert!(text.contains("Cần tải lên: Giấy chứng sinh"), "{text}");
    assert!(
        !text.contains("Cần tải lên: Tờ khai") && !text.contains("Cần tải lên: Hộ chiếu"),
        "{text}"
    );
    let certificate = birth_document(&app, "Giấy chứng sinh").await;
    assert!(
        page.body
            .contains(&format!("href=\"#filing-document-{certificate}\"")),
        "the summary links to the upload"
    );
    let submitted: i64 =
        sqlx::query_scalar("SELECT count(*) FROM dossiers WHERE status <> 'draft'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(submitted, 0);
}

#[tokio::test]
async fn a_submitted_dossier_gets_a_code_a_pin_an_appointment_history_and_a_mail() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut browser).await;
    assert!(code.ends_with("-0001"), "{code}");
    let page = browser.get(&format!("/ho-so/{code}")).await;
    let text = page.text();
    assert!(text.contains(&format!("Mã hồ sơ: {code}")), "{text}");
    assert!(text.contains("Chờ tiếp nhận"));
    assert!(text.contains("Ngày hẹn trả kết quả"));
    assert!(
        text.contains("Nguyễn Minh Khang"),
        "the answers are shown to their owner"
    );
    assert!(
        text.contains("Số 5, phố Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh"),
        "the address is written out from its parts: {text}"
    );

    let (pin, due): (String, Option<String>) =
        sqlx::query_as("SELECT pin, to_char(due_at, 'DD/MM/YYYY') FROM dossiers WHERE code = $1")
            .bind(&code)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(pin.len(), 6);
    assert!(text.contains(&format!("Ngày hẹn trả kết quả dự kiến: {}", due.unwrap())));
    let history: Vec<(Option<String>, String)> =
        sqlx::query_as("SELECT from_status, to_status FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = $1")
            .bind(&code)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        history,
        [(Some("draft".to_string()), "submitted".to_string())]
    );

    let (_, mail) = wait_for_mail(&app, CITIZEN, 0).await;
    assert!(mail.contains(&code) && mail.contains(&pin), "{mail}");

    let list = browser.get("/ho-so").await.text();
    assert!(
        list.contains(&code) && list.contains("Chờ tiếp nhận"),
        "{list}"
    );
}

#[tokio::test]
async fn anyone_with_the_code_and_pin_can_track_it_without_personal_data() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut browser).await;
    let pin: String = sqlx::query_scalar("SELECT pin FROM dossiers WHERE code = $1")
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let mut stranger = Browser::new(&app);
    let page = stranger.get(&format!("/tra-cuu?ma={code}&pin={pin}")).await;
    let text = page.text();
    assert!(
        text.contains("Chờ tiếp nhận") && text.contains("Đăng ký khai sinh"),
        "{text}"
    );
    assert!(
        !text.contains("Nguyễn Minh Khang") && !text.contains("022190001234"),
        "no personal data"
    );

    let api = app.get(&format!("/api/v1/dossiers/{code}?pin={pin}")).await;
    assert_eq!(api.status, 200, "{}", api.body);
    assert_eq!(api.json()["status"], "submitted");
    assert!(!api.body.contains("Nguyễn"));

    let wrong = if pin == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert_eq!(
            app.get(&format!("/api/v1/dossiers/{code}?pin={wrong}"))
                .await
                .status,
            404
        );
    }
    // Now even the right PIN must wait: guessing is slowed down.
    assert_eq!(
        app.get(&format!("/api/v1/dossiers/{code}?pin={pin}"))
            .await
            .status,
        429
    );
}

#[tokio::test]
async fn another_citizen_cannot_see_or_withdraw_the_dossier() {
    let app = spawn_app().await;
    let mut owner = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut owner).await;

    app.another_citizen().await;
    let mut other = signed_in(&app, "khac@example.vn").await;
    let page = other.get(&format!("/ho-so/{code}")).await;
    assert_eq!(page.status, 404);
    assert!(!page.text().contains("Nguyễn Minh Khang"));
    assert!(!other.get("/ho-so").await.text().contains(&code));
    other.post(&format!("/ho-so/{code}/rut"), &[]).await;
    let status: String = sqlx::query_scalar("SELECT status FROM dossiers WHERE code = $1")
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "submitted");

    // The owner may withdraw it while it waits for reception.
    owner.post(&format!("/ho-so/{code}/rut"), &[]).await;
    let page = owner.get(&format!("/ho-so/{code}")).await.text();
    assert!(page.contains("Đã rút hồ sơ"), "{page}");
}

#[tokio::test]
async fn filing_needs_a_confirmed_email() {
    let app = spawn_app().await;
    sqlx::query("UPDATE users SET email_confirmed_at = NULL WHERE email = $1")
        .bind(CITIZEN)
        .execute(&app.pool)
        .await
        .unwrap();
    let mut browser = signed_in(&app, CITIZEN).await;
    let page = browser.get(BIRTH).await;
    assert!(
        page.text().contains("xác nhận địa chỉ email trước khi nộp"),
        "{}",
        page.text()
    );
    let mut fields = birth_answers();
    fields.push(("action", "submit"));
    assert_eq!(browser.post(BIRTH, &fields).await.status, 403);
}

#[tokio::test]
async fn slip_01_is_a_pdf_whose_text_reads_back_with_its_diacritics() {
    let app = spawn_app().await;
    let mut browser = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut browser).await;
    let page = browser.get(&format!("/ho-so/{code}")).await;
    assert!(page
        .body
        .contains(&format!("/ho-so/{code}/phieu-tiep-nhan.pdf")));

    let request = axum::http::Request::get(format!("/ho-so/{code}/phieu-tiep-nhan.pdf"))
        .header("cookie", browser.session_cookie().unwrap())
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    assert!(bytes.starts_with(b"%PDF"));

    // Not yet accepted: the submission acknowledgement (its promises are
    // in receipt_slips.rs).
    let text = support::pdf::text_of(&bytes);
    for expected in [
        "GIẤY XÁC NHẬN ĐÃ NỘP HỒ SƠ TRỰC TUYẾN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Vũ Thị Công Dân",
        code.as_str(),
        "Đăng ký khai sinh",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }

    // Nobody else gets it.
    let mut stranger = Browser::new(&app);
    let anonymous = stranger
        .get(&format!("/ho-so/{code}/phieu-tiep-nhan.pdf"))
        .await;
    assert!(anonymous.location().starts_with("/dang-nhap"));
}
