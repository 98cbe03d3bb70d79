//! Biểu 06 on generated data: every dossier of a generated year is counted
//! once, and the form's identity holds for every month and quarter.

use crate::support;

use support::back_office::{signed_in, MANAGER};
use support::spawn_app;

#[tokio::test]
async fn every_dossier_is_accounted_for_once_on_generated_data() {
    let app = spawn_app().await;
    // 600 dossiers from August to December, in every state: accepted a few
    // hours after submission (unless refused, withdrawn or still waiting),
    // finished (or not) up to sixty days later, the result issued up to two
    // days before it is returned.
    sqlx::query(
        "INSERT INTO dossiers (code, pin, applicant_id, procedure_version_id, agency_id, status, channel,
                               submitted_at, legal_due_at, resolved_at, resumes_to, received_at, result_issued_at)
         SELECT '000.01.40.H34-260801-' || lpad(n::text, 4, '0'), '123456', u.id, c.id, a.id,
                g.status, (ARRAY['online', 'counter', 'post'])[1 + n % 3],
                g.submitted, (g.submitted AT TIME ZONE 'Asia/Ho_Chi_Minh') + make_interval(days => n % 9),
                CASE WHEN g.status IN ('returned', 'refused', 'withdrawn', 'stopped') THEN g.finished END,
                CASE WHEN g.status = 'awaiting_supplement' THEN 'processing' END,
                CASE WHEN g.status NOT IN ('refused', 'withdrawn', 'submitted') THEN g.accepted END,
                CASE WHEN g.status = 'returned'
                         THEN greatest(g.accepted, g.finished - make_interval(days => n % 3))
                     WHEN g.status = 'result_ready' THEN g.finished END
         FROM generate_series(1, 600) AS n
         CROSS JOIN LATERAL (SELECT
             (ARRAY['returned', 'refused', 'withdrawn', 'stopped', 'processing', 'awaiting_supplement',
                    'received', 'submitted', 'awaiting_approval', 'result_ready'])[1 + n % 10] AS status,
             timestamptz '2026-08-01 08:00+07' + make_interval(hours => (n * 37) % 3600) AS submitted) g0
         CROSS JOIN LATERAL (SELECT g0.*, g0.submitted + make_interval(hours => n % 30) AS accepted,
             g0.submitted + make_interval(hours => n % 30) + make_interval(days => (n * 7) % 60) AS finished) g
         JOIN users u ON u.email = 'congdan@motcua.example'
         JOIN agencies a ON a.code = '000.01.40.H34'
         JOIN procedures p ON p.code IN ('1.001193', '1.001612') AND p.code = CASE WHEN n % 2 = 0 THEN '1.001193' ELSE '1.001612' END
         JOIN current_procedure_versions c ON c.procedure_id = p.id",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let mut manager = signed_in(&app, MANAGER).await;
    // Every month and quarter the data touches, and a period across them.
    let periods = [
        ("2026-08-01", "2026-08-31"),
        ("2026-09-01", "2026-09-30"),
        ("2026-10-01", "2026-10-31"),
        ("2026-11-01", "2026-11-30"),
        ("2026-12-01", "2026-12-31"),
        ("2027-01-01", "2027-01-31"),
        ("2026-07-01", "2026-09-30"),
        ("2026-10-01", "2026-12-31"),
        ("2027-01-01", "2027-03-31"),
        ("2026-08-15", "2026-11-15"),
    ];
    let (mut received_seen, mut refused_seen) = (0, 0);
    for (from, to) in periods {
        let csv = manager
            .get(&format!(
                "/thong-ke/bieu-06.csv?tu={from}&den={to}&co-quan=000.01.40.H34"
            ))
            .await;
        let lines: Vec<&str> = csv.body.lines().skip(2).collect();
        assert!(lines.len() >= 2, "{}", csv.body);
        for line in lines {
            // received, carried over, online, counter; resolved, early, on
            // time, late; pending, within, overdue; refused, withdrawn,
            // stopped.
            let n: Vec<i64> = line
                .split(',')
                .skip(1)
                .take(14)
                .map(|cell| cell.parse().unwrap())
                .collect();
            assert_eq!(
                n[0],
                n[4] + n[8] + n[13],
                "received = resolved + pending + stopped, {from}–{to}: {line}"
            );
            assert_eq!(n[0], n[1] + n[2] + n[3], "{line}");
            assert_eq!(n[4], n[5] + n[6] + n[7], "{line}");
            assert_eq!(n[8], n[9] + n[10], "{line}");
            received_seen += n[0];
            refused_seen += n[11] + n[12];
        }
    }
    assert!(
        received_seen > 0 && refused_seen > 0,
        "the data is not empty"
    );

    // A refused or withdrawn submission is never received: in October,
    // the refused ones are exactly those refused in October, whatever
    // the received column says.
    let refused_in_october: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM dossiers WHERE status = 'refused'
           AND resolved_at >= '2026-10-01 00:00+07' AND resolved_at < '2026-11-01 00:00+07'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let csv = manager
        .get("/thong-ke/bieu-06.csv?tu=2026-10-01&den=2026-10-31&co-quan=000.01.40.H34")
        .await;
    let total = csv.body.lines().last().unwrap();
    let refused: i64 = total.split(',').nth(12).unwrap().parse().unwrap();
    assert_eq!(refused, refused_in_october, "{total}");
}
