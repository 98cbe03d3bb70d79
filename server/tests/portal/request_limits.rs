//! Tracking PINs under concurrency, and the per-address limits on
//! registrations and reset requests, whose answers never tell who has an
//! account.

use crate::support;

use std::net::IpAddr;
use support::browser::Browser;
use support::dossiers::submit_birth;
use support::mailbox::wait_for_mail;
use support::parallel::{all_at_once, get};
use support::spawn_app;

const CITIZEN: &str = "congdan@motcua.example";
const PASSWORD: &str = "Demo@12345";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eighty_parallel_wrong_pins_on_the_page_and_the_api_get_five_checks() {
    let app = spawn_app().await;
    let mut citizen = Browser::new(&app);
    citizen.sign_in(CITIZEN, PASSWORD).await;
    let code = submit_birth(&app, &mut citizen).await;
    let pin: String = sqlx::query_scalar("SELECT pin FROM dossiers WHERE code = $1")
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let wrong = if pin == "000000" { "111111" } else { "000000" };

    let guesser: IpAddr = "203.0.113.66".parse().unwrap();
    let requests = (0..80)
        .map(|n| {
            if n % 2 == 0 {
                get(&format!("/tra-cuu?ma={code}&pin={wrong}"), guesser)
            } else {
                get(&format!("/api/v1/dossiers/{code}?pin={wrong}"), guesser)
            }
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    let checked: i64 =
        sqlx::query_scalar("SELECT count(*) FROM guess_attempts WHERE kind = 'tracking_pin'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(checked, 5, "five PINs checked, no more");
    let not_found = answers
        .iter()
        .filter(|(status, body)| status.as_u16() == 404 || body.contains("Không tìm thấy hồ sơ"))
        .count();
    assert_eq!(
        not_found, 5,
        "only the checked PINs were answered 'not found'"
    );

    // The right PIN waits too, from anywhere: the limit is the dossier's.
    let elsewhere: IpAddr = "198.51.100.9".parse().unwrap();
    let right = all_at_once(
        &app,
        vec![
            get(&format!("/tra-cuu?ma={code}&pin={pin}"), elsewhere),
            get(&format!("/api/v1/dossiers/{code}?pin={pin}"), elsewhere),
        ],
    )
    .await;
    assert!(
        right[0].1.contains("Bạn đã nhập sai nhiều lần"),
        "{}",
        right[0].1
    );
    assert_eq!(right[1].0.as_u16(), 429);
}

#[tokio::test]
async fn one_address_asking_for_many_reset_mails_is_slowed_down() {
    let app = spawn_app().await;
    let mut asker = Browser::new(&app);
    for n in 0..10 {
        let email = format!("ai{n}@example.vn");
        asker
            .post("/quen-mat-khau", &[("email", email.as_str())])
            .await;
    }
    let refused = asker.post("/quen-mat-khau", &[("email", CITIZEN)]).await;
    assert_eq!(refused.location(), "/quen-mat-khau");
    let page = asker.get("/quen-mat-khau").await;
    assert!(
        page.text().contains("Có quá nhiều yêu cầu"),
        "{}",
        page.text()
    );

    let mut elsewhere = Browser::new(&app);
    elsewhere.ip = "198.51.100.9".parse().unwrap();
    let answered = elsewhere
        .post("/quen-mat-khau", &[("email", CITIZEN)])
        .await;
    assert_eq!(answered.location(), "/dang-nhap");
    wait_for_mail(&app, CITIZEN, 0).await;
}

fn registration<'a>(citizen_id: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", "Nguyễn Thị Hoa"),
        ("citizen_id", citizen_id),
        ("date_of_birth", "15/03/1990"),
        ("email", email),
        ("phone", "0912 345 678"),
        ("password", "hoa sen nở muộn"),
        ("password_confirmation", "hoa sen nở muộn"),
        ("privacy_consent", "on"),
    ]
}

#[tokio::test]
async fn one_address_registering_many_accounts_is_slowed_down() {
    let app = spawn_app().await;
    let mut registrar = Browser::new(&app);
    for n in 0..10 {
        let citizen_id = format!("0011900123{n:02}");
        let email = format!("hoa{n}@example.vn");
        let response = registrar
            .post("/dang-ky", &registration(&citizen_id, &email))
            .await;
        assert_eq!(response.location(), "/dang-nhap");
    }
    let refused = registrar
        .post(
            "/dang-ky",
            &registration("001190012399", "hoa99@example.vn"),
        )
        .await;
    assert_eq!(refused.location(), "/dang-ky");
    let page = registrar.get("/dang-ky").await;
    assert!(
        page.text().contains("Có quá nhiều yêu cầu"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("hoa99@example.vn"),
        "what was typed is kept"
    );
}
