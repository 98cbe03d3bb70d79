//! Demo mode creates one account per role, and a citizen, that can sign in
//! with the documented password.

use crate::support;

use app::accounts::password_hash;
use server::seed::demo_accounts::DEMO_PASSWORD;
use support::spawn_app;

#[tokio::test]
async fn every_documented_demo_account_exists_with_its_role_and_password() {
    let app = spawn_app().await;
    for (email, role) in [
        ("congdan@motcua.example", None),
        ("tiepnhan@motcua.example", Some("reception")),
        ("chuyenvien@motcua.example", Some("specialist")),
        ("lanhdao@motcua.example", Some("leader")),
        ("chuyenvien.datdai@motcua.example", Some("specialist")),
        ("lanhdao.datdai@motcua.example", Some("leader")),
        ("quanly@motcua.example", Some("manager")),
        ("quantri@motcua.example", Some("administrator")),
        ("kiemduyet@motcua.example", Some("administrator")),
        ("thietke@motcua.example", Some("form_designer")),
        ("bientap@motcua.example", Some("editor")),
    ] {
        let account: (String, String, Option<String>) = sqlx::query_as(
            "SELECT u.kind, u.password_hash, (SELECT min(role) FROM user_roles r WHERE r.user_id = u.id)
             FROM users u WHERE lower(u.email) = $1",
        )
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap_or_else(|error| panic!("{email}: {error}"));
        let (kind, hash, held_role) = account;
        assert_eq!(
            kind,
            if role.is_some() {
                "official"
            } else {
                "citizen"
            },
            "{email}"
        );
        assert_eq!(held_role.as_deref(), role, "{email}");
        assert!(
            password_hash::verify(DEMO_PASSWORD, Some(&hash))
                .await
                .unwrap(),
            "{email}"
        );
        assert!(
            !password_hash::verify("Demo@12346", Some(&hash))
                .await
                .unwrap(),
            "{email}"
        );
    }
}

#[tokio::test]
async fn the_audit_log_cannot_be_rewritten() {
    let app = spawn_app().await;
    sqlx::query("INSERT INTO audit_log (action) VALUES ('test')")
        .execute(&app.pool)
        .await
        .unwrap();
    let update = sqlx::query("UPDATE audit_log SET action = 'forged'")
        .execute(&app.pool)
        .await;
    assert!(update.is_err(), "updating the audit log must fail");
    let delete = sqlx::query("DELETE FROM audit_log")
        .execute(&app.pool)
        .await;
    assert!(delete.is_err(), "deleting from the audit log must fail");
}
