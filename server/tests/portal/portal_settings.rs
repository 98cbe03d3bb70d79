//! The help line and the feedback address are the province's data
//! (`/quan-tri/cai-dat`): an administrator changes them and every page's
//! foot shows the new ones at once, cached public pages included.

use crate::procedure_versions::{signed_in, AUTHOR};
use crate::support;

use support::spawn_app;

const PAGE: &str = "/quan-tri/cai-dat";

fn settings(number: &'static str, email: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("hotline_number", number),
        ("hotline_hours_vi", "0203 3 800 800 (giờ hành chính)"),
        ("hotline_hours_en", "0203 3 800 800 (office hours)"),
        ("feedback_email", email),
    ]
}

#[tokio::test]
async fn the_province_sets_the_help_line_every_page_shows() {
    let app = spawn_app().await;
    // Cached once for anonymous visitors.
    assert!(app.get("/").await.body.contains("href=\"tel:18001096\""));
    assert!(app
        .get("/thu-tuc")
        .await
        .body
        .contains("href=\"tel:18001096\""));

    let mut admin = signed_in(&app, AUTHOR).await;
    let refused = admin.post(PAGE, &settings("0203-HELP", "gopy@")).await;
    assert_eq!(refused.location(), PAGE);
    let page = admin.get(PAGE).await;
    assert!(
        page.text()
            .contains("Nhập số điện thoại gồm 3 đến 15 chữ số"),
        "{}",
        page.text()
    );
    assert!(page.text().contains("Nhập địa chỉ thư điện tử"));
    assert!(page.body.contains("value=\"0203-HELP\""), "kept as typed");
    assert!(
        app.get("/").await.body.contains("href=\"tel:18001096\""),
        "nothing changed"
    );

    let saved = admin
        .post(PAGE, &settings("0203 3 800 800", "gopy@quangninh.gov.vn"))
        .await;
    assert_eq!(saved.location(), PAGE);
    assert!(admin.get(PAGE).await.text().contains("Đã lưu cài đặt"));
    for page in ["/", "/thu-tuc"] {
        let body = app.get(page).await.body;
        assert!(body.contains("href=\"tel:02033800800\""), "{page}");
        assert!(body.contains("0203 3 800 800 (giờ hành chính)"), "{page}");
        assert!(
            body.contains("href=\"mailto:gopy@quangninh.gov.vn\""),
            "{page}"
        );
    }
    let english = app.get_with_cookie("/", "lang=en").await.body;
    assert!(english.contains("0203 3 800 800 (office hours)"));
    let audited: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'settings_updated'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited["before"]["hotline_number"], "18001096");
    assert_eq!(audited["after"]["hotline_number"], "02033800800");
}

#[tokio::test]
async fn only_the_provinces_administrators_change_the_settings() {
    let app = spawn_app().await;
    for email in ["quanly@motcua.example", "congdan@motcua.example"] {
        let mut browser = signed_in(&app, email).await;
        let refused = browser
            .post(PAGE, &settings("0203 3 800 800", "gopy@quangninh.gov.vn"))
            .await;
        assert_eq!(refused.status, 403, "{email}");
    }
    assert!(app.get("/").await.body.contains("href=\"tel:18001096\""));
}

#[tokio::test]
async fn the_province_sets_how_long_drafts_and_assistant_exchanges_are_kept() {
    let app = spawn_app().await;
    let mut admin = signed_in(&app, AUTHOR).await;
    let form = "/quan-tri/cai-dat/luu-giu";
    let refused = admin
        .post(
            form,
            &[
                ("draft_retention_days", "3"),
                ("assistant_retention_days", "30"),
            ],
        )
        .await;
    assert_eq!(refused.location(), "/quan-tri/cai-dat#luu-giu");
    let page = admin.get(PAGE).await;
    assert!(page.text().contains("Nhập số ngày từ 7 đến 3650."));
    assert!(page.body.contains("value=\"3\""), "kept as typed");
    admin
        .post(
            form,
            &[
                ("draft_retention_days", "30"),
                ("assistant_retention_days", "14"),
            ],
        )
        .await;
    let stored: (i32, i32) = sqlx::query_as(
        "SELECT draft_retention_days, assistant_retention_days FROM portal_settings",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, (30, 14));
    // Citizens are told the rule in force.
    let mut citizen = support::back_office::signed_in(&app, support::back_office::CITIZEN).await;
    assert!(citizen
        .get("/tai-khoan/du-lieu")
        .await
        .text()
        .contains("không được sửa trong 30 ngày, và câu hỏi gửi trợ lý sau 14 ngày"));
}
