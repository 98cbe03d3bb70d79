//! Signing in and out: sessions, fixation, replay, throttling.

use crate::support;

use support::browser::Browser;
use support::spawn_app;

const CITIZEN: &str = "congdan@motcua.example";
const CITIZEN_ID: &str = "022190001234";
const PASSWORD: &str = "Demo@12345";

#[tokio::test]
async fn a_citizen_signs_in_with_email_or_citizen_id_and_sees_their_account() {
    let app = spawn_app().await;
    for identifier in [CITIZEN, "CongDan@MotCua.example", "022 190 001 234"] {
        let mut browser = Browser::new(&app);
        browser.sign_in(identifier, PASSWORD).await;
        let page = browser.get("/tai-khoan").await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains(CITIZEN_ID), "{}", page.text());
        assert!(page.text().contains("Bạn đã đăng nhập."));
        assert_eq!(
            page.header("cache-control"),
            "no-store",
            "personal pages are never cached"
        );
    }
}

#[tokio::test]
async fn the_session_cookie_is_http_only_lax_and_changes_at_sign_in() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    // A failed attempt leaves a session (holding the form's messages): the id
    // an attacker could have planted before sign-in.
    let failed = browser
        .post(
            "/dang-nhap",
            &[("identifier", CITIZEN), ("password", "sai mật khẩu")],
        )
        .await;
    let set_cookie = failed.header("set-cookie");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let planted = browser.session_cookie().expect("a session before sign-in");

    browser.sign_in(CITIZEN, PASSWORD).await;
    let signed_in = browser.session_cookie().unwrap();
    assert_ne!(planted, signed_in, "the session id is cycled at sign-in");

    let mut attacker = Browser::new(&app);
    attacker.set_session_cookie(Some(planted));
    let page = attacker.get("/tai-khoan").await;
    assert!(
        page.location().starts_with("/dang-nhap"),
        "the planted id is worth nothing"
    );
}

#[tokio::test]
async fn a_wrong_password_is_refused_with_the_identifier_kept() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let response = browser
        .post(
            "/dang-nhap",
            &[("identifier", CITIZEN), ("password", "không phải mật khẩu")],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap");
    let page = browser.get("/dang-nhap").await;
    assert!(
        page.text()
            .contains("Email/số định danh hoặc mật khẩu không đúng"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains(&format!("value=\"{CITIZEN}\"")),
        "the identifier is kept"
    );
    assert!(
        !page.body.contains("không phải mật khẩu"),
        "the password is never echoed"
    );
    assert!(browser
        .get("/tai-khoan")
        .await
        .location()
        .starts_with("/dang-nhap"));

    let failures: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(failures, 1, "failed sign-ins are audited");
}

#[tokio::test]
async fn signing_out_deletes_the_session_so_its_cookie_cannot_be_replayed() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in(CITIZEN, PASSWORD).await;
    let stolen = browser.session_cookie();

    let response = browser.post("/dang-xuat", &[]).await;
    assert_eq!(response.location(), "/");
    assert!(browser.get("/").await.text().contains("Bạn đã đăng xuất."));

    let mut replay = Browser::new(&app);
    replay.set_session_cookie(stolen);
    let page = replay.get("/tai-khoan").await;
    assert!(
        page.location().starts_with("/dang-nhap?tiep="),
        "{}",
        page.location()
    );
}

#[tokio::test]
async fn a_protected_page_sends_visitors_to_sign_in_and_back() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let page = browser.get("/tai-khoan").await;
    assert_eq!(page.status, 302, "{}", page.text());
    assert_eq!(page.location(), "/dang-nhap?tiep=%2Ftai-khoan");

    let response = browser
        .post(
            "/dang-nhap",
            &[
                ("identifier", CITIZEN),
                ("password", PASSWORD),
                ("tiep", "/tai-khoan"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/tai-khoan");
}

#[tokio::test]
async fn sign_in_never_redirects_to_another_site() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let response = browser
        .post(
            "/dang-nhap",
            &[
                ("identifier", CITIZEN),
                ("password", PASSWORD),
                ("tiep", "//evil.example/x"),
            ],
        )
        .await;
    assert_eq!(
        response.location(),
        "/ho-so",
        "the citizen's own dossiers instead"
    );
}

#[tokio::test]
async fn each_person_lands_where_their_work_is_unless_they_were_going_somewhere() {
    let app = spawn_app().await;
    for (email, landing) in [
        (CITIZEN, "/ho-so"),
        ("tiepnhan@motcua.example", "/can-bo"),
        ("chuyenvien@motcua.example", "/can-bo"),
        ("lanhdao@motcua.example", "/can-bo"),
        ("quanly@motcua.example", "/thong-ke"),
        ("quantri@motcua.example", "/quan-tri/nguoi-dung"),
    ] {
        let mut browser = Browser::new(&app);
        let mut response = browser
            .post(
                "/dang-nhap",
                &[("identifier", email), ("password", PASSWORD)],
            )
            .await;
        // The demo officials have an authenticator app: its code next.
        if email != CITIZEN {
            assert_eq!(response.location(), "/dang-nhap/xac-thuc", "{email}");
            let code = app.authenticator_code(email).await;
            response = browser
                .post("/dang-nhap/xac-thuc", &[("code", &code)])
                .await;
        }
        assert_eq!(response.location(), landing, "{email}");
        let page = browser.get(landing).await;
        assert_eq!(page.status, 200, "{email} may open {landing}");
        assert!(page.text().contains("Bạn đã đăng nhập."), "{email}");
    }
    // Where they were going wins, for officials too (a link in a mail).
    let mut browser = Browser::new(&app);
    let response = browser
        .post(
            "/dang-nhap",
            &[
                ("identifier", "tiepnhan@motcua.example"),
                ("password", PASSWORD),
                ("tiep", "/can-bo?hang=phan-cong"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap/xac-thuc");
    let code = app.authenticator_code("tiepnhan@motcua.example").await;
    let response = browser
        .post("/dang-nhap/xac-thuc", &[("code", &code)])
        .await;
    assert_eq!(response.location(), "/can-bo?hang=phan-cong");
}

#[tokio::test]
async fn repeated_failures_slow_guessing_down_but_never_lock_the_owner_out() {
    let app = spawn_app().await;
    let mut attacker = Browser::new(&app);
    for _ in 0..5 {
        attacker
            .post(
                "/dang-nhap",
                &[("identifier", CITIZEN), ("password", "đoán bừa")],
            )
            .await;
    }
    // Now even the right password must wait, from the same address (the
    // owner elsewhere is not slowed: see attempt_limits.rs).
    let mut owner = Browser::new(&app);
    let response = owner
        .post(
            "/dang-nhap",
            &[("identifier", CITIZEN), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap");
    let page = owner.get("/dang-nhap").await;
    assert!(
        page.text().contains("vui lòng thử lại sau 1 phút"),
        "{}",
        page.text()
    );

    // The wait is bounded: once it has passed, the owner gets in.
    sqlx::query("UPDATE guess_attempts SET attempted_at = attempted_at - interval '31 seconds'")
        .execute(&app.pool)
        .await
        .unwrap();
    owner.sign_in(CITIZEN, PASSWORD).await;
    let throttled: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_throttled'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(throttled, 1);
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_slowed_down() {
    let app = spawn_app().await;
    let mut attacker = Browser::new(&app);
    for attempt in 0..30 {
        let identifier = format!("nobody{attempt}@example.vn");
        attacker
            .post(
                "/dang-nhap",
                &[
                    ("identifier", identifier.as_str()),
                    ("password", "đoán bừa"),
                ],
            )
            .await;
    }
    let response = attacker
        .post(
            "/dang-nhap",
            &[("identifier", CITIZEN), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap", "the address must wait");
    let mut elsewhere = Browser::new(&app);
    elsewhere.ip = "198.51.100.8".parse().unwrap();
    elsewhere.sign_in(CITIZEN, PASSWORD).await;
}

#[tokio::test]
async fn officials_sign_in_too() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser.sign_in("tiepnhan@motcua.example", PASSWORD).await;
    let page = browser.get("/tai-khoan").await;
    assert!(
        page.text().contains("Tiếp nhận (một cửa)"),
        "{}",
        page.text()
    );
    assert!(page.text().contains("Hồng Gai"), "the agency is shown");
}

#[tokio::test]
async fn pages_opened_without_a_notice_waiting_leave_the_session_unwritten() {
    let app = spawn_app().await;
    let mut citizen = Browser::new(&app);
    citizen
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    // The sign-in's notice is shown once, and taken out of the session.
    citizen.get("/ho-so").await;
    let stored = || async {
        // Saving writes the data and a new expiry date.
        sqlx::query_as::<_, (Vec<u8>, String)>(
            "SELECT data, expiry_date::text FROM tower_sessions.session",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap()
    };
    let before = stored().await;
    assert_eq!(before.len(), 1);
    for page in ["/ho-so", "/thu-tuc", "/tai-khoan"] {
        assert_eq!(citizen.get(page).await.status, 200, "{page}");
    }
    assert_eq!(
        stored().await,
        before,
        "nothing to take out, nothing written back"
    );
}
