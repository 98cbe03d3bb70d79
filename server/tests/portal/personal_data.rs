//! Everything the portal holds about a person, as one JSON file they
//! download (Law 91/2025/QH15): their account without the password's
//! hash, their dossiers with their history, files (without where they lie),
//! sessions, what they did and who opened their dossiers — and nobody
//! else's data.

use crate::support;
use support::back_office::*;
use support::spawn_app;

#[tokio::test]
async fn a_citizen_downloads_everything_the_portal_holds_about_them() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = support::dossiers::submit_birth(&app, &mut citizen).await;
    // The reception opens it: the citizen will see that reading.
    let mut reception = signed_in(&app, RECEPTION).await;
    reception.get(&format!("/can-bo/ho-so/{code}")).await;

    let page = citizen.get("/tai-khoan/du-lieu").await.text();
    assert!(page.contains("Tải về dữ liệu (JSON)"), "{page}");
    assert!(citizen
        .get("/tai-khoan")
        .await
        .text()
        .contains("Dữ liệu cá nhân của bạn"));

    let download = citizen.get("/tai-khoan/du-lieu.json").await;
    assert_eq!(download.status, 200);
    assert!(download
        .header("content-disposition")
        .starts_with("attachment"));
    assert_eq!(download.header("cache-control"), "no-store");
    assert!(!download.body.contains("password_hash") && !download.body.contains("$argon2"));
    assert!(!download.body.contains("storage_key"));
    let data: serde_json::Value = serde_json::from_slice(&download.bytes).unwrap();
    assert_eq!(data["account"]["email"], CITIZEN);
    let me = data["account"]["id"].as_i64().unwrap();
    let dossiers = data["dossiers"].as_array().unwrap();
    let mine: i64 = sqlx::query_scalar("SELECT count(*) FROM dossiers WHERE applicant_id = $1")
        .bind(me)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(dossiers.len() as i64, mine, "every dossier of theirs");
    assert!(
        dossiers.iter().all(|d| d["applicant_id"] == me),
        "nobody else's"
    );
    assert!(dossiers
        .iter()
        .any(|d| d["code"] == code.as_str() && d["procedure"].is_string()));
    assert!(!data["dossier_history"].as_array().unwrap().is_empty());
    assert!(data["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["original_name"] == "giay-chung-sinh.pdf"));
    assert!(!data["sessions"].as_array().unwrap().is_empty());
    let audit = data["audit_log"].as_array().unwrap();
    assert!(audit.iter().any(|entry| entry["action"] == "sign_in"));
    assert!(
        audit.iter().any(|entry| entry["action"] == "dossier_read"
            && entry["detail"]["dossier"] == code.as_str()),
        "the reception's opening of their dossier"
    );
    // No official's own doings beyond reading their dossier.
    assert!(audit
        .iter()
        .all(|entry| entry["user_id"] == me || entry["action"] == "dossier_read"));
    let exported: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'personal_data_exported' AND user_id = $1",
    )
    .bind(me)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(exported, 1);

    // Signed out: sent to sign in, nothing given.
    let mut stranger = support::browser::Browser::new(&app);
    let refused = stranger.get("/tai-khoan/du-lieu.json").await;
    assert!(refused.location().starts_with("/dang-nhap"));
}
