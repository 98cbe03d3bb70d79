//! Biểu 06 on generated data: every dossier of a generated year is counted
//! once, and the form's identity holds for every month and quarter.

use crate::support;

use support::back_office::{signed_in, MANAGER};
use support::{spawn_app, TestApp};

/// Every month and quarter the data touches, and a period across them.
const PERIODS: [(&str, &str); 10] = [
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

#[tokio::test]
async fn every_dossier_is_accounted_for_once_on_generated_data() {
    let app = spawn_app().await;
    generate_dossiers(&app).await;
    let mut manager = signed_in(&app, MANAGER).await;
    let (mut received_seen, mut refused_seen) = (0, 0);
    for (from, to) in PERIODS {
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

/// 600 dossiers from August to December, in every state: accepted a few
/// hours after submission (unless refused, withdrawn or still waiting),
/// finished (or not) up to sixty days later, the result issued up to two
/// days before it is returned.
async fn generate_dossiers(app: &TestApp) {
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
}

/// Biểu 06 for `period` by agency, each dossier classified on its own by
/// `bieu06_dossiers` (the definition, which the lists behind the numbers
/// read): the eleven counting columns per agency code.
async fn classified_one_by_one(
    app: &TestApp,
    agencies: &[i64],
    (from, to): (&str, &str),
) -> Vec<(String, Vec<i64>)> {
    let rows: Vec<(String, Vec<i64>)> = sqlx::query_as(
        "SELECT a.code, ARRAY[count(*) FILTER (WHERE intake = 0), count(*) FILTER (WHERE intake = 1),
                              count(*) FILTER (WHERE intake = 2), count(*) FILTER (WHERE outcome = 0),
                              count(*) FILTER (WHERE outcome = 1), count(*) FILTER (WHERE outcome = 2),
                              count(*) FILTER (WHERE outcome = 3), count(*) FILTER (WHERE outcome = 4),
                              count(*) FILTER (WHERE outcome = 5), count(*) FILTER (WHERE outcome = 6),
                              count(*) FILTER (WHERE outcome = 7)]
         FROM bieu06_dossiers($1, $2::date, $3::date) b JOIN agencies a ON a.id = b.agency_id
         GROUP BY a.code ORDER BY a.code",
    )
    .bind(agencies)
    .bind(from)
    .bind(to)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    rows
}

/// The report's rows by agency as the page reads them (the daily counts).
async fn reported(
    app: &TestApp,
    agencies: &[i64],
    (from, to): (&str, &str),
) -> Vec<(String, Vec<i64>)> {
    use app::statistics::bieu06::Breakdown;
    let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    let mut rows: Vec<(String, Vec<i64>)> = app::statistics::store::bieu06_rows(
        &app.pool,
        agencies,
        day(from),
        day(to),
        Breakdown::Agency,
    )
    .await
    .unwrap()
    .into_iter()
    .map(|row| {
        let counts = vec![
            row.carried_over,
            row.new_online,
            row.new_counter,
            row.resolved_early,
            row.resolved_on_time,
            row.resolved_late,
            row.pending_within,
            row.pending_overdue,
            row.refused,
            row.withdrawn,
            row.stopped,
        ];
        (row.code, counts)
    })
    .filter(|(_, counts)| counts.iter().any(|n| *n != 0))
    .collect();
    rows.sort();
    rows
}

#[tokio::test]
async fn the_daily_counts_agree_with_each_dossier_classified_on_its_own() {
    let app = spawn_app().await;
    generate_dossiers(&app).await;
    let agencies: Vec<i64> = sqlx::query_scalar("SELECT id FROM agencies")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    let compare = |label: &'static str| {
        let app = &app;
        let agencies = &agencies;
        async move {
            for period in PERIODS {
                let expected = classified_one_by_one(app, agencies, period).await;
                assert!(!expected.is_empty(), "{label}: nothing in {period:?}");
                assert_eq!(
                    reported(app, agencies, period).await,
                    expected,
                    "{label}, {period:?}"
                );
            }
        }
    };
    compare("as filed").await;

    // Dossiers change after the fact: results issued, stopped, moved to
    // another agency, reopened (a result withdrawn), deleted; the daily
    // counts follow every change.
    for change in [
        "UPDATE dossiers SET status = 'result_ready', result_issued_at = received_at + interval '3 days'
          WHERE status = 'processing' AND id % 3 = 0",
        "UPDATE dossiers SET status = 'stopped', resolved_at = received_at + interval '20 days'
          WHERE status = 'awaiting_approval' AND id % 2 = 0",
        "UPDATE dossiers SET agency_id = (SELECT id FROM agencies WHERE code <> '000.01.40.H34' ORDER BY id LIMIT 1)
          WHERE status IN ('returned', 'received') AND id % 4 = 0",
        "UPDATE dossiers SET status = 'processing', result_issued_at = NULL
          WHERE status = 'result_ready' AND id % 5 = 0",
        "UPDATE dossiers SET legal_due_at = legal_due_at + interval '10 days' WHERE id % 7 = 0",
        "DELETE FROM dossiers WHERE id % 11 = 0",
        "UPDATE dossiers SET apologies = 1 WHERE id % 3 = 1",
        "UPDATE dossiers SET repeat_supplement_requests = 1 WHERE id % 4 = 1",
        "UPDATE dossiers SET result_delivery = 'online' WHERE id % 2 = 1",
        // Payments settled online and at the counter; the dossiers of two
        // of them then move to another agency, taking them along.
        "INSERT INTO payments (reference, dossier_id, gateway, method, amount_vnd, status, expires_at, settled_at, receipt_number)
         SELECT 'gen-' || d.id, d.id, CASE WHEN d.id % 2 = 0 THEN 'counter' ELSE 'sandbox' END,
                CASE WHEN d.id % 2 = 0 THEN 'cash' ELSE 'online' END, 8000, 'paid',
                d.submitted_at + interval '1 day', d.submitted_at + interval '1 hour', 'BL-' || d.id
         FROM dossiers d WHERE d.id % 6 IN (0, 1)",
        "UPDATE dossiers SET agency_id = (SELECT id FROM agencies WHERE code <> '000.01.40.H34' ORDER BY id LIMIT 1)
          WHERE id IN (SELECT dossier_id FROM payments ORDER BY id LIMIT 2)",
    ] {
        sqlx::query(change).execute(&app.pool).await.unwrap();
    }
    compare("after changes").await;

    // The service index's counts per dossier, likewise, for the whole
    // province and for the one agency that lost dossiers.
    let one_agency: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM agencies WHERE code = '000.01.40.H34'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    for ((from, to), agencies) in PERIODS
        .into_iter()
        .flat_map(|period| [(period, &agencies), (period, &one_agency)])
    {
        let expected: (i64, i64, i64, i64) = sqlx::query_as(
            "WITH in_play AS (
                 SELECT b.outcome, d.apologies, d.repeat_supplement_requests
                 FROM bieu06_dossiers($1, $2::date, $3::date) b JOIN dossiers d ON d.id = b.dossier_id
                 WHERE b.intake <> 3)
             SELECT (SELECT count(*) FROM in_play WHERE outcome IN (2, 4) AND apologies > 0),
                    (SELECT count(*) FROM in_play WHERE repeat_supplement_requests > 0),
                    (SELECT count(*) FROM dossiers d
                     WHERE d.agency_id = ANY($1) AND d.status = 'returned' AND d.result_delivery = 'online'
                       AND d.resolved_at >= $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                       AND d.resolved_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'),
                    (SELECT count(*) FROM payments p JOIN dossiers d ON d.id = p.dossier_id
                     WHERE d.agency_id = ANY($1) AND p.settled_at IS NOT NULL
                       AND p.settled_at >= $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                       AND p.settled_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')",
        )
        .bind(agencies)
        .bind(from)
        .bind(to)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let inputs = app::statistics::store::index_inputs(&app.pool, agencies, day(from), day(to))
            .await
            .unwrap();
        assert_eq!(
            (
                inputs.late_apologised,
                inputs.repeat_supplements,
                inputs.returned_electronic,
                inputs.payments
            ),
            expected,
            "{from}–{to}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dossiers_accepted_at_once_are_each_counted_once() {
    let app = spawn_app().await;
    generate_dossiers(&app).await;
    // Every submission still waiting, accepted at the same moment by
    // separate connections: they all add to the same daily row.
    let waiting: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM dossiers WHERE status = 'submitted' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(waiting.len() >= 50, "{}", waiting.len());
    let mut accepting = tokio::task::JoinSet::new();
    for id in waiting.clone() {
        let pool = app.pool.clone();
        accepting.spawn(async move {
            sqlx::query(
                "UPDATE dossiers SET status = 'received', received_at = timestamptz '2026-11-20 09:00+07'
                 WHERE id = $1",
            )
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
        });
    }
    while let Some(done) = accepting.join_next().await {
        done.unwrap();
    }
    let counted: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(dossiers), 0)::bigint FROM statistics_daily_dossiers
         WHERE measure = 1 AND day = '2026-11-20'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let accepted_that_day: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM dossiers
         WHERE (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = '2026-11-20'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(accepted_that_day >= waiting.len() as i64);
    assert_eq!(counted, accepted_that_day, "each acceptance counted once");
    let agencies: Vec<i64> = sqlx::query_scalar("SELECT id FROM agencies")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    let november = ("2026-11-01", "2026-11-30");
    assert_eq!(
        reported(&app, &agencies, november).await,
        classified_one_by_one(&app, &agencies, november).await
    );
}
