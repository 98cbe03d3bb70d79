//! Field report categories are the province's data: the demo's are loaded
//! through the categories' store (each recorded as made by the seed, none
//! twice when the portal starts again or two instances start at once),
//! each second-level one says who handles it and in a time the deadline
//! rules read, and the database keeps them to two levels.

use crate::support;
use app::field_reports::sla::Sla;
use axum::http::StatusCode;
use server::seed::report_categories::load;
use support::back_office::signed_in;
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
    server::seed::load_demo_data(&app.pool, &app.state.config.secret_key)
        .await
        .unwrap();
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

const ADMIN: &str = "quantri@motcua.example";

async fn category(app: &support::TestApp, code: &str) -> Option<(String, Option<i32>, bool)> {
    sqlx::query_as(
        "SELECT name_vi, sla_amount, archived_at IS NOT NULL FROM report_categories WHERE code = $1",
    )
    .bind(code)
    .fetch_optional(&app.pool)
    .await
    .unwrap()
}

fn new_category<'a>(code: &'a str, amount: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("name_vi", "Cáp viễn thông chằng chịt, sà xuống thấp"),
        ("name_en", "Low-hanging telecom cables"),
        ("parent", "ha-tang-do-thi"),
        ("handler", "agency"),
        ("agency", "000.00.13.H34"),
        ("sla_unit", "working_days"),
        ("sla_amount", amount),
        ("place_required", "on"),
        ("public_by_default", "on"),
        ("position", "9"),
    ]
}

#[tokio::test]
async fn administrators_add_change_and_withdraw_a_category_and_filing_follows() {
    let app = spawn_app().await;
    let page = "/quan-tri/phan-anh";
    // Not for officials who are not the province's administrators.
    let mut coordinator = signed_in(&app, "dieuphoi@motcua.example").await;
    let refused = coordinator
        .post(page, &new_category("cap-vien-thong", "5"))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let mut admin = signed_in(&app, ADMIN).await;
    // A wrong form comes back with what was typed and says why.
    admin.post(page, &new_category("Cáp", "400")).await;
    let back = admin.get(page).await.body;
    assert!(back.contains("Mã gồm 2–60 chữ thường"), "{back}");
    assert!(back.contains("Thời hạn từ 1 đến 365"), "{back}");
    assert!(
        back.contains("value=\"Cáp viễn thông chằng chịt, sà xuống thấp\""),
        "what was typed is kept"
    );
    assert_eq!(category(&app, "Cáp").await, None);

    let added = admin.post(page, &new_category("cap-vien-thong", "5")).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(
        category(&app, "cap-vien-thong").await,
        Some((
            "Cáp viễn thông chằng chịt, sà xuống thấp".into(),
            Some(5),
            false
        ))
    );
    let mut citizen = signed_in(&app, support::back_office::CITIZEN).await;
    let form = citizen.get("/phan-anh/gui").await.body;
    assert!(
        form.contains("value=\"cap-vien-thong\""),
        "offered to file under"
    );

    // Its time changes for what is filed next; the change is kept.
    let mut change = new_category("cap-vien-thong", "2");
    change.retain(|(name, _)| *name != "code");
    admin.post(&format!("{page}/cap-vien-thong"), &change).await;
    assert_eq!(category(&app, "cap-vien-thong").await.unwrap().1, Some(2));
    let history = admin.get(page).await.text();
    assert!(history.contains("sla_amount: 5 → 2"), "{history}");
    assert!(history.contains("Hoàng Quốc Trị"), "who changed it");

    // A group with categories under it cannot go under another group.
    let mut nested = vec![
        ("name_vi", "Hạ tầng đô thị"),
        ("name_en", "Urban infrastructure"),
        ("parent", "cay-xanh"),
        ("handler", "commune"),
        ("sla_unit", "working_days"),
        ("sla_amount", "3"),
    ];
    admin.post(&format!("{page}/ha-tang-do-thi"), &nested).await;
    let parent: Option<i64> =
        sqlx::query_scalar("SELECT parent_id FROM report_categories WHERE code = 'ha-tang-do-thi'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(parent, None);
    nested.clear();

    // Withdrawn, it is no longer offered; back in use, it is again.
    admin
        .post(&format!("{page}/cap-vien-thong/luu-tru"), &[])
        .await;
    assert!(category(&app, "cap-vien-thong").await.unwrap().2);
    assert!(!citizen
        .get("/phan-anh/gui")
        .await
        .body
        .contains("value=\"cap-vien-thong\""));
    admin
        .post(&format!("{page}/cap-vien-thong/luu-tru"), &[])
        .await;
    assert!(!category(&app, "cap-vien-thong").await.unwrap().2);
    let changes: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM report_category_changes h JOIN report_categories c ON c.id = h.category_id
         WHERE c.code = 'cap-vien-thong'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(changes, 4, "created, changed, withdrawn, restored");
}

#[tokio::test]
async fn two_administrators_adding_one_code_at_once_make_one_category() {
    let app = spawn_app().await;
    let mut first = signed_in(&app, ADMIN).await;
    let mut second = signed_in(&app, "kiemduyet@motcua.example").await;
    let fields = new_category("cap-vien-thong", "5");
    let (a, b) = tokio::join!(
        first.post("/quan-tri/phan-anh", &fields),
        second.post("/quan-tri/phan-anh", &fields)
    );
    assert_eq!(
        (a.status, b.status),
        (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER)
    );
    let made: i64 =
        sqlx::query_scalar("SELECT count(*) FROM report_categories WHERE code = 'cap-vien-thong'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(made, 1);
    let pages = [
        first.get("/quan-tri/phan-anh").await.text(),
        second.get("/quan-tri/phan-anh").await.text(),
    ];
    assert_eq!(
        pages
            .iter()
            .filter(|page| page.contains("Mã này đã có loại phản ánh khác dùng."))
            .count(),
        1,
        "the one who came second is told"
    );
}
