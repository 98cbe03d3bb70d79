//! Roles and agencies: who may see and change official accounts.

use crate::support;

use support::browser::Browser;
use support::{spawn_app, TestApp};

const PASSWORD: &str = "Demo@12345";

async fn official_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// An administrator of one commune (Hà Tu), created directly in the database.
async fn commune_administrator(app: &TestApp) -> String {
    let email = "quantri.hatu@motcua.example";
    sqlx::query(
        "INSERT INTO users (kind, full_name, email, password_hash, agency_id, email_confirmed_at)
         SELECT 'official', 'Lê Văn Quản', $1, password_hash,
                (SELECT id FROM agencies WHERE code = '000.02.40.H34'), now()
         FROM users WHERE email = 'quantri@motcua.example'",
    )
    .bind(email)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO user_roles SELECT id, 'administrator' FROM users WHERE email = $1")
        .bind(email)
        .execute(&app.pool)
        .await
        .unwrap();
    email.to_string()
}

#[tokio::test]
async fn citizens_and_other_roles_get_403_and_no_data() {
    let app = spawn_app().await;
    for email in [
        "congdan@motcua.example",
        "lanhdao@motcua.example",
        "quanly@motcua.example",
    ] {
        let mut browser = Browser::new(&app);
        browser.sign_in(email, PASSWORD).await;
        let page = browser.get("/quan-tri/nguoi-dung").await;
        assert_eq!(page.status, 403, "{email}");
        assert!(
            !page.body.contains("tiepnhan@motcua.example"),
            "no data for {email}"
        );
        let target = official_id(&app, "tiepnhan@motcua.example").await;
        let response = browser
            .post(&format!("/quan-tri/nguoi-dung/{target}/khoa"), &[])
            .await;
        assert_eq!(response.status, 403, "{email}");
    }
    let disabled: bool = sqlx::query_scalar(
        "SELECT disabled_at IS NOT NULL FROM users WHERE email = 'tiepnhan@motcua.example'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(!disabled);
}

#[tokio::test]
async fn visitors_are_sent_to_sign_in() {
    let app = spawn_app().await;
    let mut browser = Browser::new(&app);
    let page = browser.get("/quan-tri/nguoi-dung").await;
    assert!(
        page.location().starts_with("/dang-nhap?tiep=%2Fquan-tri"),
        "{}",
        page.location()
    );
    let response = browser.post("/quan-tri/nguoi-dung/1/khoa", &[]).await;
    assert!(response.location().starts_with("/dang-nhap"));
}

#[tokio::test]
async fn the_province_administrator_sees_and_manages_officials_below() {
    let app = spawn_app().await;
    let mut admin = Browser::new(&app);
    admin.sign_in("quantri@motcua.example", PASSWORD).await;
    let page = admin.get("/quan-tri/nguoi-dung").await;
    assert_eq!(page.status, 200);
    for email in [
        "tiepnhan@motcua.example",
        "chuyenvien@motcua.example",
        "lanhdao@motcua.example",
    ] {
        assert!(page.text().contains(email), "{email} in {}", page.text());
    }
}

#[tokio::test]
async fn a_commune_administrator_cannot_touch_another_agency() {
    let app = spawn_app().await;
    let email = commune_administrator(&app).await;
    let mut admin = Browser::new(&app);
    admin.sign_in(&email, PASSWORD).await;
    let page = admin.get("/quan-tri/nguoi-dung").await;
    assert_eq!(page.status, 200);
    assert!(
        !page.text().contains("tiepnhan@motcua.example"),
        "Hồng Gai's officials are not listed"
    );

    let other = official_id(&app, "tiepnhan@motcua.example").await;
    assert_eq!(
        admin
            .get(&format!("/quan-tri/nguoi-dung/{other}"))
            .await
            .status,
        403
    );
    let response = admin
        .post(&format!("/quan-tri/nguoi-dung/{other}/khoa"), &[])
        .await;
    assert_eq!(response.status, 403);
    let own_agency: String =
        sqlx::query_scalar("SELECT id::text FROM agencies WHERE code = '000.02.40.H34'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let other_agency: String =
        sqlx::query_scalar("SELECT id::text FROM agencies WHERE code = '000.01.40.H34'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    // Creating an account in another agency is refused too…
    let response = admin
        .post(
            "/quan-tri/nguoi-dung",
            &[
                ("full_name", "Phạm Văn Lạ"),
                ("email", "la@example.vn"),
                ("agency_id", &other_agency),
                ("role", "leader"),
            ],
        )
        .await;
    assert_eq!(response.status, 403);
    // …in its own, allowed.
    let response = admin
        .post(
            "/quan-tri/nguoi-dung",
            &[
                ("full_name", "Phạm Thị Mới"),
                ("email", "moi@example.vn"),
                ("agency_id", &own_agency),
                ("role", "reception"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/quan-tri/nguoi-dung");
    assert!(admin
        .get("/quan-tri/nguoi-dung")
        .await
        .text()
        .contains("moi@example.vn"));
}

#[tokio::test]
async fn a_new_official_sets_their_password_by_mail_and_signs_in_with_their_roles() {
    let app = spawn_app().await;
    let mut admin = Browser::new(&app);
    admin.sign_in("quantri@motcua.example", PASSWORD).await;
    let agency: String =
        sqlx::query_scalar("SELECT id::text FROM agencies WHERE code = '000.01.40.H34'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let response = admin
        .post(
            "/quan-tri/nguoi-dung",
            &[
                ("full_name", "Đỗ Minh Tâm"),
                ("email", "tam@example.vn"),
                ("agency_id", &agency),
                ("role", "specialist"),
                ("role", "leader"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/quan-tri/nguoi-dung");
    let (_, mail) = support::mailbox::wait_for_mail(&app, "tam@example.vn", 0).await;
    let token = support::mailbox::token_in(&mail, "/dat-lai-mat-khau");
    let mut official = Browser::new(&app);
    official
        .post(
            "/dat-lai-mat-khau",
            &[
                ("token", &token),
                ("password", "ngày mới bắt đầu"),
                ("password_confirmation", "ngày mới bắt đầu"),
            ],
        )
        .await;
    official.sign_in("tam@example.vn", "ngày mới bắt đầu").await;
    let page = official.get("/tai-khoan").await.text();
    assert!(
        page.contains("Chuyên viên xử lý") && page.contains("Lãnh đạo phê duyệt"),
        "{page}"
    );

    let created: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'official_created'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(created, 1);
}

#[tokio::test]
async fn a_disabled_official_is_signed_out_at_once() {
    let app = spawn_app().await;
    let mut official = Browser::new(&app);
    official
        .sign_in("chuyenvien@motcua.example", PASSWORD)
        .await;
    assert_eq!(official.get("/tai-khoan").await.status, 200);

    let mut admin = Browser::new(&app);
    admin.sign_in("quantri@motcua.example", PASSWORD).await;
    let id = official_id(&app, "chuyenvien@motcua.example").await;
    let response = admin
        .post(&format!("/quan-tri/nguoi-dung/{id}/khoa"), &[])
        .await;
    assert_eq!(response.location(), "/quan-tri/nguoi-dung");

    let page = official.get("/tai-khoan").await;
    assert!(
        page.location().starts_with("/dang-nhap"),
        "kicked out on the next request"
    );
    let again = official
        .post(
            "/dang-nhap",
            &[
                ("identifier", "chuyenvien@motcua.example"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.location(), "/dang-nhap", "and cannot sign in again");

    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE action = 'account_disabled'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(actions.len(), 1);
}

#[tokio::test]
async fn role_changes_apply_on_the_next_request_and_are_audited() {
    let app = spawn_app().await;
    let mut official = Browser::new(&app);
    official.sign_in("lanhdao@motcua.example", PASSWORD).await;
    assert_eq!(official.get("/quan-tri/nguoi-dung").await.status, 403);

    let mut admin = Browser::new(&app);
    admin.sign_in("quantri@motcua.example", PASSWORD).await;
    let id = official_id(&app, "lanhdao@motcua.example").await;
    let agency: String = sqlx::query_scalar("SELECT agency_id::text FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let response = admin
        .post(
            &format!("/quan-tri/nguoi-dung/{id}"),
            &[
                ("full_name", "Trần Văn Lãnh"),
                ("email", "lanhdao@motcua.example"),
                ("agency_id", &agency),
                ("role", "leader"),
                ("role", "administrator"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/quan-tri/nguoi-dung");
    assert_eq!(official.get("/quan-tri/nguoi-dung").await.status, 200);
    let detail: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'official_changed'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        detail["roles"]["to"],
        serde_json::json!(["leader", "administrator"])
    );
}

#[tokio::test]
async fn server_functions_answer_403_to_the_wrong_role() {
    let app = spawn_app().await;
    let mut citizen = Browser::new(&app);
    citizen.sign_in("congdan@motcua.example", PASSWORD).await;
    let response = citizen.post("/api/admin/officials", &[]).await;
    assert_eq!(response.status, 403, "{}", response.body);
    assert!(!response.body.contains("@motcua.example"));
    let mut visitor = Browser::new(&app);
    assert_eq!(visitor.post("/api/admin/officials", &[]).await.status, 401);
}
