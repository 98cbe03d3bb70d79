//! Two wards merge (issue 18 item 3): the merged ward's open dossiers,
//! procedures and officials pass to its successor, which handles them from
//! then on; what it finished stays its own; every dossier keeps the name
//! of the agency it was filed with; the merged ward is no longer offered.

use crate::procedure_versions::{signed_in as admin_signed_in, AUTHOR, REVIEWER};
use crate::support;

use support::back_office::*;
use support::dossiers::submit_birth;
use support::spawn_app;

const MERGED: &str = "000.01.40.H34";
const MERGED_NAME: &str = "Ủy ban nhân dân phường Hồng Gai";
const SUCCESSOR: &str = "000.02.40.H34";
const SUCCESSOR_NAME: &str = "Ủy ban nhân dân phường Bãi Cháy";
const PAGE: &str = "/quan-tri/co-quan/000.01.40.H34";
const MERGE: &str = "/quan-tri/co-quan/000.01.40.H34/sap-nhap";

async fn agency_of(app: &support::TestApp, code: &str) -> String {
    sqlx::query_scalar(
        "SELECT a.code FROM dossiers d JOIN agencies a ON a.id = d.agency_id WHERE d.code = $1",
    )
    .bind(code)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_merged_wards_open_dossiers_and_officials_pass_to_its_successor() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let open = submit_birth(&app, &mut citizen).await;
    let refused = submit_birth(&app, &mut citizen).await;
    act(
        &app,
        &mut reception,
        &refused,
        "refuse",
        &[("note", "Hồ sơ nộp nhầm nơi.")],
    )
    .await;

    let mut admin = admin_signed_in(&app, AUTHOR).await;
    let page = admin.get(PAGE).await.text();
    assert!(page.contains("Sáp nhập vào cơ quan khác"), "{page}");
    // Both fields are required; nothing happens without them.
    assert_eq!(admin.post(MERGE, &[]).await.location(), PAGE);
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains("Chọn cơ quan nhận sáp nhập") && page.contains("Đánh dấu xác nhận"),
        "{page}"
    );
    assert_eq!(agency_of(&app, &open).await, MERGED);

    let merged = admin
        .post(MERGE, &[("successor", SUCCESSOR), ("confirm", "on")])
        .await;
    assert_eq!(merged.location(), PAGE);
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains(&format!(
            "Đã sáp nhập vào {SUCCESSOR_NAME}: chuyển 1 hồ sơ đang giải quyết"
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!("Đã sáp nhập vào {SUCCESSOR_NAME} từ ngày")),
        "{page}"
    );
    assert!(
        !page.contains("Sáp nhập vào cơ quan khác"),
        "merged once: {page}"
    );

    // The open dossier is the successor's; the finished one stays.
    assert_eq!(agency_of(&app, &open).await, SUCCESSOR);
    assert_eq!(agency_of(&app, &refused).await, MERGED);
    // The ward's reception officer now works for the successor and takes
    // the dossier on from its inbox.
    let inbox = reception.get("/can-bo").await.text();
    assert!(inbox.contains(&open), "{inbox}");
    act(&app, &mut reception, &open, "accept", &[]).await;
    // The applicant still reads the name they filed with.
    let dossier = citizen.get(&format!("/ho-so/{open}")).await.text();
    assert!(dossier.contains(MERGED_NAME), "{dossier}");
    // A new filing is offered at the successor, not at the merged ward.
    let filing = citizen.get("/nop-ho-so/1.001193").await.body;
    assert!(
        !filing.contains(&format!("value=\"{MERGED}\"")),
        "not offered"
    );
    assert!(filing.contains(&format!("value=\"{SUCCESSOR}\"")));
    let tree = admin.get("/quan-tri/co-quan").await.text();
    assert!(tree.contains("Đã sáp nhập"), "{tree}");
    let audited: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'agency_merged'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited["successor"], SUCCESSOR);
    assert_eq!(audited["open_dossiers"], 1);
}

#[tokio::test]
async fn two_wards_merged_into_each_other_at_once_merge_one_way_only() {
    let app = spawn_app().await;
    let mut one = admin_signed_in(&app, AUTHOR).await;
    let mut other = admin_signed_in(&app, REVIEWER).await;
    let back = format!("/quan-tri/co-quan/{SUCCESSOR}/sap-nhap");
    let (first, second) = tokio::join!(
        one.post(MERGE, &[("successor", SUCCESSOR), ("confirm", "on")]),
        other.post(&back, &[("successor", MERGED), ("confirm", "on")]),
    );
    assert_eq!(first.status, 303);
    assert_eq!(second.status, 303);
    let merged: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.code, s.code FROM agencies a JOIN agencies s ON s.id = a.merged_into",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(merged.len(), 1, "{merged:?}");
    let refused_page = if merged[0].0 == MERGED {
        other.get(&format!("/quan-tri/co-quan/{SUCCESSOR}")).await
    } else {
        one.get(PAGE).await
    };
    assert!(
        refused_page.text().contains("Không sáp nhập được"),
        "the other is told: {}",
        refused_page.text()
    );
}
