//! Every authorisation refusal is written to the audit log — who, the
//! route, the object, the address — but never so many that asking again
//! and again floods it; and someone else's object still looks missing.

use crate::support;

use app::access::refusals::ENTRIES_PER_MINUTE;
use support::back_office::*;
use support::dossiers::submit_birth;
use support::{spawn_app, TestApp};

/// The `access_refused` entries of one user: (route, object, status).
async fn refusals_of(app: &TestApp, email: &str) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT detail->>'route', detail->>'object', (detail->>'status')::bigint
         FROM audit_log WHERE action = 'access_refused'
           AND user_id = (SELECT id FROM users WHERE email = $1)
         ORDER BY id",
    )
    .bind(email)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn asking_for_another_citizens_slip_or_file_is_a_404_and_one_audit_entry() {
    let app = spawn_app().await;
    let mut owner = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut owner).await;
    let file: i64 = sqlx::query_scalar(
        "SELECT a.file_id FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id
         WHERE d.code = $1 LIMIT 1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let stranger = app.another_citizen().await;
    let mut other = signed_in(&app, stranger).await;

    let slip_route = format!("/ho-so/{code}/phieu-tiep-nhan.pdf");
    let refused = other.get(&slip_route).await;
    assert_eq!(refused.status, 404);
    // Exactly what a dossier that does not exist answers.
    let missing = other
        .get("/ho-so/000.01.40.H34-261204-9999/phieu-tiep-nhan.pdf")
        .await;
    assert_eq!(missing.status, 404);
    assert_eq!(refused.text(), missing.text());
    assert_eq!(
        refusals_of(&app, stranger).await,
        vec![(slip_route.clone(), format!("dossier {code}"), 404)],
        "one entry naming the stranger, the route and the dossier; none for the missing one"
    );

    let file_route = format!("/tep/{file}");
    assert_eq!(other.get(&file_route).await.status, 404);
    let entries = refusals_of(&app, stranger).await;
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1], (file_route, format!("file {file}"), 404));

    // The owner is let through and nothing is written about them.
    assert_eq!(owner.get(&slip_route).await.status, 200);
    assert_eq!(owner.get(&format!("/tep/{file}")).await.status, 200);
    assert!(refusals_of(&app, CITIZEN).await.is_empty());
}

#[tokio::test]
async fn a_citizen_on_a_back_office_page_is_refused_and_audited() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    assert_eq!(citizen.get("/can-bo").await.status, 403);
    let entries = refusals_of(&app, CITIZEN).await;
    assert_eq!(entries, vec![("/can-bo".into(), "/can-bo".into(), 403)]);
}

#[tokio::test]
async fn a_wrong_tracking_pin_is_audited_with_the_dossier() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let response = app
        .get(&format!("/api/v1/dossiers/{code}?pin=000000"))
        .await;
    assert_eq!(response.status, 404);
    let objects: Vec<String> = sqlx::query_scalar(
        "SELECT detail->>'object' FROM audit_log WHERE action = 'access_refused'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(objects, vec![format!("dossier {code} (wrong PIN)")]);
}

#[tokio::test]
async fn a_flood_of_refusals_writes_a_bounded_number_of_entries_and_counts_the_rest() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let stranger = app.another_citizen().await;
    let mut other = signed_in(&app, stranger).await;
    let route = format!("/ho-so/{code}/phieu-kiem-soat.pdf");
    for _ in 0..200 {
        assert_eq!(other.get(&route).await.status, 404);
    }
    let written = refusals_of(&app, stranger).await.len() as i64;
    // Per minute at most the limit is written; the counter holds them all
    // (the run may straddle a minute, hence the sum over minutes).
    let (refused, allowed): (i64, i64) = sqlx::query_as(
        "SELECT sum(refused)::bigint, sum(least(refused, $2))::bigint FROM audit_refusal_counts
         WHERE actor = 'user:' || (SELECT id FROM users WHERE email = $1)",
    )
    .bind(stranger)
    .bind(ENTRIES_PER_MINUTE)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(refused, 200);
    assert_eq!(written, allowed);
    assert!(
        written <= 2 * i64::from(ENTRIES_PER_MINUTE),
        "{written} entries"
    );
    let limit_marked: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log
         WHERE action = 'access_refused' AND (detail->>'limit_reached')::boolean",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(
        limit_marked >= 1,
        "the last entry written says more were only counted"
    );
}

#[tokio::test]
async fn another_agencys_official_opening_or_acting_on_a_dossier_is_audited() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let elsewhere = official_elsewhere(&app).await;
    let mut official = signed_in(&app, elsewhere).await;
    let page = format!("/can-bo/ho-so/{code}");
    assert_eq!(official.get(&page).await.status, 404);
    let (_, version) = status_and_version(&app, &code).await;
    let action = format!("/can-bo/ho-so/{code}/thao-tac");
    let version = version.to_string();
    official
        .post(&action, &[("action", "accept"), ("version", &version)])
        .await;
    assert_eq!(status_and_version(&app, &code).await.0, "submitted");
    assert_eq!(
        refusals_of(&app, elsewhere).await,
        vec![
            (page, format!("dossier {code}"), 404),
            (action, format!("dossier {code}, action accept"), 303),
        ]
    );
}

#[tokio::test]
async fn refusal_counts_older_than_a_day_are_pruned_and_the_current_ones_kept() {
    let app = spawn_app().await;
    sqlx::query(
        "INSERT INTO audit_refusal_counts (actor, minute, refused) VALUES
           ('user:1', date_trunc('minute', now()) - interval '2 days', 50),
           ('user:1', date_trunc('minute', now()) - interval '25 hours', 3),
           ('user:1', date_trunc('minute', now()), 4),
           ('ip:192.0.2.1', date_trunc('minute', now()) - interval '1 hour', 7)",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    app::access::refusals::prune(&app.pool).await.unwrap();
    let kept: Vec<i32> =
        sqlx::query_scalar("SELECT refused FROM audit_refusal_counts ORDER BY refused")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(kept, vec![4, 7], "the day's counts stay, older ones go");
}
