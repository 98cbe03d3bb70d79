//! Field reports on the operations view and in its workbook: today's new,
//! resolved, open and overdue reports per agency and category, the open
//! ones per commune, each agency's on-time rate and average rating over a
//! period — counted for the coordinator (every report) and for an agency's
//! leader (its own only), read back from the .xlsx by openpyxl, with
//! nothing of who reported.

use crate::field_reports::{act, file_light_report, forward_and_answer, COORDINATOR};
use crate::support;
use support::back_office::{signed_in, CITIZEN};
use support::photos::jpeg;
use support::spawn_app;
use support::xlsx::{numbers_of, read_sheets};

const WARD_LEADER: &str = "lanhdao@motcua.example";
/// Leads the province's land office, which handles no street light.
const LAND_LEADER: &str = "lanhdao.datdai@motcua.example";

#[tokio::test]
async fn the_coordinator_and_an_agencys_leader_count_todays_reports_and_outcomes_in_a_workbook() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    // One answered on time, published and rated 4; one still with the
    // coordinator.
    let resolved = file_light_report(&mut citizen, &jpeg(), true).await;
    forward_and_answer(&app, &mut coordinator, &resolved).await;
    act(&mut coordinator, &resolved, &[("action", "publish")]).await;
    citizen
        .post(
            &format!("/phan-anh/{resolved}/danh-gia"),
            &[("stars", "4"), ("comment", "")],
        )
        .await;
    file_light_report(&mut citizen, &jpeg(), true).await;
    let ward: String = sqlx::query_scalar("SELECT name FROM agencies WHERE code = '000.01.40.H34'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let reporter: String = sqlx::query_scalar("SELECT full_name FROM users WHERE email = $1")
        .bind(CITIZEN)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let centre = "Trung tâm điều hành (chưa chuyển)";

    let page = coordinator.get("/thong-ke/dieu-hanh").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("Phản ánh hiện trường"), "{html}");
    assert!(html.contains(&ward) && html.contains(centre));
    assert!(!html.contains(&reporter), "no reporter on the figures");

    let book = coordinator.get("/thong-ke/dieu-hanh/phan-anh.xlsx").await;
    assert_eq!(book.status, 200);
    assert!(!String::from_utf8_lossy(&book.bytes).contains(&reporter));
    let sheets = read_sheets(&book.bytes);
    let names: Vec<&str> = sheets.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Hôm nay", "Theo xã, phường", "Kết quả trong kỳ"]);
    let today = &sheets[0];
    let by_agency = "Cơ quan xử lý";
    // new today, resolved today, open, overdue
    let row = |name: &str| numbers_of(today, by_agency, name).map(|n| n[..4].to_vec());
    assert_eq!(
        row(&ward),
        Some(vec![Some(1.0), Some(1.0), Some(0.0), Some(0.0)])
    );
    assert_eq!(
        row(centre),
        Some(vec![Some(1.0), Some(0.0), Some(1.0), Some(0.0)])
    );
    assert_eq!(
        row("Tổng cộng"),
        Some(vec![Some(2.0), Some(1.0), Some(1.0), Some(0.0)])
    );
    let by_category = numbers_of(today, "Loại phản ánh", "Tổng cộng").unwrap();
    assert_eq!(
        by_category[..4],
        [Some(2.0), Some(1.0), Some(1.0), Some(0.0)]
    );
    let communes = numbers_of(&sheets[1], "Xã, phường", "Phường Hồng Gai").unwrap();
    assert_eq!(
        communes[..2],
        [Some(1.0), Some(0.0)],
        "the open one in Hồng Gai"
    );
    // resolved, on time, rate, ratings, average
    let outcome = numbers_of(&sheets[2], by_agency, &ward).unwrap();
    assert_eq!(
        outcome[..5],
        [Some(1.0), Some(1.0), Some(100.0), Some(1.0), Some(4.0)]
    );

    // The ward's leader sees the ward's reports, not the coordinator's.
    let mut leader = signed_in(&app, WARD_LEADER).await;
    let sheets = read_sheets(&leader.get("/thong-ke/dieu-hanh/phan-anh.xlsx").await.bytes);
    assert!(numbers_of(&sheets[0], by_agency, &ward).is_some());
    assert_eq!(numbers_of(&sheets[0], by_agency, centre), None);
    let total = numbers_of(&sheets[0], by_agency, "Tổng cộng").unwrap();
    assert_eq!(total[..4], [Some(1.0), Some(1.0), Some(0.0), Some(0.0)]);
    // Another agency's leader counts none of them.
    let mut land = signed_in(&app, LAND_LEADER).await;
    let sheets = read_sheets(&land.get("/thong-ke/dieu-hanh/phan-anh.xlsx").await.bytes);
    let total = numbers_of(&sheets[0], by_agency, "Tổng cộng").unwrap();
    assert_eq!(total[..4], [Some(0.0); 4]);
    assert_eq!(numbers_of(&sheets[2], by_agency, &ward), None);
    // Neither a citizen nor an official who only works reports may read it.
    assert_eq!(
        citizen
            .get("/thong-ke/dieu-hanh/phan-anh.xlsx")
            .await
            .status,
        403
    );
    let mut specialist = signed_in(&app, "chuyenvien@motcua.example").await;
    assert_eq!(
        specialist
            .get("/thong-ke/dieu-hanh/phan-anh.xlsx")
            .await
            .status,
        403
    );

    // A month on, the report left with the coordinator is overdue; nothing
    // is new or resolved that day, and the period's outcomes move with it.
    app.clock()
        .set(chrono::Utc::now() + chrono::Duration::days(31));
    let sheets = read_sheets(
        &coordinator
            .get("/thong-ke/dieu-hanh/phan-anh.xlsx")
            .await
            .bytes,
    );
    let total = numbers_of(&sheets[0], by_agency, "Tổng cộng").unwrap();
    assert_eq!(total[..4], [Some(0.0), Some(0.0), Some(1.0), Some(1.0)]);
    let communes = numbers_of(&sheets[1], "Xã, phường", "Phường Hồng Gai").unwrap();
    assert_eq!(communes[..2], [Some(1.0), Some(1.0)]);
    let today = chrono::Utc::now().date_naive();
    let earlier = coordinator
        .get(&format!(
            "/thong-ke/dieu-hanh/phan-anh.xlsx?tu={}&den={}",
            today - chrono::Duration::days(1),
            today + chrono::Duration::days(1)
        ))
        .await;
    let outcome = numbers_of(&read_sheets(&earlier.bytes)[2], by_agency, &ward).unwrap();
    assert_eq!(outcome[..2], [Some(1.0), Some(1.0)]);
}
