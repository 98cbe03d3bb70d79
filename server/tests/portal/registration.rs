//! Registering, confirming the email address, and what a bad form gets back.

use crate::support;

use support::browser::Browser;
use support::mailbox::{token_in, wait_for_mail};
use support::spawn_app;

const EMAIL: &str = "hoa.nguyen@example.vn";

fn registration<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("full_name", "Nguyễn Thị Hoa"),
        ("citizen_id", "001190012345"),
        ("date_of_birth", "15/03/1990"),
        ("email", EMAIL),
        ("phone", "0912 345 678"),
        ("password", "hoa sen nở muộn"),
        ("password_confirmation", "hoa sen nở muộn"),
        ("privacy_consent", "on"),
    ];
    for (name, value) in overrides {
        fields
            .iter_mut()
            .find(|(field, _)| field == name)
            .unwrap()
            .1 = value;
    }
    fields
}

#[tokio::test]
async fn a_citizen_registers_confirms_by_mail_and_signs_in() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let response = browser.post("/dang-ky", &registration(&[])).await;
    assert_eq!(response.location(), "/dang-nhap");
    let page = browser.get("/dang-nhap").await;
    assert!(
        page.text().contains(&format!("vừa gửi tới {EMAIL}")),
        "{}",
        page.text()
    );

    let (_, mail) = wait_for_mail(&app, EMAIL, 0).await;
    assert!(mail.contains("Xác nhận địa chỉ email"), "{mail}");
    let token = token_in(&mail, "/xac-nhan-email");
    assert!(token.len() >= 43, "at least 256 bits: {token}");

    // Opening the link changes nothing; the button on the page does.
    let landing = browser.get(&format!("/xac-nhan-email?ma={token}")).await;
    assert!(landing.body.contains(&token));
    let confirmed: bool =
        sqlx::query_scalar("SELECT email_confirmed_at IS NOT NULL FROM users WHERE email = $1")
            .bind(EMAIL)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(!confirmed);

    browser.post("/xac-nhan-email", &[("token", &token)]).await;
    assert!(browser
        .get("/dang-nhap")
        .await
        .text()
        .contains("Đã xác nhận email"));
    let confirmed: bool =
        sqlx::query_scalar("SELECT email_confirmed_at IS NOT NULL FROM users WHERE email = $1")
            .bind(EMAIL)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(confirmed);

    // The link works once.
    browser.post("/xac-nhan-email", &[("token", &token)]).await;
    assert!(browser
        .get("/dang-nhap")
        .await
        .text()
        .contains("Liên kết không hợp lệ"));

    browser.sign_in(EMAIL, "hoa sen nở muộn").await;
    let account = browser.get("/tai-khoan").await;
    assert!(account.text().contains("001190012345"));
    assert!(account.text().contains("15/03/1990"));
    assert!(!account.text().contains("chưa được xác nhận"));
}

#[tokio::test]
async fn a_bad_form_comes_back_with_every_message_and_what_was_typed() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let response = browser
        .post(
            "/dang-ky",
            &registration(&[
                ("citizen_id", "001 191 012 345"),
                ("phone", "0212345678"),
                ("password", "12345678"),
            ]),
        )
        .await;
    assert_eq!(response.location(), "/dang-ky");
    let page = browser.get("/dang-ky").await;
    let text = page.text();
    assert!(text.contains("Có lỗi cần sửa"), "{text}");
    assert!(
        text.contains("1991") && text.contains("1990"),
        "the CCCD's year of birth disagrees: {text}"
    );
    assert!(
        page.body.contains("value=\"001 191 012 345\""),
        "typed values are kept"
    );
    assert!(page.body.contains("value=\"Nguyễn Thị Hoa\""));
    assert!(
        page.body.contains("href=\"#register-citizen-id\""),
        "the summary links to the field"
    );
    assert!(page.body.contains("aria-invalid=\"true\""));
    assert!(
        !page.body.contains("value=\"12345678\""),
        "passwords are not sent back"
    );

    // Shown once: a reload is clean.
    let again = browser.get("/dang-ky").await;
    assert!(!again.text().contains("Có lỗi cần sửa"));
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE email = $1")
        .bind(EMAIL)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(users, 0);
}

#[tokio::test]
async fn messages_follow_the_chosen_language() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser
        .post(
            "/dang-ky?lang=en",
            &registration(&[("date_of_birth", "31/02/1990")]),
        )
        .await;
    let page = browser.get("/dang-ky?lang=en").await;
    assert!(
        page.text().contains("is not a real date"),
        "{}",
        page.text()
    );
}

#[tokio::test]
async fn registering_a_taken_email_or_citizen_id_answers_alike_and_says_so_by_mail() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.post("/dang-ky", &registration(&[])).await;
    let new_account = browser.get("/dang-nhap").await.text();

    // The demo citizen's email, with a new CCCD.
    let response = browser
        .post(
            "/dang-ky",
            &registration(&[("email", "congdan@motcua.example")]),
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap");
    let taken_email = browser.get("/dang-nhap").await.text();
    assert_eq!(
        new_account.replace(EMAIL, "X"),
        taken_email.replace("congdan@motcua.example", "X"),
        "the page does not tell who has an account"
    );
    let (_, mail) = wait_for_mail(&app, "congdan@motcua.example", 0).await;
    assert!(mail.contains("Bạn đã có tài khoản"), "{mail}");
    assert!(mail.contains("/quen-mat-khau"), "{mail}");

    // The demo citizen's CCCD, with a new email.
    browser
        .post(
            "/dang-ky",
            &registration(&[("citizen_id", "022190001234"), ("email", "khac@example.vn")]),
        )
        .await;
    let (_, mail) = wait_for_mail(&app, "khac@example.vn", 0).await;
    assert!(
        mail.contains("Số định danh cá nhân bạn khai đã có tài khoản"),
        "{mail}"
    );
    assert!(!mail.contains("/xac-nhan-email"), "no account to confirm");

    let accounts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM users WHERE lower(email) IN ('congdan@motcua.example', 'khac@example.vn') OR citizen_id IN ('022190001234', '001190012345')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        accounts, 2,
        "the demo citizen and the first registration, no more"
    );
}

#[tokio::test]
async fn an_unconfirmed_account_is_told_and_can_ask_for_the_mail_again() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.post("/dang-ky", &registration(&[])).await;
    let (first, _) = wait_for_mail(&app, EMAIL, 0).await;
    browser.sign_in(EMAIL, "hoa sen nở muộn").await;
    let account = browser.get("/tai-khoan").await;
    assert!(
        account.text().contains("chưa được xác nhận"),
        "{}",
        account.text()
    );
    browser.post("/tai-khoan/gui-lai-xac-nhan", &[]).await;
    let (_, second) = wait_for_mail(&app, EMAIL, first).await;
    assert!(second.contains("/xac-nhan-email?ma="));
}

#[tokio::test]
async fn a_password_of_only_spaces_is_refused_with_what_was_typed_kept() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let spaces = " ".repeat(12);
    let response = browser
        .post(
            "/dang-ky",
            &registration(&[("password", &spaces), ("password_confirmation", &spaces)]),
        )
        .await;
    assert_eq!(response.location(), "/dang-ky");
    let page = browser.get("/dang-ky").await;
    assert!(
        page.text().contains("Mật khẩu không thể chỉ gồm dấu cách"),
        "{}",
        page.text()
    );
    assert!(page.body.contains("value=\"Nguyễn Thị Hoa\""));
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE email = $1")
        .bind(EMAIL)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(users, 0);
}
