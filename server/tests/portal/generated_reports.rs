//! The demo's generated field reports (`MOTCUA_DEMO_REPORTS`) are reports
//! the portal could have made: every state, codes numbered without gaps
//! in the order they came in, due times on working time, each state's
//! history, nobody told at once of what the generator made late, and the
//! next real report numbered after them.

use crate::field_reports::file_light_report;
use crate::support;
use app::deadlines::vietnam_local;
use chrono::{DateTime, Utc};
use support::back_office::{signed_in, CITIZEN};
use support::photos::jpeg;
use support::spawn_app;

/// Code, status, received, due, the category's time unit.
type GeneratedReport = (String, String, DateTime<Utc>, DateTime<Utc>, Option<String>);

#[tokio::test]
async fn generated_reports_reach_every_state_with_gapless_codes_and_working_time_deadlines() {
    let app = spawn_app().await;
    let now = Utc::now();
    // Two instances starting on one database generate them once.
    let (first, second) = tokio::join!(
        server::seed::generated_reports::generate(&app.pool, 200, now),
        server::seed::generated_reports::generate(&app.pool, 200, now),
    );
    assert!(first.unwrap() ^ second.unwrap(), "generated exactly once");

    let reports: Vec<GeneratedReport> = sqlx::query_as(
        "SELECT f.code, f.status, f.received_at, f.due_at, c.sla_unit
             FROM field_reports f JOIN report_categories c ON c.id = f.category_id
             ORDER BY f.received_at, f.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(reports.len(), 200);
    for state in app::field_reports::ReportStatus::ALL.map(|status| status.as_str()) {
        assert!(
            reports.iter().any(|(_, status, ..)| status == state),
            "no {state} report"
        );
    }
    // Numbered per year from 1, without gaps, in the order they came in.
    let mut last: std::collections::BTreeMap<String, u32> = Default::default();
    for (code, ..) in &reports {
        let year = code[3..7].to_string();
        let number: u32 = code[8..].parse().unwrap();
        let previous = last.insert(year.clone(), number).unwrap_or(0);
        assert_eq!(number, previous + 1, "{code} after {previous} in {year}");
    }
    // A working-time deadline falls on a working day, after the report.
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    for (code, _, received, due, unit) in &reports {
        assert!(due > received, "{code}");
        if unit.as_deref() != Some("immediate") {
            let day = vietnam_local(*due).date();
            assert!(calendar.is_working_day(day), "{code} due on {day}");
        }
    }
    // A merged report points at an earlier one of its category.
    let strays: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM field_reports f JOIN field_reports m ON m.id = f.merged_into
         WHERE m.category_id <> f.category_id OR m.received_at > f.received_at",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(strays, 0);
    // Every resolved one was answered and published, with its history.
    let unexplained: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM field_reports f WHERE f.status = 'resolved' AND NOT EXISTS
           (SELECT 1 FROM field_report_events e WHERE e.report_id = f.id AND e.kind = 'published' AND e.visible)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(unexplained, 0);

    // The deadlines' watch tells nobody of what the generator made late.
    let notified: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let watched = server::field_reports::escalation::watch(&app.state)
        .await
        .unwrap();
    assert_eq!((watched.escalated, watched.warned), (0, 0));
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(after, notified);

    // The board shows public ones; the next real report follows them.
    let board = app.get("/phan-anh").await.text();
    assert!(board.contains("PA-"), "{board}");
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_light_report(&mut citizen, &jpeg(), true).await;
    let year = &code[3..7];
    assert_eq!(
        code[8..].parse::<u32>().unwrap(),
        last.get(year).copied().unwrap_or(0) + 1,
        "{code} follows the generated ones"
    );
}
