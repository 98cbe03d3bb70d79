//! Cross-origin posts, security headers and what is never cached.

use crate::support;

use support::browser::Browser;
use support::spawn_app;

#[tokio::test]
async fn state_changes_from_another_origin_are_refused() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let fields = [
        ("identifier", "congdan@motcua.example"),
        ("password", "Demo@12345"),
    ];
    for (origin, site) in [
        (Some("https://evil.example"), None),
        (None, Some("cross-site")),
        (Some("http://127.0.0.1:3000"), Some("same-site")),
        (None, None),
    ] {
        let response = browser.post_from("/dang-nhap", &fields, origin, site).await;
        assert_eq!(response.status, 403, "{origin:?} {site:?}");
        assert!(response
            .body
            .contains("không xuất phát từ Cổng dịch vụ công"));
        assert!(browser.session_cookie().is_none(), "nothing happened");
    }
    // Server functions are posts too.
    let response = browser
        .post_from("/api/session/view", &[], Some("https://evil.example"), None)
        .await;
    assert_eq!(response.status, 403);
    // The portal's own origin passes.
    let response = browser
        .post_from("/dang-nhap", &fields, Some("http://127.0.0.1:3000"), None)
        .await;
    assert_eq!(response.location(), "/ho-so");
}

#[tokio::test]
async fn pages_carry_a_content_security_policy_that_admits_only_their_own_scripts() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let page = browser.get("/dang-nhap").await;
    let policy = page.header("content-security-policy");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("no nonce in {policy}"));
    assert!(nonce.len() >= 16);
    assert!(policy.contains("frame-ancestors 'none'"));
    assert!(
        page.body.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries it"
    );
    // Every response gets a fresh one.
    let again = browser
        .get("/dang-nhap")
        .await
        .header("content-security-policy");
    assert_ne!(policy, again);
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert_eq!(
        page.header("referrer-policy"),
        "strict-origin-when-cross-origin"
    );

    let api = app.get("/api/v1/procedures").await;
    assert!(api
        .header("content-security-policy")
        .contains("default-src 'self'"));
}

#[tokio::test]
async fn sign_out_is_not_possible_with_a_get() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    browser
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    browser.get("/dang-xuat").await;
    assert_eq!(
        browser.get("/tai-khoan").await.status,
        200,
        "still signed in"
    );
}

#[tokio::test]
async fn the_not_found_page_admits_its_own_hydration_script_too() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let page = browser.get("/khong-co-trang-nay").await;
    assert_eq!(page.status, 404);
    let policy = page.header("content-security-policy");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next());
    let nonce = nonce.unwrap_or_else(|| panic!("no nonce in {policy}"));
    assert!(page.body.contains(&format!("nonce=\"{nonce}\"")));
}
