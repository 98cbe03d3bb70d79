//! Agencies as administrators keep them: contact data and office hours,
//! which count a day's closing time for the dossiers the agency receives.

use crate::procedure_versions::{signed_in, AUTHOR};
use crate::support;

use support::spawn_app;

const WARD: &str = "000.01.40.H34";
const PAGE: &str = "/quan-tri/co-quan/000.01.40.H34";
/// A birth registration (same day) received on Monday 9 March 2026 at 09:00.
const APPOINTMENT: &str =
    "/api/v1/procedures/1.001193/appointment?received_at=2026-03-09T09:00:00%2B07:00";

fn fields(hours: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "UBND phường Hồng Gai"),
        ("name_en", ""),
        ("address", "Số 1 đường Hạ Long"),
        ("phone", "0203 3825 111"),
        ("email", "motcua.halong@quangninh.gov.vn"),
        ("office_hours", hours),
    ]
}

#[tokio::test]
async fn an_agencys_office_hours_set_the_closing_time_of_its_same_day_results() {
    let app = spawn_app().await;
    let at_ward = format!("{APPOINTMENT}&agency={WARD}");
    assert_eq!(
        app.get(&at_ward).await.json()["due_at"],
        "2026-03-09T17:00:00+07:00"
    );
    let mut admin = signed_in(&app, AUTHOR).await;
    let list = admin.get("/quan-tri/co-quan").await.text();
    assert!(
        list.contains(WARD) && list.contains("08:00-12:00, 13:00-17:00"),
        "{list}"
    );
    let saved = admin.post(PAGE, &fields("07:00–11:00, 13:00-16:30")).await;
    assert_eq!(saved.location(), PAGE);
    let page = admin.get(PAGE).await;
    assert!(page.text().contains("Đã lưu thông tin cơ quan."));
    assert!(
        page.body.contains("value=\"07:00-11:00, 13:00-16:30\""),
        "written back tidy"
    );
    assert_eq!(
        app.get(&at_ward).await.json()["due_at"],
        "2026-03-09T16:30:00+07:00"
    );
    // Other agencies keep the common hours.
    assert_eq!(
        app.get(APPOINTMENT).await.json()["due_at"],
        "2026-03-09T17:00:00+07:00"
    );
    let audited: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'agency_updated'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        audited["before"]["office_hours"],
        "08:00-12:00, 13:00-17:00"
    );
    assert_eq!(audited["after"]["office_hours"], "07:00-11:00, 13:00-16:30");
}

#[tokio::test]
async fn refused_office_hours_say_why_and_change_nothing() {
    let app = spawn_app().await;
    let mut admin = signed_in(&app, AUTHOR).await;
    admin.post(PAGE, &fields("13:00-17:00, 08:00-12:00")).await;
    let page = admin.get(PAGE).await;
    assert!(
        page.text().contains("các buổi theo thứ tự"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("value=\"13:00-17:00, 08:00-12:00\""),
        "kept as typed"
    );
    let hours: String = sqlx::query_scalar(
        "SELECT array_to_string(office_hours, ', ') FROM agencies WHERE code = $1",
    )
    .bind(WARD)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(hours, "08:00-12:00, 13:00-17:00");
}

#[tokio::test]
async fn only_the_provinces_administrators_change_agencies() {
    let app = spawn_app().await;
    for email in [
        "quanly@motcua.example",
        "tiepnhan@motcua.example",
        "congdan@motcua.example",
    ] {
        let mut browser = signed_in(&app, email).await;
        assert_eq!(
            browser.post(PAGE, &fields("07:00-11:00")).await.status,
            403,
            "{email}"
        );
    }
    let changed: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'agency_updated'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(changed, 0);
}
