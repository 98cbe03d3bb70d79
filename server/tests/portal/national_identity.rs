//! Signing in through the national electronic identity, written from the
//! rules (issue 22 items 1–3; OpenID Connect Core 1.0 §3.1, RFC 7636),
//! against a real OpenID provider (`oidc-provider`, started per test):
//! a first sign-in makes a verified citizen's account, found again by the
//! provider's subject only; the answer counts once, from the browser that
//! asked, within ten minutes; tokens for another audience, expired, or
//! signed with a key never published are refused; a new key is read once;
//! a lower assurance level is refused in words a citizen understands; a
//! password account links its identity; signing out ends the provider's
//! session too.

use crate::support;

use support::browser::Browser;
use support::openid_provider::{authorize, configure, sign_in_through, OpenIdProvider, Person};
use support::parallel::{address, all_at_once};
use support::{spawn_app, TestApp};

const START: &str = "/dang-nhap/dinh-danh/vneid";
const DEMO_CITIZEN: &str = "congdan@motcua.example";
const DEMO_CITIZEN_ID: &str = "022190001234";

async fn accounts_with_citizen_id(app: &TestApp, citizen_id: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM users WHERE citizen_id = $1")
        .bind(citizen_id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn refusals(app: &TestApp, reason: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'identity_sign_in_refused' AND detail->>'reason' = $1",
    )
    .bind(reason)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// What the sign-in page says after a refused sign-in.
async fn sign_in_page_says(browser: &mut Browser<'_>) -> String {
    browser.get("/dang-nhap").await.text()
}

#[tokio::test]
async fn a_first_sign_in_makes_a_verified_account_and_the_next_finds_it_by_subject() {
    let app = spawn_app().await;
    let provider = OpenIdProvider::start(&app);
    configure(&app, &provider, "vneid", "motcua", "LoA2").await;
    let person = Person::new("first");

    let mut browser = Browser::new(&app);
    let page = browser.get("/dang-nhap").await;
    assert!(
        page.body.contains(&format!("href=\"{START}\"")),
        "the sign-in page links to VNeID"
    );
    assert!(page.text().contains("Đăng nhập bằng VNeID"));

    let landed = sign_in_through(&mut browser, START, &person).await;
    assert_eq!(landed.status, 303);
    assert_eq!(
        landed.location(),
        "/tai-khoan",
        "a new account is asked for an email"
    );
    let account = browser.get("/tai-khoan").await.text();
    assert!(
        account.contains("Đã tạo tài khoản trên cổng từ tài khoản định danh điện tử"),
        "{account}"
    );
    assert!(account.contains(&person.full_name) && account.contains(&person.citizen_id));
    assert!(
        account.contains("20/08/1995"),
        "the date of birth from the provider"
    );
    assert!(account.contains("Đã liên kết với VNeID"));
    let (verified, source, email): (bool, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT identity_verified_at IS NOT NULL, identity_source, email FROM users WHERE citizen_id = $1",
    )
    .bind(&person.citizen_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(verified, "the identity data is marked verified");
    assert_eq!(source.as_deref(), Some("national_identity"));
    assert_eq!(email, None, "no email was invented");
    // It has no password: adding an email is not asked for one.
    assert!(!account.contains("Mật khẩu hiện tại"), "{account}");
    let saved = browser
        .post(
            "/tai-khoan/lien-he",
            &[("email", "dinh.danh@example.vn"), ("phone", "0912345678")],
        )
        .await;
    assert_eq!(saved.location(), "/tai-khoan");
    let after = browser.get("/tai-khoan").await.text();
    assert!(after.contains("dinh.danh@example.vn"), "{after}");
    let email: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE citizen_id = $1")
        .bind(&person.citizen_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(email.as_deref(), Some("dinh.danh@example.vn"));

    // Without a password, unlinking would lock the account: refused.
    browser
        .post("/tai-khoan/dinh-danh/vneid/huy-lien-ket", &[])
        .await;
    assert!(browser
        .get("/tai-khoan")
        .await
        .text()
        .contains("Hãy đặt mật khẩu trước khi huỷ liên kết"));

    // Another day, another browser: the same subject, the same account.
    let mut again = Browser::new(&app);
    let landed = sign_in_through(&mut again, START, &person).await;
    assert_eq!(
        landed.location(),
        "/ho-so",
        "a returning citizen lands on their dossiers"
    );
    assert_eq!(accounts_with_citizen_id(&app, &person.citizen_id).await, 1);
    let links: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM identity_links WHERE subject = $1 AND last_sign_in_at IS NOT NULL",
    )
    .bind(&person.subject)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(links, 1);

    // Signing out of the portal goes on to the provider's sign-out.
    let out = again.post("/dang-xuat", &[]).await;
    assert_eq!(out.status, 200, "a page that moves on to the provider");
    let refresh = out
        .body
        .split("url=")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    assert!(
        refresh.starts_with(&format!("{}/session/end", provider.issuer))
            || refresh.contains("/session/end"),
        "{refresh}"
    );
    assert!(refresh.contains("id_token_hint=") && refresh.contains("post_logout_redirect_uri="));
    let at_provider = reqwest::get(&refresh).await.unwrap();
    assert_eq!(at_provider.status(), 200, "the provider takes the sign-out");
    assert_ne!(
        again.get("/tai-khoan").await.status,
        200,
        "signed out of the portal"
    );
}

#[tokio::test]
async fn two_first_sign_ins_of_one_person_at_once_make_one_account() {
    let app = spawn_app().await;
    let provider = OpenIdProvider::start(&app);
    configure(&app, &provider, "vneid", "motcua", "").await;
    let person = Person::new("twice");
    let mut browsers = [Browser::new(&app), Browser::new(&app), Browser::new(&app)];
    let mut requests = Vec::new();
    for browser in browsers.iter_mut() {
        let callback = authorize(browser, START, &person).await;
        let mut request = support::parallel::get(&callback, address(1));
        request
            .headers_mut()
            .insert("cookie", browser.session_cookie().unwrap().parse().unwrap());
        requests.push(request);
    }
    let answers = all_at_once(&app, requests).await;
    assert!(
        answers.iter().all(|(status, _)| *status == 303),
        "{answers:?}"
    );
    assert_eq!(accounts_with_citizen_id(&app, &person.citizen_id).await, 1);
}

#[tokio::test]
async fn the_answer_counts_once_from_the_browser_that_asked_within_ten_minutes() {
    let app = spawn_app().await;
    let provider = OpenIdProvider::start(&app);
    configure(&app, &provider, "vneid", "motcua", "").await;
    let person = Person::new("replay");

    // A tampered state finds no sign-in waiting.
    let mut browser = Browser::new(&app);
    let callback = authorize(&mut browser, START, &person).await;
    let tampered = callback.replace("state=", "state=x");
    let answer = browser.get(&tampered).await;
    assert_eq!(answer.location(), "/dang-nhap");
    assert!(sign_in_page_says(&mut browser)
        .await
        .contains("Lượt đăng nhập này đã hết hạn hoặc đã được dùng"));
    assert_ne!(browser.get("/tai-khoan").await.status, 200, "not signed in");

    // Carried to another browser (a planted sign-in), it is refused there.
    let mut asker = Browser::new(&app);
    let callback = authorize(&mut asker, START, &person).await;
    let mut planted = Browser::new(&app);
    assert_eq!(planted.get(&callback).await.location(), "/dang-nhap");

    // Opened five times at once by its own browser: one sign-in.
    let mut browser = Browser::new(&app);
    let callback = authorize(&mut browser, START, &person).await;
    let cookie = browser.session_cookie().unwrap();
    let requests = (0..5)
        .map(|_| {
            let mut request = support::parallel::get(&callback, address(2));
            request
                .headers_mut()
                .insert("cookie", cookie.parse().unwrap());
            request
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    let signed_in = answers.iter().filter(|(status, _)| *status == 303).count();
    assert_eq!(signed_in, 5, "every answer redirects: {answers:?}");
    let used: i64 =
        sqlx::query_scalar("SELECT count(*) FROM identity_sign_ins WHERE used_at IS NOT NULL")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    // The tampered one was never found; the planted one was not spent (its
    // browser had not asked); the five-fold one was spent once.
    assert_eq!(used, 1, "the waiting sign-in is spent once");
    let sign_ins: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(sign_ins, 1, "one of the five signed in");

    // The same answer again, later: refused.
    let mut browser = Browser::new(&app);
    let callback = authorize(&mut browser, START, &person).await;
    assert_eq!(browser.get(&callback).await.location(), "/ho-so");
    assert_eq!(
        browser.get(&callback).await.location(),
        "/dang-nhap",
        "a replay is refused"
    );

    // Eleven minutes at the provider: the sign-in waited too long.
    let mut browser = Browser::new(&app);
    let callback = authorize(&mut browser, START, &person).await;
    sqlx::query("UPDATE identity_sign_ins SET created_at = now() - interval '11 minutes' WHERE used_at IS NULL")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(browser.get(&callback).await.location(), "/dang-nhap");
    assert!(refusals(&app, "expired_or_replayed").await >= 4);
}

#[tokio::test]
async fn tokens_for_another_audience_expired_or_signed_by_an_unpublished_key_are_refused() {
    let app = spawn_app().await;
    let provider = OpenIdProvider::start(&app);
    configure(
        &app,
        &provider,
        "vneid-wrong-audience",
        "motcua-wrong-audience",
        "",
    )
    .await;
    configure(&app, &provider, "vneid-expired", "motcua-expired", "").await;
    configure(
        &app,
        &provider,
        "vneid-unknown-key",
        "motcua-unknown-key",
        "",
    )
    .await;
    for slug in ["vneid-wrong-audience", "vneid-expired", "vneid-unknown-key"] {
        let person = Person::new(slug);
        let mut browser = Browser::new(&app);
        let answer = sign_in_through(
            &mut browser,
            &format!("/dang-nhap/dinh-danh/{slug}"),
            &person,
        )
        .await;
        assert_eq!(answer.location(), "/dang-nhap", "{slug}");
        assert!(
            sign_in_page_says(&mut browser)
                .await
                .contains("Không xác minh được thông tin đăng nhập"),
            "{slug}"
        );
        assert_ne!(
            browser.get("/tai-khoan").await.status,
            200,
            "{slug}: not signed in"
        );
        assert_eq!(
            accounts_with_citizen_id(&app, &person.citizen_id).await,
            0,
            "{slug}"
        );
    }
    assert_eq!(refusals(&app, "id_token_refused").await, 3);
}

#[tokio::test]
async fn a_token_signed_with_a_new_key_has_the_keys_read_once_more() {
    let app = spawn_app().await;
    let mut provider = OpenIdProvider::start(&app);
    configure(&app, &provider, "vneid", "motcua", "").await;
    configure(
        &app,
        &provider,
        "vneid-unknown-key",
        "motcua-unknown-key",
        "",
    )
    .await;
    let mut browser = Browser::new(&app);
    assert_eq!(
        sign_in_through(&mut browser, START, &Person::new("before"))
            .await
            .location(),
        "/tai-khoan"
    );

    provider.rotate_key("second");
    assert_eq!(provider.key_reads().await, 0, "a fresh provider");
    let mut browser = Browser::new(&app);
    let landed = sign_in_through(&mut browser, START, &Person::new("after")).await;
    assert_eq!(
        landed.location(),
        "/tai-khoan",
        "signed in with the new key"
    );
    assert_eq!(
        provider.key_reads().await,
        1,
        "the keys were read once more"
    );
    let mut browser = Browser::new(&app);
    assert_eq!(
        sign_in_through(&mut browser, START, &Person::new("later"))
            .await
            .location(),
        "/tai-khoan"
    );
    assert_eq!(
        provider.key_reads().await,
        1,
        "and kept for the next sign-in"
    );

    // A key the provider never publishes: read once, then refused.
    let mut browser = Browser::new(&app);
    let answer = sign_in_through(
        &mut browser,
        "/dang-nhap/dinh-danh/vneid-unknown-key",
        &Person::new("forged"),
    )
    .await;
    assert_eq!(answer.location(), "/dang-nhap");
    // The unknown-key provider's first sign-in discovers (one read), then
    // its unknown key reads once more: two, not a loop.
    assert_eq!(provider.key_reads().await, 3);
}

#[tokio::test]
async fn a_lower_assurance_level_is_refused_with_words_a_citizen_understands() {
    let app = spawn_app().await;
    let provider = OpenIdProvider::start(&app);
    configure(&app, &provider, "vneid", "motcua", "LoA2").await;
    let person = Person {
        acr: "LoA1".into(),
        ..Person::new("level-one")
    };
    let mut browser = Browser::new(&app);
    let answer = sign_in_through(&mut browser, START, &person).await;
    assert_eq!(answer.location(), "/dang-nhap");
    let page = sign_in_page_says(&mut browser).await;
    assert!(
        page.contains(
            "Tài khoản định danh điện tử của bạn đang ở mức LoA1, còn dịch vụ này yêu cầu mức LoA2"
        ),
        "{page}"
    );
    assert_eq!(accounts_with_citizen_id(&app, &person.citizen_id).await, 0);
    assert_eq!(refusals(&app, "assurance_too_low").await, 1);
}

#[tokio::test]
async fn a_password_account_links_its_identity_and_signs_in_with_it() {
    let app = spawn_app().await;
    let provider = OpenIdProvider::start(&app);
    configure(&app, &provider, "vneid", "motcua", "").await;
    let demo = Person {
        citizen_id: DEMO_CITIZEN_ID.into(),
        full_name: "Vũ Thị Công Dân".into(),
        birth_date: "1990-05-12".into(),
        ..Person::new("demo")
    };

    // Not by a claim: the CCCD has an account, which must link first.
    let mut stranger = Browser::new(&app);
    assert_eq!(
        sign_in_through(&mut stranger, START, &demo)
            .await
            .location(),
        "/dang-nhap"
    );
    assert!(sign_in_page_says(&mut stranger)
        .await
        .contains("Số định danh cá nhân này đã có tài khoản trên cổng"));
    assert_eq!(accounts_with_citizen_id(&app, DEMO_CITIZEN_ID).await, 1);

    sqlx::query(
        "INSERT INTO users (kind, full_name, email, citizen_id, date_of_birth, password_hash, email_confirmed_at)
         SELECT 'citizen', 'Lê Văn Khác', 'khac@example.vn', '022190009999', '1990-01-01', password_hash, now()
         FROM users WHERE email = $1",
    )
    .bind(DEMO_CITIZEN)
    .execute(&app.pool)
    .await
    .unwrap();

    // Asked for by one person, answered after another signed in on the
    // same browser: linked to nobody.
    let mut shared = Browser::new(&app);
    shared.sign_in(DEMO_CITIZEN, "Demo@12345").await;
    let callback = authorize(&mut shared, "/tai-khoan/dinh-danh/vneid", &demo).await;
    shared.sign_in("khac@example.vn", "Demo@12345").await;
    assert_eq!(shared.get(&callback).await.location(), "/tai-khoan");
    let links: i64 = sqlx::query_scalar("SELECT count(*) FROM identity_links")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(links, 0);

    let mut browser = Browser::new(&app);
    browser.sign_in(DEMO_CITIZEN, "Demo@12345").await;
    let account = browser.get("/tai-khoan").await;
    assert!(account.body.contains("href=\"/tai-khoan/dinh-danh/vneid\""));

    // Someone else's identity does not link to this account.
    let other = Person::new("someone-else");
    let answer = sign_in_through(&mut browser, "/tai-khoan/dinh-danh/vneid", &other).await;
    assert_eq!(answer.location(), "/tai-khoan");
    assert!(browser
        .get("/tai-khoan")
        .await
        .text()
        .contains("không khớp với số trong tài khoản của bạn"));

    let answer = sign_in_through(&mut browser, "/tai-khoan/dinh-danh/vneid", &demo).await;
    assert_eq!(answer.location(), "/tai-khoan");
    let account = browser.get("/tai-khoan").await.text();
    assert!(
        account.contains("Đã liên kết tài khoản định danh điện tử"),
        "{account}"
    );
    assert!(account.contains("Đã liên kết với VNeID"));

    // From now on the provider's sign-in reaches the same account.
    let mut later = Browser::new(&app);
    assert_eq!(
        sign_in_through(&mut later, START, &demo).await.location(),
        "/ho-so"
    );
    let account = later.get("/tai-khoan").await.text();
    assert!(
        account.contains(DEMO_CITIZEN),
        "the demo citizen's own account: {account}"
    );
    assert_eq!(accounts_with_citizen_id(&app, DEMO_CITIZEN_ID).await, 1);

    // The linked subject cannot be linked to a second account.
    let mut second = Browser::new(&app);
    second.sign_in("khac@example.vn", "Demo@12345").await;
    let answer = sign_in_through(&mut second, "/tai-khoan/dinh-danh/vneid", &demo).await;
    assert_eq!(answer.location(), "/tai-khoan");
    assert!(second
        .get("/tai-khoan")
        .await
        .text()
        .contains("đã được liên kết với một tài khoản khác"));

    // Unlinked: the identity is no longer vouched for, and the provider's
    // sign-in no longer reaches the account.
    let unlinked = browser
        .post("/tai-khoan/dinh-danh/vneid/huy-lien-ket", &[])
        .await;
    assert_eq!(unlinked.location(), "/tai-khoan");
    let account = browser.get("/tai-khoan").await;
    assert!(account
        .text()
        .contains("Đã huỷ liên kết tài khoản định danh điện tử"));
    assert!(
        account.body.contains("href=\"/tai-khoan/dinh-danh/vneid\""),
        "the link is offered again"
    );
    let verified: bool = sqlx::query_scalar(
        "SELECT identity_verified_at IS NOT NULL FROM users WHERE citizen_id = $1",
    )
    .bind(DEMO_CITIZEN_ID)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(!verified);
    let mut after = Browser::new(&app);
    assert_eq!(
        sign_in_through(&mut after, START, &demo).await.location(),
        "/dang-nhap"
    );
}

#[tokio::test]
async fn administrators_configure_a_provider_and_its_secret_is_never_shown() {
    let app = spawn_app().await;
    let mut admin = Browser::new(&app);
    admin.sign_in("quantri@motcua.example", "Demo@12345").await;
    let page = admin.get("/quan-tri/dinh-danh").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Chưa có nhà cung cấp định danh nào"));

    let mut fields = vec![
        ("slug", "VNeID"),
        ("name_vi", "VNeID"),
        ("name_en", "VNeID"),
        ("issuer", "sso.example.gov.vn"),
        ("uses_discovery", "on"),
        ("client_id", "motcua-quang-ninh"),
        ("client_secret", "bí-mật-của-tỉnh"),
        ("scopes", "openid profile citizen"),
        ("required_acr", "LoA2"),
        ("claim_citizen_id", "so_dinh_danh"),
        ("claim_full_name", "name"),
        ("claim_birth_date", "birthdate"),
        ("enabled", "on"),
    ];
    let refused = admin.post("/quan-tri/dinh-danh", &fields).await;
    assert_eq!(refused.location(), "/quan-tri/dinh-danh");
    let page = admin.get("/quan-tri/dinh-danh").await;
    let text = page.text();
    assert!(text.contains("Mã ngắn gồm 2–40 ký tự"), "{text}");
    assert!(text.contains("Nhập địa chỉ đầy đủ bắt đầu bằng https://"));
    assert!(
        page.body.contains("value=\"motcua-quang-ninh\""),
        "what was typed is kept"
    );
    assert!(!page.body.contains("bí-mật-của-tỉnh"), "never the secret");

    fields[0] = ("slug", "vneid");
    fields[3] = ("issuer", "https://sso.example.gov.vn/");
    let saved = admin.post("/quan-tri/dinh-danh", &fields).await;
    assert_eq!(saved.location(), "/quan-tri/dinh-danh");
    let page = admin.get("/quan-tri/dinh-danh").await;
    assert!(page.text().contains("Đã lưu nhà cung cấp định danh"));
    let public = &app.state.config.public_base_url;
    assert!(
        page.text()
            .contains(&format!("{public}/dang-nhap/dinh-danh/vneid/ve")),
        "the redirect URI to register"
    );
    assert!(!page.body.contains("bí-mật-của-tỉnh"));
    let (issuer, sealed): (String, Vec<u8>) = sqlx::query_as(
        "SELECT issuer, client_secret_sealed FROM identity_providers WHERE slug = 'vneid'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(issuer, "https://sso.example.gov.vn");
    assert!(
        !sealed
            .windows(6)
            .any(|window| window == "bí-mật".as_bytes()),
        "the secret is sealed at rest"
    );
    let id: i64 = sqlx::query_scalar("SELECT id FROM identity_providers WHERE slug = 'vneid'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let opened = app
        .state
        .sealing
        .open(
            &server::accounts::national_identity::provider::secret_owner(id),
            &sealed,
        )
        .unwrap();
    assert_eq!(opened, "bí-mật-của-tỉnh".as_bytes());

    // Changing it without a secret keeps the secret.
    fields[1] = ("name_vi", "Định danh điện tử VNeID");
    fields[6] = ("client_secret", "");
    let saved = admin
        .post(&format!("/quan-tri/dinh-danh/{id}"), &fields)
        .await;
    assert_eq!(saved.location(), "/quan-tri/dinh-danh");
    let kept: Vec<u8> =
        sqlx::query_scalar("SELECT client_secret_sealed FROM identity_providers WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(kept, sealed);

    // The sign-in page offers it; a citizen cannot change it.
    let mut citizen = Browser::new(&app);
    assert!(citizen
        .get("/dang-nhap")
        .await
        .text()
        .contains("Đăng nhập bằng Định danh điện tử VNeID"));
    citizen.sign_in(DEMO_CITIZEN, "Demo@12345").await;
    let refused = citizen
        .post(&format!("/quan-tri/dinh-danh/{id}"), &fields)
        .await;
    assert_eq!(refused.status, 403);
}
