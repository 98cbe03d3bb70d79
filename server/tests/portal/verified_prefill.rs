//! Answers prefilled from a verified identity (name, CCCD, date of birth,
//! the permanent address): shown read-only with the reason, and kept by
//! the server whatever a post says; an account without a verified identity
//! prefills as before and may correct it.

use crate::support;
use support::back_office::{signed_in, CITIZEN};
use support::dossiers::BIRTH;
use support::spawn_app;

async fn draft_name(app: &support::TestApp, email: &str) -> serde_json::Value {
    sqlx::query_scalar!(
        r#"SELECT d.form_data->'applicant_name' AS "name!" FROM dossiers d JOIN users u ON u.id = d.applicant_id
           WHERE u.email = $1 AND d.status = 'draft'"#,
        email
    )
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_verified_identity_is_read_only_and_kept_whatever_is_posted() {
    let app = spawn_app().await;
    sqlx::query!(
        "UPDATE users SET identity_verified_at = now(), identity_source = 'national_identity',
                address_commune = '06685', address_street = 'Số 5, phố Lê Thánh Tông' WHERE email = $1",
        CITIZEN
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let mut citizen = signed_in(&app, CITIZEN).await;
    let page = citizen.get(BIRTH).await;
    let name_input = page
        .body
        .split("id=\"filing-applicant-name\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_default()
        .to_string();
    assert!(name_input.contains("readonly"), "{name_input}");
    assert!(
        name_input.contains("value=\"Vũ Thị Công Dân\""),
        "{name_input}"
    );
    assert!(page
        .text()
        .contains("Lấy từ tài khoản định danh điện tử đã xác thực, không sửa được."));
    // The phone is the account's, not a verified identity's: still open.
    let phone_input = page
        .body
        .split("id=\"filing-applicant-phone\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_default()
        .to_string();
    assert!(!phone_input.contains("readonly"), "{phone_input}");

    // The address is written out, not asked.
    assert!(
        page.text().contains("Số 5, phố Lê Thánh Tông, "),
        "{}",
        page.text()
    );
    assert!(!page
        .body
        .contains("name=\"applicant_address.street\" type=\"text\""));

    citizen
        .post(
            BIRTH,
            &[
                ("action", "save"),
                ("applicant_name", "Người Khác Hẳn"),
                ("applicant_address.province", "01"),
                ("applicant_address.street", "Nơi khác"),
            ],
        )
        .await;
    assert_eq!(draft_name(&app, CITIZEN).await, "Vũ Thị Công Dân");
    let street = sqlx::query_scalar!(
        r#"SELECT d.form_data->>'applicant_address.street' AS "street!" FROM dossiers d
           JOIN users u ON u.id = d.applicant_id WHERE u.email = $1 AND d.status = 'draft'"#,
        CITIZEN
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(street, "Số 5, phố Lê Thánh Tông");
}

#[tokio::test]
async fn an_unverified_account_prefills_and_may_correct() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let page = citizen.get(BIRTH).await;
    assert!(!page
        .text()
        .contains("Lấy từ tài khoản định danh điện tử đã xác thực"));
    citizen
        .post(
            BIRTH,
            &[("action", "save"), ("applicant_name", "Vũ Thị Công Dân B")],
        )
        .await;
    assert_eq!(draft_name(&app, CITIZEN).await, "Vũ Thị Công Dân B");
}
