//! A submitted dossier, as the demo citizen files it through the real routes.

use super::browser::Browser;
use super::uploads::{birth_document, upload, PDF};
use super::TestApp;

pub const BIRTH: &str = "/nop-ho-so/1.001193";

pub fn birth_answers() -> Vec<(&'static str, &'static str)> {
    vec![
        ("agency", "000.01.40.H34"),
        ("applicant_name", "Nguyễn Văn Công"),
        ("applicant_citizen_id", "022190001234"),
        ("applicant_birth_date", "15/03/1990"),
        ("applicant_phone", "0912345678"),
        ("applicant_address.province", "22"),
        ("applicant_address.commune", "06685"),
        ("applicant_address.street", "Số 5, phố Lê Thánh Tông"),
        ("relationship", "father"),
        ("child_name", "Nguyễn Minh Khang"),
        ("child_birth_date", "01/11/2026"),
        ("child_sex", "male"),
        ("child_ethnicity", "kinh"),
        ("child_nationality", "Việt Nam"),
        ("child_birth_place", "Bệnh viện Bãi Cháy"),
        ("mother_name", "Trần Thị Lan"),
        ("mother_birth_date", "20/05/1992"),
        ("mother_citizen_id", "022192004567"),
        ("has_father", "yes"),
        ("father_name", "Nguyễn Văn Công"),
        ("father_birth_date", "15/03/1990"),
        ("father_citizen_id", "022190001234"),
        ("oath", "on"),
    ]
}

/// Uploads the birth certificate from the hospital, then submits the birth
/// registration; returns the dossier code.
pub async fn submit_birth(app: &TestApp, browser: &mut Browser<'_>) -> String {
    let certificate = birth_document(app, "Giấy chứng sinh").await;
    let uploaded = upload(
        app,
        browser,
        certificate,
        "giay-chung-sinh.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    assert_eq!(
        uploaded.location(),
        format!("{BIRTH}#tai-lieu-{certificate}")
    );
    let mut fields = birth_answers();
    fields.push(("action", "submit"));
    let response = browser.post(BIRTH, &fields).await;
    let location = response.location();
    assert!(
        location.starts_with("/ho-so/000.01.40.H34-"),
        "submitted: {location}"
    );
    location.trim_start_matches("/ho-so/").to_string()
}

/// The total the check page asks to confirm with "Nộp hồ sơ"; `None` when
/// it does not offer to send (something is still missing).
pub fn fee_total(check_page: &str) -> Option<String> {
    check_page
        .split("name=\"fee_total\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(String::from)
}

/// Sends the draft from its check page (`check`, as read in `page`), as
/// "Nộp hồ sơ" does; where the portal sends the citizen next.
pub async fn send_from_check(browser: &mut Browser<'_>, check: &str, page: &str) -> String {
    let total = fee_total(page).expect("the check page offers “Nộp hồ sơ”");
    browser
        .post(check, &[("fee_total", &total)])
        .await
        .location()
}
