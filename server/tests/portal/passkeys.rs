//! Passkeys as officials' second factor, written from the rules (issue 22
//! item 4; WebAuthn Level 3): a passkey can be an official's only factor
//! (and then comes with recovery codes); signing in with one needs a fresh
//! challenge of the portal's, answered once, by a passkey of that account;
//! answers draw on the same attempt limit as codes, in parallel too;
//! factors change only right after a check, and the last one a role needs
//! stays. Driven by a software authenticator, without a browser.

use crate::support;

use support::back_office::{new_official, PASSWORD};
use support::browser::Browser;
use support::parallel::{address, all_at_once, form_post};
use support::passkeys::SoftKey;
use support::second_factor::{audited, password_step, recovery_codes_on};
use support::{spawn_app, TestApp};

const PAGE: &str = "/tai-khoan/xac-thuc-hai-buoc";

/// A new receptionist of the demo ward who added `key` as their only
/// factor, signed in on the browser returned.
async fn receptionist_with_passkey<'a>(
    app: &'a TestApp,
    email: &str,
    key: &mut SoftKey,
) -> Browser<'a> {
    new_official(app, email, "reception").await;
    let mut browser = Browser::new(app);
    let signed_in = browser
        .post(
            "/dang-nhap",
            &[("identifier", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(signed_in.location(), PAGE, "asked to set up a factor");
    let added = browser.add_passkey(key, "Máy tính cơ quan").await;
    assert_eq!(added.location(), PAGE);
    browser
}

#[tokio::test]
async fn a_receptionist_with_only_a_passkey_reaches_the_inbox_and_signs_in_with_it() {
    let app = spawn_app().await;
    let email = "tiepnhan.khoa@example.vn";
    let mut key = SoftKey::new();
    let mut browser = receptionist_with_passkey(&app, email, &mut key).await;
    let page = browser.get(PAGE).await.text();
    assert!(
        page.contains("Máy tính cơ quan") && page.contains("Chưa dùng"),
        "{page}"
    );
    assert_eq!(
        recovery_codes_on(&page).len(),
        10,
        "a first factor comes with ten recovery codes: {page}"
    );
    assert!(
        browser.get("/can-bo").await.status.is_success(),
        "the roles count now"
    );

    browser.post("/dang-xuat", &[]).await;
    password_step(&mut browser, email).await;
    assert!(browser
        .get("/can-bo")
        .await
        .location()
        .starts_with("/dang-nhap"));
    let answer = browser.passkey_answer(&mut key).await;
    let signed_in = browser.post("/dang-nhap/xac-thuc", &answer.fields()).await;
    assert_eq!(signed_in.location(), "/can-bo");
    assert!(browser.get("/can-bo").await.status.is_success());
    let method: String = sqlx::query_scalar(
        "SELECT detail->>'second_factor' FROM audit_log WHERE action = 'sign_in' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(method, "passkey");
    assert!(
        !browser.get(PAGE).await.text().contains("Chưa dùng"),
        "its last use is shown"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_passkey_answer_sent_five_times_at_once_signs_in_exactly_one() {
    let app = spawn_app().await;
    let email = "tiepnhan.nam@example.vn";
    let mut key = SoftKey::new();
    let mut browser = receptionist_with_passkey(&app, email, &mut key).await;
    browser.post("/dang-xuat", &[]).await;
    password_step(&mut browser, email).await;
    let answer = browser.passkey_answer(&mut key).await;
    let cookie = browser.session_cookie().unwrap();
    let before = audited(&app, "sign_in").await;
    let requests = (0..5)
        .map(|_| {
            form_post(
                "/dang-nhap/xac-thuc",
                &answer.fields(),
                address(7),
                Some(&cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    assert_eq!(
        audited(&app, "sign_in").await - before,
        1,
        "exactly one sign-in"
    );
    assert_eq!(
        audited(&app, "second_factor_failed").await,
        4,
        "the challenge answers once"
    );
}

#[tokio::test]
async fn another_accounts_challenge_a_forged_signature_and_garbage_are_refused() {
    let app = spawn_app().await;
    let email = "tiepnhan.sau@example.vn";
    let mut key = SoftKey::new();
    let mut browser = receptionist_with_passkey(&app, email, &mut key).await;
    browser.post("/dang-xuat", &[]).await;

    // A second official with a passkey of their own.
    let other_email = "tiepnhan.bay@example.vn";
    let mut other_key = SoftKey::new();
    let mut other = receptionist_with_passkey(&app, other_email, &mut other_key).await;

    password_step(&mut browser, email).await;
    let refused = |response: support::TestResponse| {
        assert_eq!(response.location(), "/dang-nhap/xac-thuc", "not signed in");
    };
    // The other official's good answer, to their own challenge, posted on
    // this sign-in: the challenge belongs to another account.
    let theirs = other.passkey_answer(&mut other_key).await;
    refused(browser.post("/dang-nhap/xac-thuc", &theirs.fields()).await);
    // This account's challenge with a forged signature.
    let mut forged = browser.passkey_answer(&mut key).await;
    let mut signed: serde_json::Value = serde_json::from_str(&forged.answer).unwrap();
    signed["response"]["signature"] =
        serde_json::json!("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    forged.answer = signed.to_string();
    refused(browser.post("/dang-nhap/xac-thuc", &forged.fields()).await);
    // Garbage in the answer field.
    refused(
        browser
            .post(
                "/dang-nhap/xac-thuc",
                &[("passkey_challenge", "x"), ("passkey_answer", "{not json")],
            )
            .await,
    );
    assert_eq!(audited(&app, "second_factor_failed").await, 3);
    // Nothing spent the account's good answers: one still signs in.
    let good = browser.passkey_answer(&mut key).await;
    assert_eq!(
        browser
            .post("/dang-nhap/xac-thuc", &good.fields())
            .await
            .location(),
        "/can-bo"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_parallel_bad_answers_get_five_checks_like_codes() {
    let app = spawn_app().await;
    let email = "tiepnhan.tam@example.vn";
    let mut key = SoftKey::new();
    let mut browser = receptionist_with_passkey(&app, email, &mut key).await;
    browser.post("/dang-xuat", &[]).await;
    password_step(&mut browser, email).await;
    let cookie = browser.session_cookie().unwrap();
    let requests = (0..30)
        .map(|n| {
            let challenge = n.to_string();
            form_post(
                "/dang-nhap/xac-thuc",
                &[("passkey_challenge", &challenge), ("passkey_answer", "{}")],
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
}

#[tokio::test]
async fn factors_change_only_after_a_recent_check_and_the_last_one_a_role_needs_stays() {
    let app = spawn_app().await;
    let email = "tiepnhan.chin@example.vn";
    let mut office = SoftKey::new();
    let mut browser = receptionist_with_passkey(&app, email, &mut office).await;
    let mut phone = SoftKey::new();
    assert_eq!(
        browser
            .add_passkey(&mut phone, "Điện thoại")
            .await
            .location(),
        PAGE
    );
    let ids = passkey_ids(&app, email).await;
    assert_eq!(ids.len(), 2);

    // Sixteen minutes on: removing waits for a check.
    app.clock()
        .set(app.clock().now() + chrono::Duration::minutes(16));
    let remove = |id: i64| format!("{PAGE}/khoa-truy-cap/{id}/xoa");
    assert_eq!(browser.post(&remove(ids[1]), &[]).await.location(), PAGE);
    let page = browser.get(PAGE).await.text();
    assert!(page.contains("hãy xác thực lại"), "{page}");
    assert_eq!(audited(&app, "passkey_removed").await, 0);
    let answer = browser.passkey_answer(&mut office).await;
    let checked = browser
        .post(&format!("{PAGE}/kiem-tra"), &answer.fields())
        .await;
    assert_eq!(
        checked.location(),
        PAGE,
        "back to the factors after the check"
    );

    assert_eq!(browser.post(&remove(ids[1]), &[]).await.location(), PAGE);
    assert_eq!(audited(&app, "passkey_removed").await, 1);
    assert!(browser
        .get(PAGE)
        .await
        .text()
        .contains("Đã xoá khoá truy cập “Điện thoại”"));
    // The last factor of a receptionist stays.
    browser.post(&remove(ids[0]), &[]).await;
    assert!(browser
        .get(PAGE)
        .await
        .text()
        .contains("đây là cách xác thực duy nhất còn lại"));
    assert_eq!(audited(&app, "passkey_removed").await, 1);
    // Nor can another account's passkey be removed by id.
    let mut other = Browser::new(&app);
    other.sign_in("tiepnhan@motcua.example", PASSWORD).await;
    other.post(&remove(ids[0]), &[]).await;
    assert_eq!(audited(&app, "passkey_removed").await, 1);
}

#[tokio::test]
async fn a_sensitive_action_takes_a_passkey_instead_of_the_code() {
    let app = spawn_app().await;
    let admin_email = "quantri@motcua.example";
    let mut admin = Browser::new(&app);
    admin.sign_in(admin_email, PASSWORD).await;
    let mut key = SoftKey::new();
    assert_eq!(
        admin.add_passkey(&mut key, "Khoá USB").await.location(),
        PAGE
    );
    app.clock()
        .set(app.clock().now() + chrono::Duration::minutes(16));
    let manager = app.user_id("quanly@motcua.example").await.to_string();
    let answer = admin.passkey_answer(&mut key).await;
    let mut fields = vec![
        ("purpose", "reports"),
        ("owner", manager.as_str()),
        ("label", "Báo cáo quý"),
    ];
    fields.extend(answer.fields());
    assert_eq!(admin.post("/quan-tri/ma-api", &fields).await.status, 303);
    let tokens: i64 = sqlx::query_scalar("SELECT count(*) FROM api_tokens")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 1, "issued on the passkey's answer");
    let method: String = sqlx::query_scalar(
        "SELECT detail->>'method' FROM audit_log WHERE action = 'second_factor_checked'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(method, "passkey");
}

async fn passkey_ids(app: &TestApp, email: &str) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT p.id FROM passkeys p JOIN users u ON u.id = p.user_id WHERE u.email = $1 ORDER BY p.id",
    )
    .bind(email)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_new_passkey_sent_three_times_at_once_is_added_once() {
    let app = spawn_app().await;
    let email = "tiepnhan.muoi@example.vn";
    let mut office = SoftKey::new();
    let mut browser = receptionist_with_passkey(&app, email, &mut office).await;
    let mut phone = SoftKey::new();
    let made = browser.passkey_registration(&mut phone).await;
    let [challenge, answer] = made.fields();
    let cookie = browser.session_cookie().unwrap();
    let requests = (0..3)
        .map(|_| {
            form_post(
                "/tai-khoan/xac-thuc-hai-buoc/khoa-truy-cap",
                &[("name", "Điện thoại"), challenge, answer],
                address(11),
                Some(&cookie),
            )
        })
        .collect();
    all_at_once(&app, requests).await;
    assert_eq!(
        passkey_ids(&app, email).await.len(),
        2,
        "the office key and one phone"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn removing_both_passkeys_at_once_leaves_the_one_the_role_needs() {
    let app = spawn_app().await;
    let email = "tiepnhan.muoimot@example.vn";
    let mut office = SoftKey::new();
    let mut browser = receptionist_with_passkey(&app, email, &mut office).await;
    let mut phone = SoftKey::new();
    assert_eq!(
        browser
            .add_passkey(&mut phone, "Điện thoại")
            .await
            .location(),
        PAGE
    );
    let ids = passkey_ids(&app, email).await;
    let cookie = browser.session_cookie().unwrap();
    let requests = ids
        .iter()
        .map(|id| {
            form_post(
                &format!("{PAGE}/khoa-truy-cap/{id}/xoa"),
                &[],
                address(12),
                Some(&cookie),
            )
        })
        .collect();
    all_at_once(&app, requests).await;
    assert_eq!(
        passkey_ids(&app, email).await.len(),
        1,
        "exactly one removed"
    );
    assert_eq!(audited(&app, "passkey_removed").await, 1);
}
