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
    assert!(policy.contains("frame-ancestors 'none'"));
    assert_admits_only_its_loader(&policy, &page.body);
    // The same page again is the same policy: nothing differs per response,
    // so a public page can be kept and served again as it is.
    let again = browser
        .get("/dang-nhap")
        .await
        .header("content-security-policy");
    assert_eq!(policy, again);
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
async fn the_not_found_page_admits_its_own_loader_script_too() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let page = browser.get("/khong-co-trang-nay").await;
    assert_eq!(page.status, 404);
    assert_admits_only_its_loader(&page.header("content-security-policy"), &page.body);
}

/// Every inline script of the page is named by its hash (the CSP's
/// `sha256-<base64>`) in the policy, the bundle loader among them: any
/// other inline script, injected or not, would not run.
fn assert_admits_only_its_loader(policy: &str, body: &str) {
    use base64::Engine;
    use sha2::Digest;
    assert!(
        body.contains("<script type=\"module\">"),
        "the bundle loader is on the page"
    );
    for script in body.split("<script").skip(1) {
        let text = script
            .split_once('>')
            .and_then(|(_, rest)| rest.split("</script>").next())
            .unwrap_or_else(|| panic!("an unclosed script in {body}"));
        let digest = sha2::Sha256::digest(text.as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(
            policy.contains(&format!("'sha256-{hash}'")),
            "{text:?} is not admitted by {policy}"
        );
    }
    assert!(
        !policy.contains("nonce-"),
        "no per-response nonce: {policy}"
    );
    assert!(!policy.contains("unsafe-inline"), "{policy}");
}
