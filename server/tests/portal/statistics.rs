//! Biểu 06 on a hand-built set of dossiers whose every count is known.

use crate::support;

use support::back_office::{manager_elsewhere, signed_in, MANAGER, RECEPTION};
use support::spawn_app;

/// A dossier as history left it: code, channel, status, submitted, legal
/// due, resolved, resumes_to.
type Built = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

/// Dossiers of the demo ward's birth registrations.
const DOSSIERS: &[Built] = &[
    // Carried over from September, returned early in October.
    (
        "000.01.40.H34-260920-9001",
        "online",
        "returned",
        "2026-09-20 09:00",
        "2026-10-06 17:00",
        Some("2026-10-05 10:00"),
        None,
    ),
    // New online, returned on the appointment's day.
    (
        "000.01.40.H34-261010-9002",
        "online",
        "returned",
        "2026-10-10 09:00",
        "2026-10-12 17:00",
        Some("2026-10-12 10:00"),
        None,
    ),
    // At the counter, returned after its appointment (an apology moved the
    // date in force, not the legal one): late.
    (
        "000.01.40.H34-261102-9003",
        "counter",
        "returned",
        "2026-11-02 09:00",
        "2026-11-03 17:00",
        Some("2026-11-09 10:00"),
        None,
    ),
    // Waiting for a supplement at the end of the period: within the deadline.
    (
        "000.01.40.H34-261201-9004",
        "online",
        "awaiting_supplement",
        "2026-12-01 09:00",
        "2026-12-02 17:00",
        None,
        Some("processing"),
    ),
    // Still being processed, appointment passed: overdue.
    (
        "000.01.40.H34-261210-9005",
        "online",
        "processing",
        "2026-12-10 09:00",
        "2026-12-20 17:00",
        None,
        None,
    ),
    // Refused at reception.
    (
        "000.01.40.H34-261020-9006",
        "online",
        "refused",
        "2026-10-20 09:00",
        "2026-10-21 17:00",
        Some("2026-10-21 08:30"),
        None,
    ),
    // Result issued on its appointment day, collected a week later: on
    // time, for the result counts when it is issued, not when collected
    // (its issue moment is set in `build`).
    (
        "000.01.40.H34-261116-9008",
        "online",
        "returned",
        "2026-11-16 09:00",
        "2026-11-18 17:00",
        Some("2026-11-25 10:00"),
        None,
    ),
    // Submitted at the counter on 28 December and not yet accepted: not
    // received, so in no column.
    (
        "000.01.40.H34-261228-9009",
        "counter",
        "submitted",
        "2026-12-28 09:00",
        "2026-12-29 17:00",
        None,
        None,
    ),
    // Finished before the period: not in it.
    (
        "000.01.40.H34-260901-9007",
        "online",
        "returned",
        "2026-09-01 09:00",
        "2026-09-03 17:00",
        Some("2026-09-02 10:00"),
        None,
    ),
];

pub(crate) async fn build(app: &support::TestApp) {
    for (code, channel, status, submitted, due, resolved, resumes_to) in DOSSIERS {
        sqlx::query(
            // Accepted as submitted, unless refused or not yet accepted; a
            // returned result was issued when returned, unless set below.
            "INSERT INTO dossiers (code, pin, applicant_id, procedure_version_id, agency_id, status, channel,
                                   submitted_at, legal_due_at, due_at, resolved_at, resumes_to, received_at,
                                   result_issued_at)
             SELECT $1, '123456', (SELECT id FROM users WHERE email = 'congdan@motcua.example'), c.id,
                    (SELECT id FROM agencies WHERE code = '000.01.40.H34'), $2, $3,
                    $4::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', $5::timestamp, $5::timestamp,
                    $6::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', $7,
                    CASE WHEN $2 NOT IN ('refused', 'withdrawn', 'submitted')
                         THEN $4::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
                    CASE WHEN $2 = 'returned' THEN $6::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END
             FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id WHERE p.code = '1.001193'",
        )
        .bind(code)
        .bind(status)
        .bind(channel)
        .bind(submitted)
        .bind(due)
        .bind(resolved)
        .bind(resumes_to)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    sqlx::query(
        "UPDATE dossiers SET result_issued_at = '2026-11-18 16:00+07' WHERE code = '000.01.40.H34-261116-9008'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    // The late one's apology (slip 04), counted on the dossier.
    sqlx::query("UPDATE dossiers SET apologies = 1 WHERE code = '000.01.40.H34-261102-9003'")
        .execute(&app.pool)
        .await
        .unwrap();
    // One supplement asked in the period, and one rating (satisfied).
    sqlx::query(
        "INSERT INTO dossier_history (dossier_id, action, from_status, to_status, occurred_at)
         SELECT id, 'request_supplement', 'processing', 'awaiting_supplement', '2026-12-02 09:00+07' FROM dossiers
         WHERE code = '000.01.40.H34-261201-9004'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO dossier_ratings (dossier_id, rated_by, overall, timeliness, attitude, guidance, created_at)
         SELECT id, applicant_id, 4, 4, 5, 4, '2026-10-13 09:00+07' FROM dossiers WHERE code = '000.01.40.H34-261010-9002'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn each_column_of_bieu_06_counts_what_it_says() {
    let app = spawn_app().await;
    build(&app).await;
    let mut manager = signed_in(&app, MANAGER).await;
    let csv = manager
        .get("/thong-ke/bieu-06.csv?tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34")
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body.starts_with('\u{feff}'),
        "a byte-order mark for Excel"
    );
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].contains("từ ngày 01/10/2026 đến ngày 31/12/2026"),
        "{}",
        lines[0]
    );
    let civil_status = lines
        .iter()
        .find(|line| line.starts_with("Hộ tịch"))
        .expect("a row for the sector");
    // received (accepted): total, carried over, online, counter; resolved
    // (result issued): total, early, on time, late; pending: total, within,
    // overdue; refused and withdrawn before acceptance, stopped;
    // supplements; payments, amount; online rate; satisfied. The refused
    // submission and the one not yet accepted are not received:
    // 6 = 1 + 4 + 1 = 4 resolved + 2 pending + 0 stopped.
    assert_eq!(
        *civil_status, "Hộ tịch,6,1,4,1,4,1,2,1,2,1,1,1,0,0,1,0,0,80,100",
        "{}",
        csv.body
    );
    let total = lines.last().unwrap();
    assert!(total.starts_with("Tổng cộng,6,1,4,1,4,"), "{total}");

    let page = manager
        .get("/thong-ke?tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34")
        .await
        .text();
    // The form: STT, the sector, its eleven counts and nothing else; the
    // refusals, withdrawals, stops and supplements in their own table.
    assert!(
        page.contains("1 Hộ tịch 6 1 4 1 4 1 2 1 2 1 1 Tổng cộng 6 1 4 1 4 1 2 1 2 1 1"),
        "{page}"
    );
    assert!(page.contains("1 Hộ tịch 1 0 0 1 "), "{page}");
    for expected in [
        "Đơn vị báo cáo: Ủy ban nhân dân phường Hồng Gai",
        "Biểu số 06/VPCP/KSTT",
        "Đơn vị tính: hồ sơ",
        "STT Lĩnh vực Số hồ sơ nhận giải quyết Số hồ sơ đã giải quyết Số hồ sơ đang giải quyết",
        "Tổng số Kỳ trước chuyển qua Mới tiếp nhận trong kỳ Tổng số Trước hạn Đúng hạn Quá hạn Tổng số Trong hạn Quá hạn",
        "Trực tuyến Trực tiếp, bưu chính (1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13)",
        "NGƯỜI LẬP BIỂU (Ký, ghi rõ họ tên)",
        "THỦ TRƯỞNG ĐƠN VỊ (Ký, ghi rõ họ tên, đóng dấu)",
        "Số liệu bổ sung (ngoài Biểu 06)",
        "STT Lĩnh vực Từ chối Rút hồ sơ Dừng giải quyết Yêu cầu bổ sung",
    ] {
        assert!(page.contains(expected), "{expected:?} in {page}");
    }
    assert!(
        page.contains("Đối chiếu: tiếp nhận 6 = đã giải quyết 4 + đang giải quyết 2 + dừng giải quyết 0 (khớp)"),
        "the identity is on the report: {page}"
    );

    // Officials who do not manage get no report.
    let mut reception = signed_in(&app, RECEPTION).await;
    assert_eq!(reception.get("/thong-ke/bieu-06.csv").await.status, 403);
}

#[tokio::test]
async fn a_commune_manager_sees_only_their_own_communes_numbers() {
    let app = spawn_app().await;
    build(&app).await;
    let mut other = signed_in(&app, manager_elsewhere(&app).await).await;
    let csv = other
        .get("/thong-ke/bieu-06.csv?tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34")
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        !csv.body.contains("Phường Hồng Gai") && !csv.body.contains("Hộ tịch,"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("Tổng cộng,0,0,0,0,0"), "{}", csv.body);
    // Nor the dossiers behind the other commune's numbers.
    let list = other
        .get("/thong-ke/ho-so?tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34&cot=received")
        .await;
    assert_eq!(list.status, 403);
    assert!(!list.body.contains("000.01.40.H34-26"), "{}", list.body);
}

#[tokio::test]
async fn each_number_opens_the_list_of_exactly_the_dossiers_it_counts() {
    let app = spawn_app().await;
    build(&app).await;
    let mut manager = signed_in(&app, MANAGER).await;
    let page = manager
        .get("/thong-ke?tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34")
        .await;
    let late =
        "/thong-ke/ho-so?tu=2026-10-01&amp;den=2026-12-31&amp;co-quan=000.01.40.H34&amp;linh-vuc=";
    assert!(page.body.contains(late), "the numbers link to their lists");

    let list = |column: &str| {
        format!("/thong-ke/ho-so?tu=2026-10-01&den=2026-12-31&co-quan=000.01.40.H34&cot={column}")
    };
    let codes = |text: &str| {
        DOSSIERS
            .iter()
            .map(|dossier| dossier.0)
            .filter(|code| text.contains(code))
            .collect::<Vec<_>>()
    };
    for (column, expected) in [
        ("late", vec!["000.01.40.H34-261102-9003"]),
        ("within", vec!["000.01.40.H34-261201-9004"]),
        ("overdue", vec!["000.01.40.H34-261210-9005"]),
        ("carried_over", vec!["000.01.40.H34-260920-9001"]),
        ("refused", vec!["000.01.40.H34-261020-9006"]),
        (
            "resolved",
            vec![
                "000.01.40.H34-260920-9001",
                "000.01.40.H34-261010-9002",
                "000.01.40.H34-261102-9003",
                "000.01.40.H34-261116-9008",
            ],
        ),
        (
            "on_time",
            vec!["000.01.40.H34-261010-9002", "000.01.40.H34-261116-9008"],
        ),
        (
            "received",
            vec![
                "000.01.40.H34-260920-9001",
                "000.01.40.H34-261010-9002",
                "000.01.40.H34-261102-9003",
                "000.01.40.H34-261116-9008",
                "000.01.40.H34-261201-9004",
                "000.01.40.H34-261210-9005",
            ],
        ),
    ] {
        let text = manager.get(&list(column)).await.text();
        let mut found = codes(&text);
        found.sort();
        assert_eq!(found, expected, "{column}: {text}");
        assert!(
            text.contains(&format!(": {} hồ sơ.", expected.len())),
            "{text}"
        );
    }
    // Each code opens the dossier in the back office.
    let text = manager.get(&list("late")).await;
    assert!(text
        .body
        .contains("href=\"/can-bo/ho-so/000.01.40.H34-261102-9003\""));
    assert_eq!(manager.get(&list("no-such-column")).await.status, 404);
}

#[tokio::test]
async fn a_provincial_manager_breaks_the_report_down_by_agency() {
    let app = spawn_app().await;
    build(&app).await;
    let mut manager = signed_in(&app, MANAGER).await;
    // The province's report (the manager's own agency and all below it).
    let report = manager
        .get("/api/v1/reports/bieu-06?from=2026-10-01&to=2026-12-31&by=agency")
        .await
        .json();
    assert_eq!(report["by"], "agency");
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "only the ward had dossiers: {report}");
    assert_eq!(rows[0]["name"], "Ủy ban nhân dân phường Hồng Gai");
    assert_eq!(rows[0]["code"], "000.01.40.H34");
    assert_eq!(rows[0]["received"], 6);
    assert_eq!(rows[0]["resolved_late"], 1);
    assert_eq!(rows[0]["supplements_requested"], 1);
    assert_eq!(rows[0]["ratings"], 1);

    let page = manager
        .get("/thong-ke?tu=2026-10-01&den=2026-12-31&theo=co-quan")
        .await;
    assert!(
        page.text()
            .contains("1 Ủy ban nhân dân phường Hồng Gai 6 1 4 1 4 1 2 1 2 1 1 Tổng cộng"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("don-vi=000.01.40.H34&amp;cot=late"),
        "an agency's number lists that agency's dossiers"
    );
    let csv = manager
        .get("/thong-ke/bieu-06.csv?tu=2026-10-01&den=2026-12-31&theo=co-quan")
        .await;
    assert!(csv.body.contains("\r\nCơ quan,"), "{}", csv.body);
    let list = manager
        .get("/thong-ke/ho-so?tu=2026-10-01&den=2026-12-31&don-vi=000.01.40.H34&cot=late")
        .await
        .text();
    assert!(
        list.contains("000.01.40.H34-261102-9003") && list.contains(": 1 hồ sơ."),
        "{list}"
    );
}
