//! A procedure's sector, level and implementing agency are part of its
//! version: edited in the draft or set by an import, and followed — by the
//! catalogue, the filing page's choice of office and the agencies that
//! receive its dossiers — from the version's effective date, not before.

use crate::catalogue_exchange::{file, new_procedure, upload};
use crate::procedure_versions::{draft_fields, signed_in, ADMIN_PAGE, AUTHOR, REVIEWER};
use crate::support;

use serde_json::json;
use support::back_office::CITIZEN;
use support::{spawn_app, TestApp};

const CODE: &str = "1.010038";
/// Sở Nội vụ.
const HOME_AFFAIRS: &str = "000.00.18.H34";

/// The agencies that receive the procedure's dossiers, by code.
async fn receiving(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT a.code FROM procedure_agencies pa JOIN agencies a ON a.id = pa.agency_id
         JOIN procedures p ON p.id = pa.procedure_id WHERE p.code = $1 ORDER BY a.code",
    )
    .bind(CODE)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn placement(app: &TestApp) -> (String, String) {
    sqlx::query_as(
        "SELECT s.code, p.agency_level FROM procedures p JOIN sectors s ON s.id = p.sector_id WHERE p.code = $1",
    )
    .bind(CODE)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// The draft's fields placing "Tách hộ" at Sở Nội vụ, in "Lao động".
fn at_home_affairs() -> Vec<(&'static str, &'static str)> {
    draft_fields("3")
        .into_iter()
        .map(|(name, value)| match name {
            "sector" => (name, "LAO_DONG"),
            "level" => (name, "province"),
            "agency" => (name, HOME_AFFAIRS),
            _ => (name, value),
        })
        .collect()
}

#[tokio::test]
async fn a_version_moves_the_procedure_to_another_agency_from_its_effective_date() {
    let app = spawn_app().await;
    let communes = receiving(&app).await.len();
    assert!(communes > 1, "every commune receives it today");

    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &at_home_affairs())
        .await;
    let page = author.get(ADMIN_PAGE).await.text();
    assert!(page.contains("Cấp thực hiện Cấp xã Cấp tỉnh"), "{page}");
    assert!(
        page.contains(&format!("Cơ quan thực hiện {HOME_AFFAIRS}")),
        "{page}"
    );

    let mut reviewer = signed_in(&app, REVIEWER).await;
    let tomorrow = (app.clock().today_in_vietnam() + chrono::Days::new(1))
        .format("%d/%m/%Y")
        .to_string();
    reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", &tomorrow)],
        )
        .await;
    // The day before: nothing moves, whoever runs the sync.
    let changed: i32 = sqlx::query_scalar("SELECT apply_procedure_placements()")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(changed, 0);
    assert_eq!(receiving(&app).await.len(), communes);
    assert_eq!(placement(&app).await.1, "commune");

    // The day comes; every instance runs the sync at once: it moves once.
    sqlx::query(
        "UPDATE procedure_versions SET effective_from = effective_from - 1 WHERE published_at IS NOT NULL AND version = 2",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let pool = app.pool.clone();
            tokio::spawn(async move {
                sqlx::query_scalar::<_, i32>("SELECT apply_procedure_placements()")
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut total = 0;
    for run in runs {
        total += run.await.unwrap();
    }
    assert_eq!(total, 1, "one instance moved it");
    assert_eq!(receiving(&app).await, [HOME_AFFAIRS]);
    assert_eq!(
        placement(&app).await,
        ("LAO_DONG".to_string(), "province".to_string())
    );
    let public = app.get(&format!("/thu-tuc/{CODE}")).await.text();
    assert!(public.contains("Cơ quan thực hiện Sở Nội vụ"), "{public}");
    let mut citizen = signed_in(&app, CITIZEN).await;
    let filing = citizen.get(&format!("/nop-ho-so/{CODE}")).await.body;
    assert!(
        filing.contains(&format!("value=\"{HOME_AFFAIRS}\"")),
        "{filing}"
    );
    assert!(
        !filing.contains("Ủy ban nhân dân phường"),
        "no commune is offered any more"
    );
}

#[tokio::test]
async fn a_placement_the_portal_does_not_know_is_refused() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let forged: Vec<_> = at_home_affairs()
        .into_iter()
        .map(|(name, value)| match name {
            "sector" => (name, "KHONG_CO"),
            "agency" => (name, "000.99.99.H34"),
            _ => (name, value),
        })
        .collect();
    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &forged)
        .await;
    let page = author.get(ADMIN_PAGE).await.text();
    assert_eq!(
        page.matches("Chọn một mục trong danh sách.").count(),
        4,
        "sector and agency, in the summary and beside each: {page}"
    );
}

#[tokio::test]
async fn an_import_moves_a_known_procedure_when_it_is_published() {
    let app = spawn_app().await;
    let mut moved = new_procedure(CODE, 5);
    moved["level"] = json!("province");
    moved["agency"] = json!(HOME_AFFAIRS);
    let content = file(&app, vec![moved]).await;
    let author = signed_in(&app, AUTHOR).await;
    let import = upload(&app, &author, "danh-muc.json", &content)
        .await
        .location();
    assert!(receiving(&app).await.len() > 1, "a draft moves nothing");
    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer
        .post(&format!("{import}/xuat-ban"), &[("effective_from", "")])
        .await;
    assert_eq!(receiving(&app).await, [HOME_AFFAIRS]);
    assert_eq!(placement(&app).await.1, "province");
}
