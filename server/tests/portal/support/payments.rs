//! Fees in tests: a dossier that owes one, the sandbox bank's choices, and
//! notifications delivered the way the bank's worker would.

use super::browser::{Browser, PORTAL};
use super::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::{header, Request};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What the sandbox bank signs with in tests (the development default).
pub const SANDBOX_SECRET: &str = "motcua-sandbox-gateway";

pub const BUSINESS: &str = "/nop-ho-so/1.001612";

/// Files a business household registration (lệ phí 100.000 đ, due with
/// the submission) at the demo ward; returns the dossier code.
pub async fn file_business(browser: &mut Browser<'_>) -> String {
    let fields = [
        ("agency", "000.01.40.H34"),
        ("applicant_name", "Vũ Thị Công Dân"),
        ("applicant_citizen_id", "022190001234"),
        ("applicant_birth_date", "12/05/1990"),
        ("applicant_phone", "0912345678"),
        ("applicant_address.province", "22"),
        ("applicant_address.commune", "06685"),
        ("applicant_address.street", "Số 5, phố Lê Thánh Tông"),
        ("business_name", "Hộ kinh doanh Cà phê Hạ Long"),
        ("business_address.province", "22"),
        ("business_address.commune", "06685"),
        ("business_address.street", "Số 12, phố Bến Đoan"),
        ("business_lines", "Kinh doanh đồ uống"),
        ("capital", "50000000"),
        ("employees", "2"),
        ("family_members", "no"),
        ("oath", "on"),
        ("action", "submit"),
    ];
    let response = browser.post(BUSINESS, &fields).await;
    let location = response.location();
    assert!(
        location.starts_with("/ho-so/000.01.40.H34-"),
        "submitted: {location} {}",
        response.text()
    );
    location.trim_start_matches("/ho-so/").to_string()
}

/// Starts paying `code` online; returns the payment reference and the
/// address of the sandbox bank's page the browser is sent to.
pub async fn start_payment(browser: &mut Browser<'_>, code: &str) -> (String, String) {
    let response = browser
        .post(&format!("/ho-so/{code}/thanh-toan"), &[])
        .await;
    let bank = response.location();
    assert!(
        bank.starts_with(&format!("{PORTAL}/cong-thanh-toan-thu-nghiem?")),
        "to the bank: {bank}"
    );
    let reference = form_urlencoded::parse(bank.split_once('?').unwrap().1.as_bytes())
        .find(|(key, _)| key == "ref")
        .map(|(_, value)| value.into_owned())
        .unwrap();
    (reference, bank.trim_start_matches(PORTAL).to_string())
}

/// Opens the bank's page and presses one of its buttons.
pub async fn choose_at_bank(
    browser: &mut Browser<'_>,
    bank_page: &str,
    reference: &str,
    outcome: &str,
) -> TestResponse {
    let page = browser.get(bank_page).await;
    assert_eq!(page.status, 200, "{}", page.body);
    browser
        .post(
            "/cong-thanh-toan-thu-nghiem/xac-nhan",
            &[("ref", reference), ("outcome", outcome)],
        )
        .await
}

/// The demo citizen files a business household registration and pays it
/// at the bank; the payment's reference and the notification the bank
/// queued, not yet delivered.
pub async fn paid_at_bank(app: &TestApp) -> (String, String) {
    let mut citizen = super::back_office::signed_in(app, super::back_office::CITIZEN).await;
    let code = file_business(&mut citizen).await;
    let (reference, bank) = start_payment(&mut citizen, &code).await;
    choose_at_bank(&mut citizen, &bank, &reference, "success").await;
    let body = queued_notification(app, &reference).await;
    (reference, body)
}

/// The bank's signature, computed here from the secret.
pub fn sandbox_signature(body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SANDBOX_SECRET.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// What the bank queued for the merchant about `reference`.
pub async fn queued_notification(app: &TestApp, reference: &str) -> String {
    sqlx::query_scalar(
        "SELECT body FROM sandbox_gateway_deliveries WHERE reference = $1 ORDER BY id LIMIT 1",
    )
    .bind(reference)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// Posts a notification as the bank's servers do: no browser headers.
pub async fn notify(app: &TestApp, body: &str, signature: &str) -> serde_json::Value {
    let response = app
        .request(
            Request::post(format!(
                "/api/v1/payments/sandbox/ipn?signature={signature}"
            ))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()
}

pub async fn payment_status(app: &TestApp, reference: &str) -> String {
    sqlx::query_scalar("SELECT status FROM payments WHERE reference = $1")
        .bind(reference)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}
