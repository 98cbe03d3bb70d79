//! The privacy notice and consent, written from the rules (Law 91/2025/QH15,
//! issue 22 item 6): the notice, its purposes and their legal basis are
//! public; an account (voluntary, so resting on consent) is made only with
//! the box ticked, and the consent is kept with the notice's version and
//! time; a new version of the notice is agreed to before the next online
//! filing, and agreeing is kept once however often it is sent.

use crate::support;

use support::browser::Browser;
use support::parallel::{address, all_at_once, form_post};
use support::{spawn_app, TestApp};

const CITIZEN: &str = "congdan@motcua.example";
const FILING: &str = "/nop-ho-so/1.001193";

async fn consents(app: &TestApp, email: &str) -> Vec<(i32, String)> {
    sqlx::query_as(
        "SELECT c.notice_version, c.place FROM privacy_consents c JOIN users u ON u.id = c.user_id
         WHERE u.email = $1 ORDER BY c.notice_version",
    )
    .bind(email)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn publish_second_version(app: &TestApp) {
    sqlx::query(
        "INSERT INTO privacy_notices (version, title_vi, title_en, body_vi, body_en, purposes)
         SELECT 2, title_vi, title_en, body_vi || E'\\n\\nBổ sung: tin nhắn SMS.', body_en, purposes
         FROM privacy_notices WHERE version = 1",
    )
    .execute(&app.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_notice_tells_every_purpose_and_its_legal_basis_to_anyone() {
    let app = spawn_app().await;
    let mut visitor = Browser::new(&app);
    let page = visitor.get("/quyen-rieng-tu").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Phiên bản 1, công bố ngày 07/12/2026"),
        "{text}"
    );
    assert!(text.contains("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15"));
    let filing = text
        .split("Tiếp nhận, giải quyết hồ sơ thủ tục hành chính và trả kết quả")
        .nth(1)
        .unwrap_or_default();
    assert!(
        filing
            .split("Thu phí")
            .next()
            .unwrap()
            .contains("Quy định của pháp luật (không cần đồng ý)"),
        "filing rests on the law: {text}"
    );
    assert!(text.contains("Sự đồng ý của bạn"));
    assert!(!text.contains("Đồng ý "), "no consent form for a visitor");
    assert!(
        visitor
            .get("/")
            .await
            .body
            .contains("href=\"/quyen-rieng-tu\""),
        "linked from every page's foot"
    );

    let mut citizen = Browser::new(&app);
    citizen.sign_in(CITIZEN, "Demo@12345").await;
    let text = citizen.get("/quyen-rieng-tu").await.text();
    assert!(text.contains("Bạn đã đồng ý với phiên bản 1 lúc"), "{text}");
}

#[tokio::test]
async fn an_account_is_made_only_with_the_box_ticked_and_keeps_the_version() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let page = browser.get("/dang-ky").await;
    assert!(page
        .text()
        .contains("Tôi đã đọc Thông báo xử lý dữ liệu cá nhân (phiên bản 1)"));
    let fields = [
        ("full_name", "Nguyễn Thị Hoa"),
        ("citizen_id", "001190012345"),
        ("date_of_birth", "15/03/1990"),
        ("email", "hoa@example.vn"),
        ("phone", "0912 345 678"),
        ("password", "hoa sen nở muộn"),
        ("password_confirmation", "hoa sen nở muộn"),
    ];
    let refused = browser.post("/dang-ky", &fields).await;
    assert_eq!(refused.location(), "/dang-ky");
    let page = browser.get("/dang-ky").await;
    assert!(page
        .text()
        .contains("Hãy đánh dấu ô đồng ý với Thông báo xử lý dữ liệu cá nhân"));
    assert!(
        page.body.contains("value=\"hoa@example.vn\""),
        "nothing typed is lost"
    );
    let accounts: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email = 'hoa@example.vn'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(accounts, 0);

    let mut ticked = fields.to_vec();
    ticked.push(("privacy_consent", "on"));
    assert_eq!(
        browser.post("/dang-ky", &ticked).await.location(),
        "/dang-nhap"
    );
    assert_eq!(
        consents(&app, "hoa@example.vn").await,
        vec![(1, "registration".to_string())]
    );
}

#[tokio::test]
async fn a_new_notice_is_agreed_to_before_the_next_online_application() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    assert_eq!(browser.get(FILING).await.status, 200);

    publish_second_version(&app).await;
    let page = browser.get(FILING).await;
    let text = page.text();
    assert!(
        text.contains("Trước khi nộp hồ sơ trực tuyến, hãy đọc và đồng ý"),
        "{text}"
    );
    assert!(text.contains("(phiên bản 2)"));
    assert!(
        !page.body.contains("name=\"applicant_name\""),
        "no form before consent"
    );
    let saved = browser
        .post(
            FILING,
            &[("action", "save"), ("applicant_name", "Vũ Thị Công Dân")],
        )
        .await;
    assert_eq!(
        saved.status, 403,
        "nothing is filed or saved before consent"
    );

    // Not ticked: asked again, with the reason.
    let unticked = browser
        .post("/quyen-rieng-tu/dong-y", &[("tiep", FILING)])
        .await;
    assert_eq!(
        unticked.location(),
        "/quyen-rieng-tu?tiep=%2Fnop-ho-so%2F1.001193"
    );
    assert!(browser
        .get(&unticked.location())
        .await
        .text()
        .contains("Hãy đánh dấu ô đồng ý"));

    let agreed = browser
        .post(
            "/quyen-rieng-tu/dong-y",
            &[("tiep", FILING), ("privacy_consent", "on")],
        )
        .await;
    assert_eq!(agreed.location(), FILING, "back to the form");
    let page = browser.get(FILING).await;
    assert!(
        page.body.contains("name=\"applicant_name\""),
        "the form now"
    );
    assert_eq!(
        consents(&app, CITIZEN).await,
        vec![(1, "registration".to_string()), (2, "filing".to_string())]
    );
}

#[tokio::test]
async fn agreeing_many_times_at_once_is_kept_once() {
    let app = spawn_app().await;
    publish_second_version(&app).await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    let cookie = browser.session_cookie().unwrap();
    let requests = (0..6)
        .map(|_| {
            form_post(
                "/quyen-rieng-tu/dong-y",
                &[("privacy_consent", "on"), ("tiep", FILING)],
                address(7),
                Some(&cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(
        answers.iter().all(|(status, _)| *status == 303),
        "{answers:?}"
    );
    assert_eq!(
        consents(&app, CITIZEN).await,
        vec![(1, "registration".to_string()), (2, "filing".to_string())]
    );
}
