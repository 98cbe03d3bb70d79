//! Officials' second factor, written from the rules (issue 22 item 4; RFC
//! 6238): an official with an app is not signed in until its code passes;
//! a code passes once, even sent many times at once; wrong codes are
//! limited like passwords, in parallel too; roles that accept, approve,
//! publish or administer wait until an app is set up; recovery codes work
//! once each; sensitive actions ask again after 15 minutes; an
//! administrator's reset makes the official set up a new app.

use crate::support;

use support::back_office::{new_official, PASSWORD, RECEPTION};
use support::browser::Browser;
use support::parallel::{address, all_at_once, form_post};
use support::second_factor::{audited, password_step, recovery_codes_on};
use support::{spawn_app, TestApp};

const ADMIN: &str = "quantri@motcua.example";

#[tokio::test]
async fn an_official_with_an_app_is_signed_in_only_once_its_code_passes() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    password_step(&mut browser, RECEPTION).await;
    // The password alone reaches nothing.
    let inbox = browser.get("/can-bo").await;
    assert!(
        inbox.location().starts_with("/dang-nhap"),
        "{}",
        inbox.location()
    );
    let page = browser.get("/dang-nhap/xac-thuc").await.text();
    assert!(page.contains("Mã xác thực"), "{page}");

    let stale = app.stale_code(RECEPTION).await;
    let wrong = browser
        .post("/dang-nhap/xac-thuc", &[("code", &stale)])
        .await;
    assert_eq!(wrong.location(), "/dang-nhap/xac-thuc");
    assert!(browser
        .get("/dang-nhap/xac-thuc")
        .await
        .text()
        .contains("Mã không đúng hoặc đã được dùng"));
    assert!(browser
        .get("/can-bo")
        .await
        .location()
        .starts_with("/dang-nhap"));

    let code = app.authenticator_code(RECEPTION).await;
    let right = browser
        .post("/dang-nhap/xac-thuc", &[("code", &code)])
        .await;
    assert_eq!(right.location(), "/can-bo");
    assert_eq!(browser.get("/can-bo").await.status, 200);
    let recorded: Option<String> = sqlx::query_scalar(
        "SELECT detail->>'second_factor' FROM audit_log WHERE action = 'sign_in' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(recorded.as_deref(), Some("totp"));

    // The same code again, for another sign-in, is refused.
    let mut again = Browser::new(&app);
    password_step(&mut again, RECEPTION).await;
    let replayed = again.post("/dang-nhap/xac-thuc", &[("code", &code)]).await;
    assert_eq!(replayed.location(), "/dang-nhap/xac-thuc");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_code_sent_by_five_waiting_sign_ins_at_once_signs_in_exactly_one() {
    let app = spawn_app().await;
    let mut cookies = Vec::new();
    for _ in 0..5 {
        let mut browser = Browser::new(&app);
        password_step(&mut browser, RECEPTION).await;
        cookies.push(browser.session_cookie().unwrap());
    }
    let code = app.authenticator_code(RECEPTION).await;
    let requests = cookies
        .iter()
        .map(|cookie| {
            form_post(
                "/dang-nhap/xac-thuc",
                &[("code", &code)],
                address(7),
                Some(cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    assert_eq!(audited(&app, "sign_in").await, 1, "exactly one sign-in");
    assert_eq!(audited(&app, "second_factor_failed").await, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_parallel_wrong_codes_get_five_checks_and_then_even_the_right_one_waits() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    password_step(&mut browser, RECEPTION).await;
    let cookie = browser.session_cookie().unwrap();
    let requests = (0..30)
        .map(|n| {
            let guess = format!("{:06}", 100_000 + n * 7919);
            form_post(
                "/dang-nhap/xac-thuc",
                &[("code", &guess)],
                address(9),
                Some(&cookie),
            )
        })
        .collect();
    all_at_once(&app, requests).await;
    assert_eq!(
        audited(&app, "second_factor_failed").await,
        5,
        "the limit is five"
    );
    assert_eq!(audited(&app, "second_factor_throttled").await, 25);
    // The right code from the guessing address waits too.
    let code = app.authenticator_code(RECEPTION).await;
    let right = form_post(
        "/dang-nhap/xac-thuc",
        &[("code", &code)],
        address(9),
        Some(&cookie),
    );
    all_at_once(&app, vec![right]).await;
    assert_eq!(audited(&app, "sign_in").await, 0);
    assert_eq!(audited(&app, "second_factor_throttled").await, 26);
    let page = browser.get("/dang-nhap/xac-thuc").await.text();
    assert!(
        page.contains("thử lại sau 1 phút"),
        "told how long to wait: {page}"
    );
}

#[tokio::test]
async fn a_receptionist_without_an_app_sets_one_up_before_reaching_the_back_office() {
    let app = spawn_app().await;
    let email = "tiepnhan.moi@example.vn";
    new_official(&app, email, "reception").await;
    let mut browser = Browser::new(&app);
    let signed_in = browser
        .post(
            "/dang-nhap",
            &[("identifier", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(signed_in.location(), "/tai-khoan/xac-thuc-hai-buoc");
    // Signed in, but the roles wait: the back office sends them back here.
    let inbox = browser.get("/can-bo").await;
    assert_eq!(inbox.location(), "/tai-khoan/xac-thuc-hai-buoc");
    let act = browser.post("/can-bo/tiep-nhan/cong-dan", &[]).await;
    assert!(matches!(act.status.as_u16(), 303 | 403), "{}", act.status);
    assert!(browser.get("/tai-khoan").await.status.is_success());

    let codes = browser.set_up_authenticator(email).await;
    assert_eq!(codes.len(), 10, "ten recovery codes shown once");
    assert!(
        recovery_codes_on(&browser.get("/tai-khoan/xac-thuc-hai-buoc").await.text()).is_empty()
    );
    assert_eq!(
        browser.get("/can-bo").await.status,
        200,
        "the roles count now"
    );
    // The secret is sealed at rest.
    let user_id = app.user_id(email).await;
    let stored: Vec<u8> =
        sqlx::query_scalar("SELECT secret_sealed FROM totp_factors WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let secret = app
        .state
        .sealing
        .open(&format!("totp:{user_id}"), &stored)
        .unwrap();
    assert!(!stored.windows(secret.len()).any(|w| w == secret.as_slice()));

    // A recovery code signs in once.
    let mut phoneless = Browser::new(&app);
    password_step(&mut phoneless, email).await;
    let used = phoneless
        .post("/dang-nhap/xac-thuc", &[("code", &codes[3].to_uppercase())])
        .await;
    assert_eq!(used.location(), "/can-bo");
    assert!(phoneless.get("/can-bo").await.text().contains("còn 9 mã"));
    let mut reuse = Browser::new(&app);
    password_step(&mut reuse, email).await;
    let refused = reuse
        .post("/dang-nhap/xac-thuc", &[("code", &codes[3])])
        .await;
    assert_eq!(refused.location(), "/dang-nhap/xac-thuc");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_recovery_code_sent_by_five_waiting_sign_ins_at_once_signs_in_exactly_one() {
    let app = spawn_app().await;
    let email = "tiepnhan.moi@example.vn";
    new_official(&app, email, "reception").await;
    let mut setting_up = Browser::new(&app);
    setting_up
        .post(
            "/dang-nhap",
            &[("identifier", email), ("password", PASSWORD)],
        )
        .await;
    let codes = setting_up.set_up_authenticator(email).await;
    let mut cookies = Vec::new();
    for _ in 0..5 {
        let mut browser = Browser::new(&app);
        password_step(&mut browser, email).await;
        cookies.push(browser.session_cookie().unwrap());
    }
    let requests = cookies
        .iter()
        .map(|cookie| {
            form_post(
                "/dang-nhap/xac-thuc",
                &[("code", &codes[0])],
                address(8),
                Some(cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let signed_in: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND detail->>'second_factor' = 'recovery_code'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(signed_in, 1, "exactly one sign-in with the code");
    let unused: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(app.user_id(email).await)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(unused, 9);
}

#[tokio::test]
async fn a_new_password_keeps_the_sessions_check_of_the_second_factor() {
    let app = spawn_app().await;
    let mut reception = Browser::new(&app);
    reception.sign_in(RECEPTION, PASSWORD).await;
    let changed = reception
        .post(
            "/tai-khoan/mat-khau",
            &[
                ("current_password", PASSWORD),
                ("password", "sóng vỗ bờ Hạ Long"),
                ("password_confirmation", "sóng vỗ bờ Hạ Long"),
            ],
        )
        .await;
    assert_eq!(changed.location(), "/tai-khoan");
    assert_eq!(
        reception.get("/can-bo").await.status,
        200,
        "the inbox still opens, without a new code"
    );
}

#[tokio::test]
async fn a_specialist_needs_no_app_but_a_role_granted_later_waits_for_one() {
    let app = spawn_app().await;
    let email = "chuyenvien.moi@example.vn";
    new_official(&app, email, "specialist").await;
    let mut specialist = Browser::new(&app);
    specialist.sign_in(email, PASSWORD).await;
    assert_eq!(specialist.get("/can-bo").await.status, 200);
    sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'leader')")
        .bind(app.user_id(email).await)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        specialist.get("/can-bo").await.location(),
        "/tai-khoan/xac-thuc-hai-buoc",
        "approving needs the second factor"
    );
}

#[tokio::test]
async fn sensitive_actions_ask_for_a_code_again_after_fifteen_minutes() {
    let app = spawn_app().await;
    let mut admin = Browser::new(&app);
    admin.sign_in(ADMIN, PASSWORD).await;
    let manager = app.user_id("quanly@motcua.example").await;
    issue_token(&mut admin, manager, "Báo cáo tháng", None).await;
    assert_eq!(tokens(&app).await, 1, "just signed in: no code asked");
    let asks = "Thao tác này cần xác nhận lại";
    assert!(!admin.get("/quan-tri/ma-api").await.text().contains(asks));

    app.clock()
        .set(app.clock().now() + chrono::Duration::minutes(16));
    assert!(admin.get("/quan-tri/ma-api").await.text().contains(asks));
    issue_token(&mut admin, manager, "Báo cáo quý", None).await;
    assert_eq!(
        tokens(&app).await,
        1,
        "16 minutes later: refused without a code"
    );
    let refused = admin.get("/quan-tri/ma-api").await;
    assert!(
        refused.body.contains("value=\"Báo cáo quý\""),
        "what was typed is kept"
    );
    let page = refused.text();
    assert!(
        page.contains("Có lỗi cần sửa") && page.contains(asks),
        "{page}"
    );

    let code = app.authenticator_code(ADMIN).await;
    issue_token(&mut admin, manager, "Báo cáo quý", Some(&code)).await;
    assert_eq!(tokens(&app).await, 2);
    assert_eq!(audited(&app, "second_factor_checked").await, 1);

    // Disabling, 16 minutes on again: the list's button lands on the
    // official's page, which asks for the code.
    app.clock()
        .set(app.clock().now() + chrono::Duration::minutes(16));
    let specialist = app.user_id("chuyenvien@motcua.example").await;
    let refused = admin
        .post(&format!("/quan-tri/nguoi-dung/{specialist}/khoa"), &[])
        .await;
    assert_eq!(
        refused.location(),
        format!("/quan-tri/nguoi-dung/{specialist}")
    );
    assert!(!disabled(&app, specialist).await);
    let code = app.authenticator_code(ADMIN).await;
    admin
        .post(
            &format!("/quan-tri/nguoi-dung/{specialist}/khoa"),
            &[("second_factor_code", &code)],
        )
        .await;
    assert!(disabled(&app, specialist).await);
}

async fn issue_token(admin: &mut Browser<'_>, owner: i64, label: &str, code: Option<&str>) {
    let owner = owner.to_string();
    let mut fields = vec![
        ("purpose", "reports"),
        ("owner", owner.as_str()),
        ("label", label),
    ];
    if let Some(code) = code {
        fields.push(("second_factor_code", code));
    }
    let response = admin.post("/quan-tri/ma-api", &fields).await;
    assert_eq!(response.status, 303);
}

async fn tokens(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM api_tokens")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn disabled(app: &TestApp, id: i64) -> bool {
    sqlx::query_scalar("SELECT disabled_at IS NOT NULL FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_administrators_reset_ends_the_officials_sessions_and_asks_for_a_new_app() {
    let app = spawn_app().await;
    let mut official = Browser::new(&app);
    official.sign_in(RECEPTION, PASSWORD).await;
    let mut admin = Browser::new(&app);
    admin.sign_in(ADMIN, PASSWORD).await;
    let id = app.user_id(RECEPTION).await;
    let page = admin
        .get(&format!("/quan-tri/nguoi-dung/{id}"))
        .await
        .text();
    assert!(page.contains("Đặt lại xác thực hai bước"), "{page}");
    let reset = admin
        .post(&format!("/quan-tri/nguoi-dung/{id}/dat-lai-xac-thuc"), &[])
        .await;
    assert_eq!(reset.location(), format!("/quan-tri/nguoi-dung/{id}"));
    assert_eq!(audited(&app, "second_factor_reset").await, 1);
    assert!(official
        .get("/can-bo")
        .await
        .location()
        .starts_with("/dang-nhap"));
    let again = official
        .post(
            "/dang-nhap",
            &[("identifier", RECEPTION), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(again.location(), "/tai-khoan/xac-thuc-hai-buoc");
}
