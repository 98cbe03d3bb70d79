//! The working calendar kept by the province's administrators
//! (`/quan-tri/lich-lam-viec`), checked against its rules: only days after
//! today change, a day off is a weekday and a make-up day a weekend day, a
//! day appears once even when two administrators add it at once, a
//! confirmed year is exactly its listed days, and every change is audited.

use crate::support;

use app::deadlines::calendar_proposals::proposed_days_off;
use axum::http::StatusCode;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use support::back_office::{signed_in, MANAGER, RECEPTION};
use support::parallel::{address, all_at_once, form_post};
use support::{spawn_app, TestApp};

const ADMIN: &str = "quantri@motcua.example";
const PAGE: &str = "/quan-tri/lich-lam-viec";

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn shown(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// A Monday at least three weeks ahead whose week, and the Friday before,
/// hold no listed or proposed day off: a plain week to change.
async fn plain_monday(app: &TestApp) -> NaiveDate {
    let today = app.clock().today_in_vietnam();
    let mut monday = today + Days::new(21);
    while monday.weekday() != Weekday::Mon {
        monday = monday + Days::new(1);
    }
    loop {
        let friday = monday - Days::new(3);
        let thursday = monday + Days::new(3);
        let listed: i64 =
            sqlx::query_scalar("SELECT count(*) FROM calendar_days WHERE day BETWEEN $1 AND $2")
                .bind(friday)
                .bind(thursday)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        let proposed = [friday.year(), thursday.year()].into_iter().any(|year| {
            proposed_days_off(year)
                .iter()
                .any(|day| (friday..=thursday).contains(&day.day))
        });
        if listed == 0 && !proposed {
            return monday;
        }
        monday = monday + Days::new(7);
    }
}

/// The appointment of a 3-working-day procedure received on `day` at 09:00.
async fn three_days_from(app: &TestApp, day: NaiveDate) -> String {
    let url = format!(
        "/api/v1/procedures/1.004873/appointment?received_at={}T09:00:00%2B07:00",
        iso(day)
    );
    app.get(&url).await.json()["appointment_date"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn audit_count(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_day_off_added_by_the_administrator_moves_later_appointments_and_is_audited() {
    let app = spawn_app().await;
    let monday = plain_monday(&app).await;
    let friday = monday - Days::new(3);
    // Friday + 3 working days: Monday, Tuesday, Wednesday.
    assert_eq!(
        three_days_from(&app, friday).await,
        iso(monday + Days::new(2))
    );

    let mut admin = signed_in(&app, ADMIN).await;
    let added = admin
        .post(
            PAGE,
            &[
                ("day", &shown(monday)),
                ("kind", "holiday"),
                ("name", "Nghỉ hoán đổi"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(added.location(), format!("{PAGE}?nam={}", monday.year()));
    let page = admin.get(&added.location()).await.text();
    assert!(
        page.contains(&format!("Đã thêm ngày {}", shown(monday))),
        "{page}"
    );
    assert!(page.contains("Nghỉ hoán đổi"));
    // Now Tuesday, Wednesday, Thursday.
    assert_eq!(
        three_days_from(&app, friday).await,
        iso(monday + Days::new(3))
    );
    assert_eq!(audit_count(&app, "calendar_day_added").await, 1);

    let removed = admin
        .post(&format!("{PAGE}/ngay/{}/xoa", iso(monday)), &[])
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        three_days_from(&app, friday).await,
        iso(monday + Days::new(2))
    );
    let detail: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'calendar_day_removed'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(detail["before"]["name"], "Nghỉ hoán đổi", "{detail}");
}

#[tokio::test]
async fn past_days_weekend_days_off_and_weekday_make_up_days_are_refused_with_the_typed_values_kept(
) {
    let app = spawn_app().await;
    let today = app.clock().today_in_vietnam();
    let mut admin = signed_in(&app, ADMIN).await;

    let past = today - Days::new(2);
    let count_from_past = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM calendar_days WHERE day >= $1")
            .bind(past)
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let listed_before = count_from_past().await;
    admin
        .post(
            PAGE,
            &[
                ("day", &shown(past)),
                ("kind", "holiday"),
                ("name", "Nghỉ muộn"),
            ],
        )
        .await;
    let answer = admin.get(&format!("{PAGE}?nam={}", past.year())).await;
    let page = answer.text();
    assert!(
        page.contains("Chỉ thay đổi được những ngày sau hôm nay"),
        "{page}"
    );
    assert!(
        answer.body.contains("value=\"Nghỉ muộn\""),
        "the name typed is kept"
    );

    let mut saturday = today + Days::new(10);
    while saturday.weekday() != Weekday::Sat {
        saturday = saturday + Days::new(1);
    }
    admin
        .post(
            PAGE,
            &[
                ("day", &shown(saturday)),
                ("kind", "holiday"),
                ("name", "x"),
            ],
        )
        .await;
    let page = admin
        .get(&format!("{PAGE}?nam={}", saturday.year()))
        .await
        .text();
    assert!(page.contains("vốn đã là ngày nghỉ"), "{page}");
    let monday = saturday + Days::new(2);
    admin
        .post(
            PAGE,
            &[("day", &shown(monday)), ("kind", "make_up"), ("name", "x")],
        )
        .await;
    let page = admin
        .get(&format!("{PAGE}?nam={}", monday.year()))
        .await
        .text();
    assert!(
        page.contains("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật"),
        "{page}"
    );
    admin
        .post(
            PAGE,
            &[("day", "31/02/2027"), ("kind", "holiday"), ("name", "x")],
        )
        .await;
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains("Nhập ngày theo dạng ngày/tháng/năm"),
        "{page}"
    );

    assert_eq!(
        count_from_past().await,
        listed_before,
        "nothing was written"
    );
    // A listed day of the past cannot be removed either.
    let old: NaiveDate = sqlx::query_scalar("SELECT max(day) FROM calendar_days WHERE day <= $1")
        .bind(today)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    admin
        .post(&format!("{PAGE}/ngay/{}/xoa", iso(old)), &[])
        .await;
    let still: i64 = sqlx::query_scalar("SELECT count(*) FROM calendar_days WHERE day = $1")
        .bind(old)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(still, 1);
}

#[tokio::test]
async fn only_the_provinces_administrators_change_the_calendar() {
    let app = spawn_app().await;
    let monday = plain_monday(&app).await;
    let fields = [
        ("day", shown(monday)),
        ("kind", "holiday".into()),
        ("name", "x".into()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for official in [MANAGER, RECEPTION] {
        let mut browser = signed_in(&app, official).await;
        assert_eq!(
            browser.post(PAGE, &fields).await.status,
            StatusCode::FORBIDDEN
        );
        assert_ne!(browser.get(PAGE).await.status, StatusCode::OK);
    }
    // An administrator of one department reads the calendar but cannot change it.
    sqlx::query(
        "WITH official AS (
           INSERT INTO users (kind, full_name, email, password_hash, agency_id, email_confirmed_at)
           SELECT 'official', 'Quản Trị Sở', 'quantri.so@example.vn', password_hash,
                  (SELECT id FROM agencies WHERE kind = 'department' ORDER BY code LIMIT 1), now()
           FROM users WHERE email = $1 RETURNING id)
         INSERT INTO user_roles (user_id, role) SELECT id, 'administrator' FROM official",
    )
    .bind(ADMIN)
    .execute(&app.pool)
    .await
    .unwrap();
    let mut department_admin = signed_in(&app, "quantri.so@example.vn").await;
    let page = department_admin.get(PAGE).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Chỉ quản trị viên cấp tỉnh"));
    assert!(!page.text().contains("Thêm ngày"));
    assert_eq!(
        department_admin.post(PAGE, &fields).await.status,
        StatusCode::FORBIDDEN
    );
    let listed: i64 = sqlx::query_scalar("SELECT count(*) FROM calendar_days WHERE day = $1")
        .bind(monday)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(listed, 0);
}

#[tokio::test]
async fn the_same_day_added_by_many_at_once_is_listed_once_and_audited_once() {
    let app = spawn_app().await;
    let monday = plain_monday(&app).await;
    let admin = signed_in(&app, ADMIN).await;
    let cookie = admin.session_cookie().unwrap();
    let day = shown(monday);
    let requests = (0..8)
        .map(|n| {
            form_post(
                PAGE,
                &[
                    ("day", &day),
                    ("kind", "holiday"),
                    ("name", &format!("Nghỉ {n}")),
                ],
                address(n),
                Some(&cookie),
            )
        })
        .collect();
    for (status, body) in all_at_once(&app, requests).await {
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    }
    let listed: i64 = sqlx::query_scalar("SELECT count(*) FROM calendar_days WHERE day = $1")
        .bind(monday)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(listed, 1);
    assert_eq!(audit_count(&app, "calendar_day_added").await, 1);
}

#[tokio::test]
async fn confirming_a_year_writes_its_proposed_days_and_ends_the_provisional_mark_once() {
    let app = spawn_app().await;
    // Monday 24 January 2028, 3 working days, across the proposed Tết.
    let url = "/api/v1/procedures/1.004873/appointment?received_at=2028-01-24T09:00:00%2B07:00";
    let before = app.get(url).await.json();
    assert_eq!(before["provisional"], true);

    let mut admin = signed_in(&app, ADMIN).await;
    let page = admin.get(&format!("{PAGE}?nam=2028")).await.text();
    assert!(page.contains("Lịch năm này chưa được xác nhận"), "{page}");
    assert!(page.contains("Đề xuất"));

    // Without the announcement it cites, nothing is confirmed.
    admin
        .post(&format!("{PAGE}/nam/2028/xac-nhan"), &[("note", " ")])
        .await;
    assert!(admin
        .get(&format!("{PAGE}?nam=2028"))
        .await
        .text()
        .contains("Nhập căn cứ công bố"));

    let cookie = admin.session_cookie().unwrap();
    let requests = (0..6)
        .map(|n| {
            form_post(
                &format!("{PAGE}/nam/2028/xac-nhan"),
                &[("note", "Thông báo số 1/TB-BLĐTBXH")],
                address(n),
                Some(&cookie),
            )
        })
        .collect();
    all_at_once(&app, requests).await;
    assert_eq!(audit_count(&app, "calendar_year_confirmed").await, 1);

    let after = app.get(url).await.json();
    assert_eq!(after["provisional"], false, "{after}");
    assert_eq!(
        after["appointment_date"], before["appointment_date"],
        "the confirmed days are the proposed ones"
    );
    let listed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM calendar_days WHERE day BETWEEN '2028-01-01' AND '2028-12-31'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(listed as usize, proposed_days_off(2028).len());
    let page = admin.get(&format!("{PAGE}?nam=2028")).await.text();
    assert!(page.contains("Đã xác nhận lúc"), "{page}");
    assert!(page.contains("Thông báo số 1/TB-BLĐTBXH"));
}
