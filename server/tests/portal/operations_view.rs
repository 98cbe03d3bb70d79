//! The operations view: today's numbers, what falls due, and where the
//! overdue dossiers are, for leaders and managers only.

use crate::support;

use axum::http::StatusCode;
use support::back_office::{signed_in, CITIZEN, LEADER, MANAGER, RECEPTION};
use support::spawn_app;

/// Dossiers of the demo ward relative to now: code, status, submitted,
/// the appointment in force (due_at), the legal one, resolved.
async fn today_at_the_ward(app: &support::TestApp) {
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    let today = app::deadlines::vietnam_local(chrono::Utc::now()).date();
    let next = calendar.next_working_day_after(today);
    let day = |date: chrono::NaiveDate| format!("{date} 17:00");
    let dossiers = [
        // Came in today, still at reception.
        (
            "000.01.40.H34-261202-9101",
            "submitted",
            "now()",
            None,
            None,
            None,
        ),
        // Returned today.
        (
            "000.01.40.H34-261125-9102",
            "returned",
            "now() - interval '7 days'",
            Some(day(today)),
            Some(day(today)),
            Some("now()"),
        ),
        // Due today, being processed.
        (
            "000.01.40.H34-261125-9103",
            "processing",
            "now() - interval '7 days'",
            Some(day(today)),
            Some(day(today)),
            None,
        ),
        // Due on the next working day.
        (
            "000.01.40.H34-261125-9104",
            "processing",
            "now() - interval '7 days'",
            Some(day(next)),
            Some(day(next)),
            None,
        ),
        // Overdue: the legal appointment passed three days ago.
        (
            "000.01.40.H34-261120-9105",
            "awaiting_approval",
            "now() - interval '12 days'",
            Some(day(today - chrono::Duration::days(3))),
            Some(day(today - chrono::Duration::days(3))),
            None,
        ),
        // Past its date but waiting for the citizen: the clock is stopped.
        (
            "000.01.40.H34-261120-9106",
            "awaiting_supplement",
            "now() - interval '12 days'",
            Some(day(today - chrono::Duration::days(3))),
            Some(day(today - chrono::Duration::days(3))),
            None,
        ),
    ];
    for (code, status, submitted, due, legal_due, resolved) in dossiers {
        sqlx::query(&format!(
            "INSERT INTO dossiers (code, pin, applicant_id, procedure_version_id, agency_id, status, channel,
                                   submitted_at, due_at, legal_due_at, resolved_at, resumes_to)
             SELECT $1, '123456', (SELECT id FROM users WHERE email = 'congdan@motcua.example'), c.id,
                    (SELECT id FROM agencies WHERE code = '000.01.40.H34'), $2, 'online',
                    {submitted}, $3::timestamp, $4::timestamp, {}, CASE WHEN $2 = 'awaiting_supplement' THEN 'processing' END
             FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id WHERE p.code = '1.001193'",
            resolved.unwrap_or("NULL")
        ))
        .bind(code)
        .bind(status)
        .bind(due)
        .bind(legal_due)
        .execute(&app.pool)
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn a_leader_sees_todays_work_what_falls_due_and_where_the_overdue_are() {
    let app = spawn_app().await;
    today_at_the_ward(&app).await;
    let mut leader = signed_in(&app, LEADER).await;
    let page = leader.get("/thong-ke/dieu-hanh").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("http-equiv=\"refresh\""),
        "reloads itself without JavaScript"
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

    // Managers see it for their whole scope; others not at all.
    let mut manager = signed_in(&app, MANAGER).await;
    assert!(manager
        .get("/thong-ke/dieu-hanh")
        .await
        .text()
        .contains("1 hồ sơ đang quá hạn"));
    for who in [RECEPTION, CITIZEN] {
        let mut other = signed_in(&app, who).await;
        let refused = other.get("/thong-ke/dieu-hanh").await;
        assert!(!refused.text().contains("hồ sơ đang quá hạn"), "{who}");
    }
}
