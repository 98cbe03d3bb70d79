//! The account page: contact and password changes need the current password.

use crate::support;

use support::browser::Browser;
use support::spawn_app;

const CITIZEN: &str = "congdan@motcua.example";
const PASSWORD: &str = "Demo@12345";

#[tokio::test]
async fn changing_the_phone_needs_the_current_password() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, PASSWORD).await;
    let refused = browser
        .post(
            "/tai-khoan/lien-he",
            &[
                ("email", CITIZEN),
                ("phone", "0987 654 321"),
                ("current_password", "sai"),
            ],
        )
        .await;
    assert_eq!(refused.location(), "/tai-khoan");
    let page = browser.get("/tai-khoan").await;
    assert!(
        page.text().contains("Mật khẩu hiện tại không đúng"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("value=\"0987 654 321\""),
        "the typed phone is kept"
    );

    browser
        .post(
            "/tai-khoan/lien-he",
            &[
                ("email", CITIZEN),
                ("phone", "0987 654 321"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    let page = browser.get("/tai-khoan").await;
    assert!(
        page.text().contains("Đã lưu thông tin liên hệ"),
        "{}",
        page.text()
    );
    let phone: String = sqlx::query_scalar("SELECT phone FROM users WHERE email = $1")
        .bind(CITIZEN)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(phone, "0987654321");
}

#[tokio::test]
async fn a_new_email_must_be_confirmed_again() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, PASSWORD).await;
    browser
        .post(
            "/tai-khoan/lien-he",
            &[
                ("email", "moi@example.vn"),
                ("phone", "0912 345 678"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    let page = browser.get("/tai-khoan").await.text();
    assert!(
        page.contains("moi@example.vn") && page.contains("chưa được xác nhận"),
        "{page}"
    );
    let (_, mail) = support::mailbox::wait_for_mail(&app, "moi@example.vn", 0).await;
    assert!(mail.contains("/xac-nhan-email?ma="));
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_but_not_this_one() {
    let app = spawn_app().await;
    let mut other = Browser::new(&app);
    other.sign_in(CITIZEN, PASSWORD).await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, PASSWORD).await;
    let new = "gió mùa đông bắc về";
    let response = browser
        .post(
            "/tai-khoan/mat-khau",
            &[
                ("current_password", PASSWORD),
                ("password", new),
                ("password_confirmation", new),
            ],
        )
        .await;
    assert_eq!(response.location(), "/tai-khoan");
    let page = browser.get("/tai-khoan").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Đã đổi mật khẩu"), "{}", page.text());
    assert!(other
        .get("/tai-khoan")
        .await
        .location()
        .starts_with("/dang-nhap"));
    let mut fresh = Browser::new(&app);
    fresh.sign_in(CITIZEN, new).await;
}

#[tokio::test]
async fn an_email_another_account_uses_is_refused_with_a_message() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, PASSWORD).await;
    let response = browser
        .post(
            "/tai-khoan/lien-he",
            &[
                ("email", "tiepnhan@motcua.example"),
                ("phone", "0912 345 678"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.location(), "/tai-khoan");
    let page = browser.get("/tai-khoan").await;
    assert!(
        page.text().contains("Email này đã được dùng"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("value=\"tiepnhan@motcua.example\""),
        "the typed email is kept"
    );
}
