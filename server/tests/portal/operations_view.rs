//! The operations view: today's numbers, what falls due, and where the
//! overdue dossiers are, for leaders and managers only.

use crate::support;

use axum::http::StatusCode;
use support::back_office::{signed_in, CITIZEN, LEADER, MANAGER, RECEPTION};
use support::spawn_app;

/// Dossiers of the demo ward relative to the portal's clock: code, status,
/// days since submission, the appointment in force (due_at), the legal one,
/// whether resolved now.
async fn today_at_the_ward(app: &support::TestApp) {
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    let now = app.clock().now();
    let today = app.clock().today_in_vietnam();
    let next = calendar.next_working_day_after(today);
    let day = |date: chrono::NaiveDate| format!("{date} 17:00");
    let three_days_ago = today - chrono::Duration::days(3);
    let dossiers = [
        // Came in today, still at reception.
        ("000.01.40.H34-261202-9101", "submitted", 0, None, false),
        // Returned today.
        (
            "000.01.40.H34-261125-9102",
            "returned",
            7,
            Some(day(today)),
            true,
        ),
        // Due today, being processed.
        (
            "000.01.40.H34-261125-9103",
            "processing",
            7,
            Some(day(today)),
            false,
        ),
        // Due on the next working day.
        (
            "000.01.40.H34-261125-9104",
            "processing",
            7,
            Some(day(next)),
            false,
        ),
        // Overdue: the legal appointment passed three days ago.
        (
            "000.01.40.H34-261120-9105",
            "awaiting_approval",
            12,
            Some(day(three_days_ago)),
            false,
        ),
        // Past its date but waiting for the citizen: the clock is stopped.
        (
            "000.01.40.H34-261120-9106",
            "awaiting_supplement",
            12,
            Some(day(three_days_ago)),
            false,
        ),
    ];
    for (code, status, days_ago, due, resolved) in dossiers {
        sqlx::query(
            "INSERT INTO dossiers (code, pin, applicant_id, procedure_version_id, agency_id, status, channel,
                                   submitted_at, due_at, legal_due_at, resolved_at, resumes_to)
             SELECT $1, '123456', (SELECT id FROM users WHERE email = 'congdan@motcua.example'), c.id,
                    (SELECT id FROM agencies WHERE code = '000.01.40.H34'), $2, 'online',
                    $4, $3::timestamp, $3::timestamp, $5, CASE WHEN $2 = 'awaiting_supplement' THEN 'processing' END
             FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id WHERE p.code = '1.001193'",
        )
        .bind(code)
        .bind(status)
        .bind(due)
        .bind(now - chrono::Duration::days(days_ago))
        .bind(resolved.then_some(now))
        .execute(&app.pool)
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn a_leader_sees_todays_work_what_falls_due_and_where_the_overdue_are() {
    let app = spawn_app().await;
    // Mid-morning of the clock's day, whichever day the suite runs on.
    let today = app.clock().today_in_vietnam();
    app.clock().set(support::vietnam_time(today, 10, 0));
    today_at_the_ward(&app).await;
    let mut leader = signed_in(&app, LEADER).await;
    let page = leader.get("/thong-ke/dieu-hanh").await;
    assert_eq!(page.status, StatusCode::OK);
    // It reloads itself without JavaScript only when asked (WCAG 2.2.1).
    assert!(!page.body.contains("http-equiv=\"refresh\""));
    assert!(page
        .body
        .contains("href=\"/thong-ke/dieu-hanh?tu-lam-moi=1\""));
    let wall = leader.get("/thong-ke/dieu-hanh?tu-lam-moi=1").await;
    assert!(
        wall.body.contains("http-equiv=\"refresh\""),
        "reloads itself without JavaScript when asked"
    );
    let text = page.text();
    for expected in [
        "1 hồ sơ mới hôm nay",
        "1 hồ sơ trả kết quả hôm nay",
        "1 hồ sơ đang quá hạn",
        // Due today (one) and on the next working day (one), by agency.
        "Ủy ban nhân dân phường Hồng Gai 1 1",
        // The heat table: the one overdue dossier, in its sector.
        "Hộ tịch",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }

    // Once the working day has closed, what was due today and is still
    // unfinished is overdue too.
    app.clock().set(support::vietnam_time(today, 17, 1));
    let evening = leader.get("/thong-ke/dieu-hanh").await.text();
    assert!(evening.contains("2 hồ sơ đang quá hạn"), "{evening}");

    // Managers see it for their whole scope; others not at all.
    let mut manager = signed_in(&app, MANAGER).await;
    assert!(manager
        .get("/thong-ke/dieu-hanh")
        .await
        .text()
        .contains("2 hồ sơ đang quá hạn"));
    for who in [RECEPTION, CITIZEN] {
        let mut other = signed_in(&app, who).await;
        let refused = other.get("/thong-ke/dieu-hanh").await;
        assert!(!refused.text().contains("hồ sơ đang quá hạn"), "{who}");
    }
}
