//! Password guessing under concurrency: every attempt is counted before the
//! password is checked, so a burst of parallel guesses gets no more checks
//! than the limit, whichever way the account is named and from wherever.

use crate::support;

use std::net::IpAddr;
use support::browser::Browser;
use support::mailbox::{token_in, wait_for_mail};
use support::parallel::{address, all_at_once, form_post};
use support::{spawn_app, TestApp};

const CITIZEN: &str = "congdan@motcua.example";
const CITIZEN_ID: &str = "022 190 001 234";
const PASSWORD: &str = "Demo@12345";
const ATTACKER: [u8; 4] = [203, 0, 113, 66];

fn wrong_sign_in(identifier: &str, ip: IpAddr) -> axum::http::Request<axum::body::Body> {
    form_post(
        "/dang-nhap",
        &[("identifier", identifier), ("password", "đoán bừa 123")],
        ip,
        None,
    )
}

/// Passwords actually checked: every check of a wrong one is audited.
async fn wrong_passwords_checked(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn attempts_counted(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM guess_attempts WHERE kind = 'password'")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Signs in and says whether it worked (a refusal sends back to the form).
async fn signs_in(browser: &mut Browser<'_>, identifier: &str, password: &str) -> bool {
    let response = browser
        .post(
            "/dang-nhap",
            &[("identifier", identifier), ("password", password)],
        )
        .await;
    response.location() == "/ho-so"
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eighty_parallel_guesses_get_five_checks_and_then_even_the_password_waits() {
    let app = spawn_app().await;
    let ip = IpAddr::from(ATTACKER);
    let answers = all_at_once(&app, (0..80).map(|_| wrong_sign_in(CITIZEN, ip)).collect()).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    assert_eq!(wrong_passwords_checked(&app).await, 5, "the limit is five");
    assert_eq!(attempts_counted(&app).await, 5);
    let throttled: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_throttled'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(throttled, 75, "the rest were turned away unchecked");

    let mut same_address = Browser::new(&app);
    same_address.ip = ip;
    assert!(!signs_in(&mut same_address, CITIZEN, PASSWORD).await);
    let page = same_address.get("/dang-nhap").await;
    assert!(
        page.text().contains("vui lòng thử lại sau 1 phút"),
        "{}",
        page.text()
    );
    assert_eq!(wrong_passwords_checked(&app).await, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_email_and_the_citizen_id_share_one_limit() {
    let app = spawn_app().await;
    let ip = IpAddr::from(ATTACKER);
    let requests = (0..80)
        .map(|n| wrong_sign_in(if n % 2 == 0 { CITIZEN } else { CITIZEN_ID }, ip))
        .collect();
    all_at_once(&app, requests).await;
    assert_eq!(wrong_passwords_checked(&app).await, 5);

    let mut same_address = Browser::new(&app);
    same_address.ip = ip;
    assert!(!signs_in(&mut same_address, "CongDan@MotCua.example", PASSWORD).await);
    assert!(!signs_in(&mut same_address, "022190001234", PASSWORD).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guesses_from_many_addresses_slow_the_owner_down_for_a_minute_at_most() {
    let app = spawn_app().await;
    let requests = (0..80)
        .map(|n| wrong_sign_in(CITIZEN, address(n)))
        .collect();
    all_at_once(&app, requests).await;
    assert_eq!(
        wrong_passwords_checked(&app).await,
        20,
        "twenty free failures per account from anywhere"
    );

    let mut owner = Browser::new(&app);
    owner.ip = "198.51.100.7".parse().unwrap();
    assert!(!signs_in(&mut owner, CITIZEN, PASSWORD).await);
    assert!(owner
        .get("/dang-nhap")
        .await
        .text()
        .contains("vui lòng thử lại sau 1 phút"));

    // A minute later (the stored times moved back), the owner gets in, while
    // the guessers' own addresses stay slowed down for longer.
    sqlx::query("UPDATE guess_attempts SET attempted_at = attempted_at - interval '61 seconds'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(signs_in(&mut owner, CITIZEN, PASSWORD).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guesses_from_one_address_do_not_slow_the_owner_elsewhere() {
    let app = spawn_app().await;
    let ip = IpAddr::from(ATTACKER);
    all_at_once(&app, (0..80).map(|_| wrong_sign_in(CITIZEN, ip)).collect()).await;
    let mut owner = Browser::new(&app);
    owner.ip = "198.51.100.7".parse().unwrap();
    assert!(signs_in(&mut owner, CITIZEN, PASSWORD).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_password_reset_lifts_the_lock_at_once() {
    let app = spawn_app().await;
    let ip = IpAddr::from(ATTACKER);
    let mut requests: Vec<_> = (0..40).map(|_| wrong_sign_in(CITIZEN, ip)).collect();
    requests.extend((0..40).map(|n| wrong_sign_in(CITIZEN, address(n))));
    all_at_once(&app, requests).await;
    // The owner shares the attacker's address (an office behind one router).
    let mut owner = Browser::new(&app);
    owner.ip = ip;
    assert!(!signs_in(&mut owner, CITIZEN, PASSWORD).await);

    owner.post("/quen-mat-khau", &[("email", CITIZEN)]).await;
    let (_, mail) = wait_for_mail(&app, CITIZEN, 0).await;
    let token = token_in(&mail, "/dat-lai-mat-khau");
    let reset = owner
        .post(
            "/dat-lai-mat-khau",
            &[
                ("token", token.as_str()),
                ("password", "mây trắng bay xa"),
                ("password_confirmation", "mây trắng bay xa"),
            ],
        )
        .await;
    assert_eq!(reset.location(), "/dang-nhap");
    assert!(signs_in(&mut owner, CITIZEN, "mây trắng bay xa").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eighty_parallel_current_password_checks_get_five() {
    let app = spawn_app().await;
    let mut owner = Browser::new(&app);
    owner.sign_in(CITIZEN, PASSWORD).await;
    let cookie = owner.session_cookie().unwrap();
    let hash_before: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
            .bind(CITIZEN)
            .fetch_one(&app.pool)
            .await
            .unwrap();

    let change = |current: &str| {
        form_post(
            "/tai-khoan/mat-khau",
            &[
                ("current_password", current),
                ("password", "mây trắng bay xa"),
                ("password_confirmation", "mây trắng bay xa"),
            ],
            owner.ip,
            Some(&cookie),
        )
    };
    all_at_once(&app, (0..80).map(|_| change("đoán bừa 123")).collect()).await;
    assert_eq!(attempts_counted(&app).await, 5, "five checks, no more");

    // The right current password is refused too while the limit holds.
    all_at_once(&app, vec![change(PASSWORD)]).await;
    let hash_after: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
        .bind(CITIZEN)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(hash_before, hash_after, "the password did not change");
    let page = owner.get("/tai-khoan").await;
    assert!(
        page.text().contains("vui lòng thử lại sau"),
        "{}",
        page.text()
    );
}
