//! The appointment date through the API and on the procedure page.

use crate::support;

use support::spawn_app;

#[tokio::test]
async fn the_api_counts_working_days_around_tet_with_the_cut_off() {
    let app = spawn_app().await;
    // Đăng ký khai sinh is a same-day procedure ("giải quyết ngay trong
    // ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo"). Filed
    // Friday 13 Feb 2026 at 16:00, after the cut-off, with Tết from 16 to 20
    // Feb: it counts from Monday 23 Feb and is due that same Monday.
    let response = app
        .get("/api/v1/procedures/1.001193/appointment?received_at=2026-02-13T16:00:00%2B07:00")
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    let answer = response.json();
    assert_eq!(answer["counted_from"], "2026-02-23", "{answer}");
    assert_eq!(answer["appointment_date"], "2026-02-23");
    assert_eq!(answer["due_at"], "2026-02-23T17:00:00+07:00");

    // The same moment written in UTC gives the same answer.
    let utc = app
        .get("/api/v1/procedures/1.001193/appointment?received_at=2026-02-13T09:00:00Z")
        .await
        .json();
    assert_eq!(utc["appointment_date"], "2026-02-23");

    // Cấp Giấy xác nhận tình trạng hôn nhân takes 3 working days and has no
    // cut-off: filed Thursday 12 Feb at 09:00, it counts Friday 13, then
    // skips Tết to Monday 23 and Tuesday 24.
    let three_days = app
        .get("/api/v1/procedures/1.004873/appointment?received_at=2026-02-12T09:00:00%2B07:00")
        .await
        .json();
    assert_eq!(three_days["appointment_date"], "2026-02-24", "{three_days}");
}

#[tokio::test]
async fn a_same_day_procedure_filed_in_the_morning_is_due_that_evening() {
    let app = spawn_app().await;
    // Monday 9 March 2026 at 09:00: due Monday 17:00, not Tuesday.
    let answer = app
        .get("/api/v1/procedures/1.001193/appointment?received_at=2026-03-09T09:00:00%2B07:00")
        .await
        .json();
    assert_eq!(answer["appointment_date"], "2026-03-09", "{answer}");
    assert_eq!(answer["due_at"], "2026-03-09T17:00:00+07:00");
    // Filed on Saturday evening, out of office hours: due Monday.
    let weekend = app
        .get("/api/v1/procedures/1.001193/appointment?received_at=2026-03-14T20:00:00%2B07:00")
        .await
        .json();
    assert_eq!(weekend["appointment_date"], "2026-03-16", "{weekend}");
}

#[tokio::test]
async fn holidays_come_from_the_calendar_table() {
    let app = spawn_app().await;
    // Three working days from Monday 9 March 2026: Thursday 12 March.
    let url = "/api/v1/procedures/1.004873/appointment?received_at=2026-03-09T09:00:00%2B07:00";
    assert_eq!(app.get(url).await.json()["appointment_date"], "2026-03-12");
    // An administrator declares Tuesday 10 March a day off.
    sqlx::query("INSERT INTO calendar_days (day, kind, name) VALUES ('2026-03-10', 'holiday', 'Nghỉ đột xuất')")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(app.get(url).await.json()["appointment_date"], "2026-03-13");
}

#[tokio::test]
async fn tet_2028_is_skipped_before_anyone_has_entered_the_2028_calendar() {
    let app = spawn_app().await;
    // Monday 24 January 2028, 3 working days. Tết Mậu Thân: the eve on
    // Tuesday 25, mùng 1–3 Wednesday to Friday, mùng 4 on Saturday 29 with
    // Monday 31 in lieu. So: 1, 2 and 3 February.
    let answer = app
        .get("/api/v1/procedures/1.004873/appointment?received_at=2028-01-24T09:00:00%2B07:00")
        .await
        .json();
    assert_eq!(answer["appointment_date"], "2028-02-03", "{answer}");
    assert_eq!(answer["provisional"], true, "2028 is not confirmed yet");

    // A confirmed year's appointment is not provisional.
    let confirmed = app
        .get("/api/v1/procedures/1.004873/appointment?received_at=2026-03-09T09:00:00%2B07:00")
        .await
        .json();
    assert_eq!(confirmed["provisional"], false, "{confirmed}");

    // Once an administrator confirms 2028 with only New Year's Day off, the
    // proposal no longer applies.
    sqlx::query("INSERT INTO calendar_years (year) VALUES (2028)")
        .execute(&app.pool)
        .await
        .unwrap();
    let answer = app
        .get("/api/v1/procedures/1.004873/appointment?received_at=2028-01-24T09:00:00%2B07:00")
        .await
        .json();
    assert_eq!(answer["appointment_date"], "2028-01-27", "{answer}");
    assert_eq!(answer["provisional"], false);
}

#[tokio::test]
async fn bad_requests_are_explained() {
    let app = spawn_app().await;
    let response = app
        .get("/api/v1/procedures/1.001193/appointment?received_at=hôm-nay")
        .await;
    assert_eq!(response.status, 400);
    assert_eq!(response.json()["error"], "bad_request");
    let response = app.get("/api/v1/procedures/9.999999/appointment").await;
    assert_eq!(response.status, 404);
}

#[tokio::test]
async fn the_procedure_page_says_when_a_dossier_filed_today_would_be_due() {
    let app = spawn_app().await;
    let page = app.get("/thu-tuc/1.001193").await;
    assert!(
        page.text()
            .contains("Nộp hôm nay, dự kiến trả kết quả ngày"),
        "{}",
        page.text()
    );
}
