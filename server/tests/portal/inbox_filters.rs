//! The inbox's filters and order: by sector, channel and deadline, newest
//! first on request; unknown values mean "not filtered"; the form shows the
//! filters in force.

use crate::support;

use support::back_office::*;
use support::spawn_app;

#[tokio::test]
async fn officials_narrow_the_inbox_by_sector_channel_and_deadline() {
    let app = spawn_app().await;
    let online = filed(&app).await;
    let counter = filed(&app).await;
    sqlx::query("UPDATE dossiers SET channel = 'counter' WHERE code = $1")
        .bind(&counter)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE dossiers SET due_at = $2 - interval '1 hour' WHERE code = $1")
        .bind(&online)
        .bind(app.clock().now_in_vietnam())
        .execute(&app.pool)
        .await
        .unwrap();
    let sector: String = sqlx::query_scalar(
        "SELECT s.code FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
         JOIN procedures p ON p.id = v.procedure_id JOIN sectors s ON s.id = p.sector_id WHERE d.code = $1",
    )
    .bind(&online)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let other_sector: String =
        sqlx::query_scalar("SELECT code FROM sectors WHERE code <> $1 ORDER BY code LIMIT 1")
            .bind(&sector)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let mut reception = signed_in(&app, RECEPTION).await;
    let shows = |page: &str, code: &str| page.contains(&format!("/can-bo/ho-so/{code}\""));
    let inbox = |query: String| format!("/can-bo?hang=tiep-nhan{query}");

    let page = reception.get(&inbox("&kenh=counter".into())).await.body;
    assert!(
        shows(&page, &counter) && !shows(&page, &online),
        "counter only"
    );
    assert!(
        page.contains("<option value=\"counter\" selected"),
        "the filter in force is shown"
    );
    let page = reception.get(&inbox("&han=overdue".into())).await.body;
    assert!(
        shows(&page, &online) && !shows(&page, &counter),
        "overdue only"
    );
    let page = reception
        .get(&inbox(format!("&linh-vuc={sector}")))
        .await
        .body;
    assert!(
        shows(&page, &online) && shows(&page, &counter),
        "both in the sector"
    );
    let page = reception
        .get(&inbox(format!("&linh-vuc={other_sector}")))
        .await
        .body;
    assert!(
        !shows(&page, &online) && !shows(&page, &counter),
        "none elsewhere"
    );
    // By procedure, chosen from the procedures the ward handles.
    let page = reception.get(&inbox("&thu-tuc=1.001193".into())).await.body;
    assert!(
        shows(&page, &online) && page.contains("<option value=\"1.001193\" selected"),
        "birth registrations, and the choice shown"
    );
    let page = reception.get(&inbox("&thu-tuc=1.001612".into())).await.body;
    assert!(
        !shows(&page, &online) && !shows(&page, &counter),
        "no business households"
    );
    let page = reception
        .get(&inbox("&kenh=fax&han=someday".into()))
        .await
        .body;
    assert!(
        shows(&page, &online) && shows(&page, &counter),
        "unknown values do not filter"
    );

    // Nearest deadline first by default (the overdue one), newest filed on request.
    let position = |page: &str, code: &str| page.find(&format!("/can-bo/ho-so/{code}\"")).unwrap();
    let page = reception.get(&inbox(String::new())).await.body;
    assert!(position(&page, &online) < position(&page, &counter));
    let page = reception.get(&inbox("&sap-xep=newest".into())).await.body;
    assert!(position(&page, &counter) < position(&page, &online));
}
