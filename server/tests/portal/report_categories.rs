//! Field report categories are the province's data: the demo's are loaded
//! through the categories' store (each recorded as made by the seed, none
//! twice when the portal starts again or two instances start at once),
//! each second-level one says who handles it and in a time the deadline
//! rules read, and the database keeps them to two levels.

use crate::support;
use app::field_reports::sla::Sla;
use server::seed::report_categories::load;
use support::spawn_app;

/// A category's code, handler, agency's code, and time (unit, amount).
type Handled = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i32>,
);

#[tokio::test]
async fn the_demo_categories_say_who_handles_them_and_in_what_time() {
    let app = spawn_app().await;
    let handled: Vec<Handled> = sqlx::query_as(
        "SELECT c.code, c.handler, a.code, c.sla_unit, c.sla_amount
             FROM report_categories c LEFT JOIN agencies a ON a.id = c.agency_id
             WHERE c.parent_id IS NOT NULL ORDER BY c.code",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(handled.len(), 16);
    for (code, handler, agency, unit, amount) in &handled {
        let sla = Sla::stored(unit.as_deref().unwrap_or_default(), *amount);
        assert!(sla.is_some(), "{code}: a time the rules read");
        match handler.as_deref() {
            Some("commune") => assert_eq!(agency, &None, "{code}"),
            Some("agency") => assert!(agency.is_some(), "{code}: its agency"),
            other => panic!("{code}: handled by {other:?}"),
        }
    }
    let street_light = handled
        .iter()
        .find(|(code, ..)| code == "den-chieu-sang-hong")
        .unwrap();
    assert_eq!(street_light.1.as_deref(), Some("commune"));
    assert_eq!(
        Sla::stored(street_light.3.as_deref().unwrap(), street_light.4),
        Some(Sla::WorkingDays(3))
    );

    // Each was recorded once, as the seed's; starting again adds nothing.
    let counts = || async {
        sqlx::query_as::<_, (i64, i64)>(
            "SELECT (SELECT count(*) FROM report_categories),
                    (SELECT count(*) FROM report_category_changes WHERE changed_by IS NULL AND before IS NULL)",
        )
        .fetch_one(&app.pool)
        .await
        .unwrap()
    };
    let (categories, changes) = counts().await;
    assert_eq!((categories, changes), (22, 22));
    server::seed::load_demo_data(&app.pool).await.unwrap();
    assert_eq!(counts().await, (22, 22));

    // Two instances starting a fresh install at once load them once.
    for emptying in [
        "DELETE FROM report_category_changes",
        "DELETE FROM report_categories WHERE parent_id IS NOT NULL",
        "DELETE FROM report_categories",
    ] {
        sqlx::query(emptying).execute(&app.pool).await.unwrap();
    }
    let (first, second) = tokio::join!(load(&app.pool), load(&app.pool));
    first.unwrap();
    second.unwrap();
    assert_eq!(counts().await, (22, 22));

    // Two levels, no more.
    let deeper = sqlx::query(
        "INSERT INTO report_categories (code, parent_id, name_vi, name_en, handler, sla_unit, sla_amount)
         SELECT 'bong-den-vo', id, 'Bóng đèn vỡ', 'Broken bulb', 'commune', 'working_days', 1
         FROM report_categories WHERE code = 'den-chieu-sang-hong'",
    )
    .execute(&app.pool)
    .await;
    assert!(deeper.is_err(), "a third level is refused");
}
