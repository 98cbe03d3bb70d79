//! Who may do what in the back office, through its real routes: every
//! action refused to the wrong role or agency, officials seeing only their
//! agencies' dossiers and files, and the inbox's deadline marks.

use crate::support;

use support::back_office::*;
use support::spawn_app;

/// An official of another commune, with every back-office role there.
#[tokio::test]
async fn every_action_is_refused_to_the_wrong_role_or_agency() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let elsewhere = official_elsewhere(&app).await;
    // Who may not accept a submitted dossier: everyone but its reception.
    for (email, expected) in [
        (SPECIALIST, "Bạn không có quyền"),
        (LEADER, "Bạn không có quyền"),
        (MANAGER, "Bạn không có quyền"),
        (elsewhere, "Bạn không có quyền"),
    ] {
        let mut official = signed_in(&app, email).await;
        let page = act(&app, &mut official, &code, "accept", &[]).await;
        assert_eq!(
            status_and_version(&app, &code).await.0,
            "submitted",
            "{email}"
        );
        if email != elsewhere {
            assert!(page.contains(expected), "{email}: {page}");
        } else {
            assert!(
                !page.contains(&code) || page.contains("Không tìm thấy"),
                "{email} sees nothing"
            );
        }
    }
    // The citizen cannot act as an official on their own dossier.
    let mut citizen = signed_in(&app, CITIZEN).await;
    let (_, version) = status_and_version(&app, &code).await;
    citizen
        .post(
            &format!("/can-bo/ho-so/{code}/thao-tac"),
            &[("action", "accept"), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(status_and_version(&app, &code).await.0, "submitted");

    // A specialist acts only on a dossier assigned to them.
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    let mut specialist = signed_in(&app, SPECIALIST).await;
    act(&app, &mut specialist, &code, "propose", &[]).await;
    assert_eq!(status_and_version(&app, &code).await.0, "received");
    // Only specialists of the dossier's agency can be assigned.
    let stranger: String = sqlx::query_scalar("SELECT id::text FROM users WHERE email = $1")
        .bind(elsewhere)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let page = act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &stranger)],
    )
    .await;
    assert!(
        page.contains("Chọn một chuyên viên của cơ quan xử lý hồ sơ."),
        "{page}"
    );
    // An action the state does not allow is refused in words.
    let page = act(&app, &mut reception, &code, "return", &[]).await;
    assert!(
        page.contains("Không thể “Trả kết quả” khi hồ sơ đang ở trạng thái “Đã tiếp nhận”"),
        "{page}"
    );
}

#[tokio::test]
async fn officials_see_only_their_agencies_dossiers_and_files() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let file: i64 = sqlx::query_scalar(
        "SELECT a.file_id FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();

    let mut reception = signed_in(&app, RECEPTION).await;
    assert_eq!(
        reception.get(&format!("/can-bo/ho-so/{code}")).await.status,
        200
    );
    assert_eq!(reception.get(&format!("/tep/{file}")).await.status, 200);
    // Viewed in the browser rather than saved, still in a sandbox of its own.
    let viewed = reception.get(&format!("/tep/{file}/xem")).await;
    assert_eq!(viewed.status, 200);
    assert!(viewed.header("content-disposition").starts_with("inline;"));
    // A PDF: the browser's viewer, and nothing else, may run (Chromium's
    // viewer refuses a sandboxed document).
    assert_eq!(
        viewed.header("content-security-policy"),
        "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    );
    assert_eq!(viewed.header("content-type"), "application/pdf");
    assert_eq!(viewed.header("x-content-type-options"), "nosniff");
    assert!(reception
        .get(&format!("/can-bo/ho-so/{code}"))
        .await
        .body
        .contains(&format!("/tep/{file}/xem")));
    // The province manager's scope includes the commune below.
    let mut manager = signed_in(&app, MANAGER).await;
    assert!(manager
        .get("/can-bo?hang=tat-ca")
        .await
        .text()
        .contains(&code));

    let elsewhere = official_elsewhere(&app).await;
    let mut stranger = signed_in(&app, elsewhere).await;
    assert!(!stranger
        .get("/can-bo?hang=tat-ca")
        .await
        .text()
        .contains(&code));
    assert_eq!(
        stranger.get(&format!("/can-bo/ho-so/{code}")).await.status,
        404
    );
    assert_eq!(stranger.get(&format!("/tep/{file}")).await.status, 404);
    assert_eq!(stranger.get(&format!("/tep/{file}/xem")).await.status, 404);

    let mut citizen = signed_in(&app, CITIZEN).await;
    assert_eq!(citizen.get("/can-bo").await.status, 403);
}

#[tokio::test]
async fn the_inbox_marks_overdue_and_due_soon_dossiers() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    sqlx::query("UPDATE dossiers SET due_at = $2 - interval '1 minute' WHERE code = $1")
        .bind(&code)
        .bind(app.clock().now_in_vietnam())
        .execute(&app.pool)
        .await
        .unwrap();
    // The mark on the dossier's row (the filter's options name the marks too).
    let marked = |body: &str, mark: &str| body.contains(&format!("\">{mark}</span>"));
    let inbox = reception.get("/can-bo").await;
    assert!(
        marked(&inbox.body, "Quá hạn") && inbox.text().contains("1 hồ sơ quá hạn"),
        "{}",
        inbox.text()
    );
    sqlx::query("UPDATE dossiers SET due_at = $2 + interval '1 minute' WHERE code = $1")
        .bind(&code)
        .bind(app.clock().now_in_vietnam())
        .execute(&app.pool)
        .await
        .unwrap();
    let inbox = reception.get("/can-bo").await;
    assert!(
        marked(&inbox.body, "Sắp đến hạn") && !marked(&inbox.body, "Quá hạn"),
        "{}",
        inbox.text()
    );
}
