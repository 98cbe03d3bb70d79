//! Agency changes a decision orders for a later day (issue 18 item 3): a
//! merger or a renaming waits, listed on the agency's page and
//! cancellable, and is carried out on its day — once, however many
//! instances run the day's changes at the same moment.

use crate::procedure_versions::{signed_in as admin_signed_in, AUTHOR};
use crate::support;

use server::administration::agency_changes::carry_out_due;
use support::back_office::*;
use support::dossiers::submit_birth;
use support::{spawn_app, TestApp};

const MERGED: &str = "000.01.40.H34";
const SUCCESSOR: &str = "000.02.40.H34";
const SUCCESSOR_NAME: &str = "Ủy ban nhân dân phường Bãi Cháy";
const PAGE: &str = "/quan-tri/co-quan/000.01.40.H34";
const MERGE: &str = "/quan-tri/co-quan/000.01.40.H34/sap-nhap";

fn tomorrow(app: &TestApp) -> chrono::NaiveDate {
    app.clock().today_in_vietnam() + chrono::Days::new(1)
}

async fn agency_of(app: &TestApp, dossier: &str) -> String {
    sqlx::query_scalar(
        "SELECT a.code FROM dossiers d JOIN agencies a ON a.id = d.agency_id WHERE d.code = $1",
    )
    .bind(dossier)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn ward_name(app: &TestApp) -> String {
    sqlx::query_scalar("SELECT name FROM agencies WHERE code = $1")
        .bind(MERGED)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Runs the day's changes on `day` from `instances` connections at once;
/// how many changes were settled in all.
async fn run_everywhere(app: &TestApp, day: chrono::NaiveDate, instances: usize) -> usize {
    let runs: Vec<_> = (0..instances)
        .map(|_| {
            let pool = app.pool.clone();
            tokio::spawn(async move { carry_out_due(&pool, day).await.unwrap() })
        })
        .collect();
    let mut settled = 0;
    for run in runs {
        settled += run.await.unwrap();
    }
    settled
}

#[tokio::test]
async fn a_merger_decided_for_a_later_day_is_carried_out_on_that_day_once() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let open = submit_birth(&app, &mut citizen).await;
    let mut admin = admin_signed_in(&app, AUTHOR).await;
    let day = tomorrow(&app).format("%d/%m/%Y").to_string();
    let merge = [
        ("successor", SUCCESSOR),
        ("confirm", "on"),
        ("effective_on", day.as_str()),
    ];
    assert_eq!(admin.post(MERGE, &merge).await.location(), PAGE);
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains(&format!(
            "Đã lên lịch sáp nhập vào {SUCCESSOR_NAME} từ ngày {day}"
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!("Sáp nhập vào {SUCCESSOR_NAME} từ ngày {day}")),
        "listed while it waits: {page}"
    );
    assert_eq!(agency_of(&app, &open).await, MERGED, "nothing moves yet");

    // One merger waits at a time.
    admin.post(MERGE, &merge).await;
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains("đã có một thay đổi cùng loại đang chờ"),
        "{page}"
    );

    assert_eq!(
        run_everywhere(&app, app.clock().today_in_vietnam(), 3).await,
        0
    );
    assert_eq!(agency_of(&app, &open).await, MERGED);

    // Its day: four instances run the day's changes at once.
    assert_eq!(run_everywhere(&app, tomorrow(&app), 4).await, 1);
    assert_eq!(agency_of(&app, &open).await, SUCCESSOR);
    let merged_on: String =
        sqlx::query_scalar("SELECT to_char(merged_on, 'DD/MM/YYYY') FROM agencies WHERE code = $1")
            .bind(MERGED)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(merged_on, day);
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains(&format!("Đã sáp nhập vào {SUCCESSOR_NAME} từ ngày {day}")),
        "{page}"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action IN ('agency_change_scheduled', 'agency_merged')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 2, "decided, then carried out");
}

fn renamed(day: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", "Ủy ban nhân dân phường Hạ Long".into()),
        ("name_en", String::new()),
        ("name_effective_on", day.to_string()),
        ("address", String::new()),
        ("phone", String::new()),
        ("email", String::new()),
        ("office_hours", "08:00-12:00, 13:00-17:00".into()),
    ]
}

async fn post_renamed(admin: &mut support::browser::Browser<'_>, day: &str) {
    let fields = renamed(day);
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    assert_eq!(admin.post(PAGE, &fields).await.location(), PAGE);
}

#[tokio::test]
async fn a_renaming_waits_for_its_day_and_can_be_cancelled_meanwhile() {
    let app = spawn_app().await;
    let old_name = ward_name(&app).await;
    let mut admin = admin_signed_in(&app, AUTHOR).await;

    post_renamed(&mut admin, "01/01/2020").await;
    let page = admin.get(PAGE).await;
    assert!(
        page.text().contains("Ngày không được trước hôm nay."),
        "{}",
        page.text()
    );
    assert!(
        page.body
            .contains("value=\"Ủy ban nhân dân phường Hạ Long\""),
        "typed name kept"
    );
    assert_eq!(ward_name(&app).await, old_name);

    let day = tomorrow(&app).format("%d/%m/%Y").to_string();
    post_renamed(&mut admin, &day).await;
    let page = admin.get(PAGE).await;
    assert!(
        page.text().contains(&format!(
            "Tên mới “Ủy ban nhân dân phường Hạ Long” có hiệu lực từ ngày {day}"
        )),
        "{}",
        page.text()
    );
    assert_eq!(ward_name(&app).await, old_name, "the old name until then");

    // Cancelled: its day passes and nothing happens.
    let change: i64 = sqlx::query_scalar("SELECT id FROM agency_changes WHERE outcome IS NULL")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let cancel = format!("{PAGE}/thay-doi/{change}/huy");
    assert!(page.body.contains(&format!("action=\"{cancel}\"")));
    admin.post(&cancel, &[]).await;
    assert!(admin.get(PAGE).await.text().contains("Đã hủy thay đổi."));
    assert_eq!(run_everywhere(&app, tomorrow(&app), 2).await, 0);
    assert_eq!(ward_name(&app).await, old_name);

    // Decided again, and its day comes.
    post_renamed(&mut admin, &day).await;
    assert_eq!(run_everywhere(&app, tomorrow(&app), 2).await, 1);
    assert_eq!(ward_name(&app).await, "Ủy ban nhân dân phường Hạ Long");
}

#[tokio::test]
async fn a_merger_today_settles_what_was_waiting_for_the_merged_agency() {
    let app = spawn_app().await;
    let mut admin = admin_signed_in(&app, AUTHOR).await;
    let day = tomorrow(&app).format("%d/%m/%Y").to_string();
    post_renamed(&mut admin, &day).await;
    admin
        .post(MERGE, &[("successor", SUCCESSOR), ("confirm", "on")])
        .await;
    let page = admin.get(PAGE).await.text();
    assert!(
        !page.contains("Đổi tên thành"),
        "nothing waits any more: {page}"
    );
    let outcome: String = sqlx::query_scalar("SELECT outcome FROM agency_changes")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(outcome, "refused");
    assert_eq!(run_everywhere(&app, tomorrow(&app), 2).await, 0);
    assert_ne!(ward_name(&app).await, "Ủy ban nhân dân phường Hạ Long");
}

/// One change of each kind waits per agency, and a cancellation counts
/// once, even when the forms are sent at the same moment.
#[tokio::test]
async fn mergers_scheduled_or_cancelled_at_once_leave_one_change_and_one_record() {
    let app = spawn_app().await;
    let admin = admin_signed_in(&app, AUTHOR).await;
    let cookie = admin.session_cookie().unwrap();
    let day = tomorrow(&app).format("%d/%m/%Y").to_string();
    let merge = [
        ("successor", SUCCESSOR),
        ("confirm", "on"),
        ("effective_on", day.as_str()),
    ];
    let requests = (0..6)
        .map(|_| support::parallel::form_post(MERGE, &merge, admin.ip, Some(&cookie)))
        .collect();
    support::parallel::all_at_once(&app, requests).await;
    let waiting: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM agency_changes WHERE outcome IS NULL")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(waiting.len(), 1, "one merger waits");
    let count = |action: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT count(*) FROM audit_log WHERE action = $1")
                .bind(action)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(count("agency_change_scheduled").await, 1);

    let cancel = format!("{PAGE}/thay-doi/{}/huy", waiting[0]);
    let requests = (0..6)
        .map(|_| support::parallel::form_post(&cancel, &[], admin.ip, Some(&cookie)))
        .collect();
    support::parallel::all_at_once(&app, requests).await;
    assert_eq!(count("agency_change_cancelled").await, 1);
    assert_eq!(run_everywhere(&app, tomorrow(&app), 2).await, 0);
}
