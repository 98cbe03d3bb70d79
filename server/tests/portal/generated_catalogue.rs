//! The generated catalogue (`motcua demo generate-catalogue`): made-up
//! procedures loaded through the administrators' import and published by
//! the second administrator, each one a working procedure.

use crate::support;

use support::browser::Browser;
use support::spawn_app;

#[tokio::test]
async fn a_generated_catalogue_is_published_through_the_import_and_can_be_filed() {
    let app = spawn_app().await;
    let added = server::seed::generated_catalogue::generate(&app.pool, 60, app.clock())
        .await
        .unwrap();
    let in_force: i64 = sqlx::query_scalar("SELECT count(*) FROM current_procedure_versions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(in_force, 60);
    assert_eq!(i64::from(added), 60 - 42);
    let import: (String, i32) = sqlx::query_as(
        "SELECT i.status, i.procedures FROM catalogue_imports i
         JOIN users a ON a.id = i.author_id JOIN users p ON p.id = i.published_by
         WHERE a.email = 'quantri@motcua.example' AND p.email = 'kiemduyet@motcua.example'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(import, ("published".to_string(), 60 - 42));
    // Running it again adds nothing.
    assert_eq!(
        server::seed::generated_catalogue::generate(&app.pool, 60, app.clock())
            .await
            .unwrap(),
        0
    );

    let mut citizen = Browser::new(&app);
    citizen
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    let page = citizen.get("/thu-tuc/3.900000").await;
    assert_eq!(page.status, 200);
    assert!(page
        .text()
        .contains("Thủ tục giấy phép kinh doanh dịch vụ lưu trú du lịch số 1"));
    let form = citizen.get("/nop-ho-so/3.900000").await;
    assert_eq!(form.status, 200);
    assert!(form
        .text()
        .contains("Đơn đề nghị giấy phép kinh doanh dịch vụ"));
}
