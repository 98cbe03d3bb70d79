//! Forgotten passwords: a single-use, 30-minute link by mail that ends every
//! session of the account.

use crate::support;

use support::browser::Browser;
use support::mailbox::{token_in, wait_for_mail};
use support::spawn_app;

const CITIZEN: &str = "congdan@motcua.example";
const NEW_PASSWORD: &str = "trăng rằm tháng tám";

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let app = spawn_app().await;
    let mut other_device = Browser::new(&app);
    other_device.sign_in(CITIZEN, "Demo@12345").await;

    let mut browser = Browser::new(&app);
    let response = browser.post("/quen-mat-khau", &[("email", CITIZEN)]).await;
    assert_eq!(response.location(), "/dang-nhap");
    assert!(browser.get("/dang-nhap").await.text().contains("30 phút"));
    let (_, mail) = wait_for_mail(&app, CITIZEN, 0).await;
    let token = token_in(&mail, "/dat-lai-mat-khau");

    // A weak password is refused and the link still works afterwards.
    let response = browser
        .post(
            "/dat-lai-mat-khau",
            &[
                ("token", &token),
                ("password", "password"),
                ("password_confirmation", "password"),
            ],
        )
        .await;
    assert_eq!(response.location(), format!("/dat-lai-mat-khau?ma={token}"));
    assert!(browser
        .get(&response.location())
        .await
        .text()
        .contains("mật khẩu phổ biến"));

    let response = browser
        .post(
            "/dat-lai-mat-khau",
            &[
                ("token", &token),
                ("password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap");
    assert!(browser
        .get("/dang-nhap")
        .await
        .text()
        .contains("Đã đặt mật khẩu mới"));

    let kicked = other_device.get("/tai-khoan").await;
    assert!(
        kicked.location().starts_with("/dang-nhap"),
        "the other device is signed out"
    );

    // The same link again: refused.
    let response = browser
        .post(
            "/dat-lai-mat-khau",
            &[
                ("token", &token),
                ("password", "một mật khẩu khác hẳn"),
                ("password_confirmation", "một mật khẩu khác hẳn"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/quen-mat-khau");
    assert!(browser
        .get("/quen-mat-khau")
        .await
        .text()
        .contains("Liên kết không hợp lệ"));

    let old = browser
        .post(
            "/dang-nhap",
            &[("identifier", CITIZEN), ("password", "Demo@12345")],
        )
        .await;
    assert_eq!(
        old.location(),
        "/dang-nhap",
        "the old password no longer works"
    );
    browser.sign_in(CITIZEN, NEW_PASSWORD).await;

    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'password_reset%' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(actions, ["password_reset_requested", "password_reset"]);
}

#[tokio::test]
async fn an_expired_link_is_refused() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.post("/quen-mat-khau", &[("email", CITIZEN)]).await;
    let (_, mail) = wait_for_mail(&app, CITIZEN, 0).await;
    let token = token_in(&mail, "/dat-lai-mat-khau");
    sqlx::query("UPDATE account_tokens SET expires_at = $1 - interval '1 second'")
        .bind(app.clock().now())
        .execute(&app.pool)
        .await
        .unwrap();
    let response = browser
        .post(
            "/dat-lai-mat-khau",
            &[
                ("token", &token),
                ("password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.location(), "/quen-mat-khau");
}

#[tokio::test]
async fn the_answer_does_not_tell_who_has_an_account() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser
        .post("/quen-mat-khau", &[("email", "ai.do@example.vn")])
        .await;
    let unknown = browser.get("/dang-nhap").await.text();
    browser.post("/quen-mat-khau", &[("email", CITIZEN)]).await;
    let known = browser.get("/dang-nhap").await.text();
    assert_eq!(
        unknown.replace("ai.do@example.vn", "X"),
        known.replace(CITIZEN, "X")
    );
}
