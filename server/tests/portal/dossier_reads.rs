//! Who opened a dossier (Law 91/2025/QH15): every official's opening of a
//! dossier or one of its files is in the audit log, and its applicant sees
//! who and when on the dossier's page; an official refused the dossier
//! leaves no reading, and the applicant's own readings are not listed.

use crate::support;
use support::back_office::*;
use support::spawn_app;

async fn reads(app: &support::TestApp, code: &str) -> Vec<(String, Option<i64>)> {
    sqlx::query_as(
        "SELECT u.email, (l.detail ->> 'file')::int8 FROM audit_log l JOIN users u ON u.id = l.user_id
         WHERE l.action = 'dossier_read' AND l.detail ->> 'dossier' = $1 ORDER BY l.id",
    )
    .bind(code)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_applicant_sees_which_officials_opened_their_dossier_and_its_files() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = support::dossiers::submit_birth(&app, &mut citizen).await;
    let page = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(page.contains("Cán bộ đã xem hồ sơ"), "{page}");
    assert!(page.contains("Chưa có cán bộ nào mở hồ sơ."));
    let file: i64 = sqlx::query_scalar(
        "SELECT a.file_id FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id
         WHERE d.code = $1 LIMIT 1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    // The applicant's own readings are not officials' readings.
    assert_eq!(citizen.get(&format!("/tep/{file}")).await.status, 200);
    assert!(reads(&app, &code).await.is_empty());

    // An official of another commune is refused: nothing read, nothing kept.
    let mut outsider = signed_in(&app, official_elsewhere(&app).await).await;
    outsider.get(&format!("/can-bo/ho-so/{code}")).await;
    assert_eq!(outsider.get(&format!("/tep/{file}")).await.status, 404);
    assert!(reads(&app, &code).await.is_empty());

    let mut reception = signed_in(&app, RECEPTION).await;
    let opened = reception.get(&format!("/can-bo/ho-so/{code}")).await;
    assert_eq!(opened.status, 200);
    assert_eq!(reception.get(&format!("/tep/{file}/xem")).await.status, 200);
    assert_eq!(
        reads(&app, &code).await,
        [
            (RECEPTION.to_string(), None),
            (RECEPTION.to_string(), Some(file))
        ]
    );

    let page = citizen.get(&format!("/ho-so/{code}")).await.text();
    let name: String = sqlx::query_scalar("SELECT full_name FROM users WHERE email = $1")
        .bind(RECEPTION)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(!page.contains("Chưa có cán bộ nào mở hồ sơ."));
    assert_eq!(page.matches(name.as_str()).count(), 2, "{page}");
    assert!(
        page.contains("Một giấy tờ"),
        "the file read is listed as a document"
    );
}
