//! Sectors as administrators keep them (issue 18 item 3): added with a
//! fixed code, renamed, removed only while no procedure uses them; a code
//! is taken once even when two administrators add it at the same moment.

use crate::procedure_versions::{signed_in, AUTHOR, REVIEWER};
use crate::support;

use support::spawn_app;

const PAGE: &str = "/quan-tri/linh-vuc";

fn water() -> Vec<(&'static str, &'static str)> {
    vec![
        ("code", "TAI_NGUYEN_NUOC"),
        ("name", "Tài nguyên nước"),
        ("name_en", "Water resources"),
    ]
}

#[tokio::test]
async fn a_sector_is_added_renamed_and_removed_while_unused() {
    let app = spawn_app().await;
    let mut admin = signed_in(&app, AUTHOR).await;
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains("Hộ tịch") && page.contains("HO_TICH"),
        "{page}"
    );

    // A bad code and a missing name come back with what was typed.
    let refused = admin
        .post(
            PAGE,
            &[("code", "tài nguyên"), ("name", ""), ("name_en", "Water")],
        )
        .await;
    assert_eq!(refused.location(), PAGE);
    let page = admin.get(PAGE).await;
    assert!(
        page.text().contains("Nhập mã gồm chữ in hoa không dấu"),
        "{}",
        page.text()
    );
    assert!(page.text().contains("Không được để trống."));
    assert!(page.body.contains("value=\"Water\""), "kept");

    assert_eq!(admin.post(PAGE, &water()).await.location(), PAGE);
    assert!(admin
        .get(PAGE)
        .await
        .text()
        .contains("Đã thêm lĩnh vực Tài nguyên nước."));
    // The editor offers it for a new procedure.
    let new_procedure = admin.get("/quan-tri/thu-tuc-moi").await.body;
    assert!(
        new_procedure.contains("value=\"TAI_NGUYEN_NUOC\""),
        "offered"
    );

    let edit = format!("{PAGE}/TAI_NGUYEN_NUOC");
    let saved = admin
        .post(
            &edit,
            &[("name", "Tài nguyên nước và khoáng sản"), ("name_en", "")],
        )
        .await;
    assert_eq!(saved.location(), PAGE);
    assert!(admin
        .get(PAGE)
        .await
        .text()
        .contains("Đã lưu lĩnh vực Tài nguyên nước và khoáng sản."));

    // A sector with procedures stays; an unused one goes.
    let in_use = admin.post(&format!("{PAGE}/HO_TICH/xoa"), &[]).await;
    assert_eq!(in_use.location(), PAGE);
    assert!(admin.get(PAGE).await.text().contains("không xóa được"));
    admin.post(&format!("{edit}/xoa"), &[]).await;
    assert!(admin
        .get(PAGE)
        .await
        .text()
        .contains("Đã xóa lĩnh vực Tài nguyên nước và khoáng sản."));
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sectors WHERE code = 'TAI_NGUYEN_NUOC'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(left, 0);
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE action LIKE 'sector_%' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        actions,
        ["sector_created", "sector_updated", "sector_removed"]
    );
}

#[tokio::test]
async fn the_same_code_added_at_once_by_two_administrators_is_added_once() {
    let app = spawn_app().await;
    let mut one = signed_in(&app, AUTHOR).await;
    let mut other = signed_in(&app, REVIEWER).await;
    let fields = water();
    let (first, second) = tokio::join!(one.post(PAGE, &fields), other.post(PAGE, &fields));
    assert_eq!(first.status, 303);
    assert_eq!(second.status, 303);
    let count: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sectors WHERE code = 'TAI_NGUYEN_NUOC'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(count, 1);
    let pages = [one.get(PAGE).await.text(), other.get(PAGE).await.text()];
    assert_eq!(
        pages
            .iter()
            .filter(|page| page.contains("Mã này đã có"))
            .count(),
        1,
        "one of them is told the code is taken"
    );
}

#[tokio::test]
async fn only_the_provinces_administrators_change_sectors() {
    let app = spawn_app().await;
    let mut manager = signed_in(&app, "quanly@motcua.example").await;
    let refused = manager.post(PAGE, &water()).await;
    assert_eq!(refused.status, 403);
    let count: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sectors WHERE code = 'TAI_NGUYEN_NUOC'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(count, 0);
}
