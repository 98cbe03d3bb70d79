//! Where an account is signed in (`/tai-khoan/phien`): each session with
//! its device, address and times; its owner ends any of them, or all the
//! others, and an administrator ends all of an official's. An ended
//! session is refused from its very next request.

use crate::support;
use std::net::IpAddr;
use support::back_office::{signed_in, CITIZEN, LEADER, PASSWORD, RECEPTION, SPECIALIST};
use support::browser::Browser;
use support::{spawn_app, TestApp};

const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const ADMIN: &str = "quantri@motcua.example";

/// `email` signed in from a device at an address.
async fn on_device<'a>(
    app: &'a TestApp,
    email: &str,
    agent: &'static str,
    ip: &str,
) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.user_agent = Some(agent);
    browser.ip = ip.parse::<IpAddr>().unwrap();
    browser.sign_in(email, PASSWORD).await;
    browser
}

async fn session_from(app: &TestApp, address: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM user_sessions WHERE address = $1 ORDER BY id DESC LIMIT 1")
        .bind(address)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn is_signed_out(browser: &mut Browser<'_>) -> bool {
    browser
        .get("/tai-khoan")
        .await
        .location()
        .starts_with("/dang-nhap")
}

#[tokio::test]
async fn a_citizen_sees_where_they_are_signed_in_and_ends_a_session_elsewhere() {
    let app = spawn_app().await;
    let mut phone = on_device(&app, CITIZEN, IPHONE, "203.0.113.20").await;
    let mut laptop = on_device(&app, CITIZEN, WINDOWS, "198.51.100.7").await;

    let list = laptop.get("/tai-khoan/phien").await.text();
    for shown in [
        "Safari trên iPhone",
        "203.0.113.20",
        "Chrome trên Windows",
        "198.51.100.7",
    ] {
        assert!(list.contains(shown), "{shown}: {list}");
    }
    assert_eq!(list.matches("Thiết bị này").count(), 1);
    assert!(
        list.find("Chrome trên Windows") < list.find("Safari trên iPhone"),
        "the session in use first"
    );
    assert!(laptop
        .get("/tai-khoan")
        .await
        .text()
        .contains("Phiên đăng nhập trên các thiết bị"));

    let id = session_from(&app, "203.0.113.20").await;
    let ended = laptop
        .post(&format!("/tai-khoan/phien/{id}/ket-thuc"), &[])
        .await;
    assert_eq!(ended.location(), "/tai-khoan/phien");
    let list = laptop.get("/tai-khoan/phien").await.text();
    assert!(
        list.contains("Đã kết thúc phiên đăng nhập trên Safari trên iPhone."),
        "{list}"
    );
    assert!(!list.contains("203.0.113.20"), "no longer listed");
    assert!(
        is_signed_out(&mut phone).await,
        "the phone is signed out at once"
    );
    assert!(!is_signed_out(&mut laptop).await);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'session_ended' AND detail ->> 'session' = $1",
    )
    .bind(id.to_string())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn nobody_ends_another_persons_session() {
    let app = spawn_app().await;
    let mut citizen = on_device(&app, CITIZEN, IPHONE, "203.0.113.21").await;
    let id = session_from(&app, "203.0.113.21").await;
    let mut official = signed_in(&app, RECEPTION).await;
    let refused = official
        .post(&format!("/tai-khoan/phien/{id}/ket-thuc"), &[])
        .await;
    assert_eq!(refused.status.as_u16(), 404);
    assert!(!official
        .get("/tai-khoan/phien")
        .await
        .text()
        .contains("203.0.113.21"));
    assert!(!is_signed_out(&mut citizen).await, "still signed in");
}

#[tokio::test]
async fn signing_out_of_the_other_devices_keeps_this_one_and_ending_this_one_signs_out() {
    let app = spawn_app().await;
    let mut here = on_device(&app, CITIZEN, WINDOWS, "198.51.100.8").await;
    let mut second = on_device(&app, CITIZEN, IPHONE, "203.0.113.22").await;
    let mut third = on_device(&app, CITIZEN, IPHONE, "203.0.113.23").await;
    here.post("/tai-khoan/phien/ket-thuc-khac", &[]).await;
    let list = here.get("/tai-khoan/phien").await.text();
    assert!(
        list.contains("Đã đăng xuất khỏi 2 thiết bị khác."),
        "{list}"
    );
    assert!(list.contains("Tài khoản không đăng nhập trên thiết bị nào khác."));
    assert!(is_signed_out(&mut second).await && is_signed_out(&mut third).await);

    let id = session_from(&app, "198.51.100.8").await;
    let ended = here
        .post(&format!("/tai-khoan/phien/{id}/ket-thuc"), &[])
        .await;
    assert_eq!(ended.location(), "/");
    assert!(is_signed_out(&mut here).await);

    // Signing out ends the session's row too.
    let mut again = on_device(&app, CITIZEN, WINDOWS, "198.51.100.9").await;
    again.post("/dang-xuat", &[]).await;
    let open: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id
         WHERE u.email = $1 AND s.ended_at IS NULL",
    )
    .bind(CITIZEN)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(open, 0);
}

#[tokio::test]
async fn an_administrator_ends_every_session_of_an_official() {
    let app = spawn_app().await;
    let mut office = on_device(&app, SPECIALIST, WINDOWS, "198.51.100.10").await;
    let mut home = on_device(&app, SPECIALIST, IPHONE, "203.0.113.24").await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(SPECIALIST)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let path = format!("/quan-tri/nguoi-dung/{id}/ket-thuc-phien");

    // A leader does not administer accounts.
    let mut leader = signed_in(&app, LEADER).await;
    assert_eq!(leader.post(&path, &[]).await.status.as_u16(), 403);
    assert!(!is_signed_out(&mut office).await);

    let mut admin = signed_in(&app, ADMIN).await;
    let page = admin
        .get(&format!("/quan-tri/nguoi-dung/{id}"))
        .await
        .text();
    assert!(page.contains("Kết thúc mọi phiên đăng nhập"), "{page}");
    let ended = admin.post(&path, &[]).await;
    assert_eq!(ended.location(), format!("/quan-tri/nguoi-dung/{id}"));
    assert!(admin
        .get(&ended.location())
        .await
        .text()
        .contains("Đã kết thúc 2 phiên đăng nhập của"));
    assert!(is_signed_out(&mut office).await && is_signed_out(&mut home).await);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'account_sessions_ended'
         AND detail ->> 'official' = $1 AND detail ->> 'ended' = '2'",
    )
    .bind(id.to_string())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    // They sign in again as before.
    let mut back = on_device(&app, SPECIALIST, WINDOWS, "198.51.100.11").await;
    assert!(!is_signed_out(&mut back).await);
}
