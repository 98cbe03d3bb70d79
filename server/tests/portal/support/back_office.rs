//! Officials at work in tests: the demo accounts, signing in, filing a
//! dossier to work on, and posting back-office actions.

use super::browser::Browser;
use super::dossiers::submit_birth;
use super::TestApp;

pub const PASSWORD: &str = "Demo@12345";
pub const CITIZEN: &str = "congdan@motcua.example";
pub const RECEPTION: &str = "tiepnhan@motcua.example";
pub const SPECIALIST: &str = "chuyenvien@motcua.example";
pub const LEADER: &str = "lanhdao@motcua.example";
pub const MANAGER: &str = "quanly@motcua.example";

pub async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    let mut browser = Browser::new(app);
    browser.sign_in(email, PASSWORD).await;
    browser
}

pub async fn filed(app: &TestApp) -> String {
    let mut citizen = signed_in(app, CITIZEN).await;
    submit_birth(app, &mut citizen).await
}

pub async fn status_and_version(app: &TestApp, code: &str) -> (String, i32) {
    sqlx::query_as("SELECT status, version FROM dossiers WHERE code = $1")
        .bind(code)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Posts one action as `browser`, with the version the dossier has now;
/// returns the notice the official reads next.
pub async fn act(
    app: &TestApp,
    browser: &mut Browser<'_>,
    code: &str,
    action: &str,
    extra: &[(&str, &str)],
) -> String {
    let (_, version) = status_and_version(app, code).await;
    let version = version.to_string();
    let mut fields = vec![("action", action), ("version", version.as_str())];
    fields.extend_from_slice(extra);
    let response = browser
        .post(&format!("/can-bo/ho-so/{code}/thao-tac"), &fields)
        .await;
    assert_eq!(
        response.location(),
        format!("/can-bo/ho-so/{code}"),
        "{action}: {} {}",
        response.status,
        response.text()
    );
    browser.get(&format!("/can-bo/ho-so/{code}")).await.text()
}

pub async fn specialist_id(app: &TestApp) -> String {
    sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = $1")
        .bind(SPECIALIST)
        .fetch_one(&app.pool)
        .await
        .unwrap()
        .to_string()
}

/// A new official of the demo ward holding `role`, with no second factor
/// yet (password `PASSWORD`).
pub async fn new_official(app: &TestApp, email: &str, role: &str) {
    sqlx::query(
        "WITH official AS (
           INSERT INTO users (kind, full_name, email, password_hash, agency_id, email_confirmed_at)
           SELECT 'official', 'Cao Thị Mới', $1, password_hash, agency_id, now()
           FROM users WHERE email = $2 RETURNING id)
         INSERT INTO user_roles (user_id, role) SELECT id, $3 FROM official",
    )
    .bind(email)
    .bind(RECEPTION)
    .bind(role)
    .execute(&app.pool)
    .await
    .unwrap();
}

/// An official of a commune other than the demo ward's, named `full_name`
/// at `email`, holding `roles` there (password `PASSWORD`).
pub async fn official_of_another_commune(
    app: &TestApp,
    full_name: &str,
    email: &str,
    roles: &[&str],
) {
    sqlx::query(
        "WITH official AS (
           INSERT INTO users (kind, full_name, email, password_hash, agency_id, email_confirmed_at)
           SELECT 'official', $1, $2, password_hash,
                  (SELECT id FROM agencies WHERE kind = 'commune' AND code <> '000.01.40.H34' ORDER BY code LIMIT 1), now()
           FROM users WHERE email = $3 RETURNING id)
         INSERT INTO user_roles (user_id, role) SELECT id, role FROM official, unnest($4::text[]) AS role",
    )
    .bind(full_name)
    .bind(email)
    .bind(RECEPTION)
    .bind(roles)
    .execute(&app.pool)
    .await
    .unwrap();
}

/// Reception, specialist and leader of another commune.
pub async fn official_elsewhere(app: &TestApp) -> &'static str {
    let email = "canbo.khac@example.vn";
    official_of_another_commune(
        app,
        "Đỗ Văn Khác",
        email,
        &["reception", "specialist", "leader"],
    )
    .await;
    email
}

/// A manager of another commune than the demo ward's.
pub async fn manager_elsewhere(app: &TestApp) -> &'static str {
    let email = "quanly.khac@example.vn";
    official_of_another_commune(app, "Phạm Quản Lý", email, &["manager"]).await;
    email
}

/// An administrator of another commune than the demo ward's.
pub async fn administrator_elsewhere(app: &TestApp) -> &'static str {
    let email = "quantri.xa@example.vn";
    official_of_another_commune(app, "Lương Văn Xa", email, &["administrator"]).await;
    email
}

/// A birth registration taken all the way to its returned result.
pub async fn returned(app: &TestApp) -> String {
    let code = filed(app).await;
    let mut reception = signed_in(app, RECEPTION).await;
    let mut specialist = signed_in(app, SPECIALIST).await;
    let mut leader = signed_in(app, LEADER).await;
    let assignee = specialist_id(app).await;
    act(app, &mut reception, &code, "accept", &[]).await;
    act(
        app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &assignee)],
    )
    .await;
    act(app, &mut specialist, &code, "propose", &[]).await;
    act(app, &mut leader, &code, "approve", &[]).await;
    act(app, &mut reception, &code, "return", &[]).await;
    code
}
