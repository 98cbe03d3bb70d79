//! Everything the portal holds about a person, as one JSON file they
//! download (Law 91/2025/QH15): their account without the password's
//! hash, their dossiers with their history, files (without where they lie),
//! sessions, what they did and who opened their dossiers — and nobody
//! else's data.

use crate::support;
use support::back_office::*;
use support::spawn_app;

#[tokio::test]
async fn a_citizen_downloads_everything_the_portal_holds_about_them() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = support::dossiers::submit_birth(&app, &mut citizen).await;
    // The reception opens it: the citizen will see that reading.
    let mut reception = signed_in(&app, RECEPTION).await;
    reception.get(&format!("/can-bo/ho-so/{code}")).await;

    let page = citizen.get("/tai-khoan/du-lieu").await.text();
    assert!(page.contains("Tải về dữ liệu (JSON)"), "{page}");
    assert!(citizen
        .get("/tai-khoan")
        .await
        .text()
        .contains("Dữ liệu cá nhân của bạn"));

    let download = citizen.get("/tai-khoan/du-lieu.json").await;
    assert_eq!(download.status, 200);
    assert!(download
        .header("content-disposition")
        .starts_with("attachment"));
    assert_eq!(download.header("cache-control"), "no-store");
    assert!(!download.body.contains("password_hash") && !download.body.contains("$argon2"));
    assert!(!download.body.contains("storage_key"));
    let data: serde_json::Value = serde_json::from_slice(&download.bytes).unwrap();
    assert_eq!(data["account"]["email"], CITIZEN);
    let me = data["account"]["id"].as_i64().unwrap();
    let dossiers = data["dossiers"].as_array().unwrap();
    let mine: i64 = sqlx::query_scalar("SELECT count(*) FROM dossiers WHERE applicant_id = $1")
        .bind(me)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(dossiers.len() as i64, mine, "every dossier of theirs");
    assert!(
        dossiers.iter().all(|d| d["applicant_id"] == me),
        "nobody else's"
    );
    assert!(dossiers
        .iter()
        .any(|d| d["code"] == code.as_str() && d["procedure"].is_string()));
    assert!(!data["dossier_history"].as_array().unwrap().is_empty());
    assert!(data["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["original_name"] == "giay-chung-sinh.pdf"));
    assert!(!data["sessions"].as_array().unwrap().is_empty());
    let audit = data["audit_log"].as_array().unwrap();
    assert!(audit.iter().any(|entry| entry["action"] == "sign_in"));
    assert!(
        audit.iter().any(|entry| entry["action"] == "dossier_read"
            && entry["detail"]["dossier"] == code.as_str()),
        "the reception's opening of their dossier"
    );
    // No official's own doings beyond reading their dossier.
    assert!(audit
        .iter()
        .all(|entry| entry["user_id"] == me || entry["action"] == "dossier_read"));
    let exported: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'personal_data_exported' AND user_id = $1",
    )
    .bind(me)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(exported, 1);

    // Signed out: sent to sign in, nothing given.
    let mut stranger = support::browser::Browser::new(&app);
    let refused = stranger.get("/tai-khoan/du-lieu.json").await;
    assert!(refused.location().starts_with("/dang-nhap"));
}

#[tokio::test]
async fn the_same_data_comes_as_a_readable_pdf_with_vietnamese_text() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = support::dossiers::submit_birth(&app, &mut citizen).await;
    assert!(citizen
        .get("/tai-khoan/du-lieu")
        .await
        .text()
        .contains("Tải về bản đọc được (PDF)"));
    let download = citizen.get("/tai-khoan/du-lieu.pdf").await;
    assert_eq!(download.status, 200);
    assert_eq!(download.header("content-type"), "application/pdf");
    assert!(download
        .header("content-disposition")
        .starts_with("attachment"));
    assert_eq!(download.header("cache-control"), "no-store");
    support::pdf::keep("personal-data", &download.bytes);
    let text = support::pdf::flowing_text_of(&download.bytes);
    for expected in [
        "DỮ LIỆU CÁ NHÂN",
        "Vũ Thị Công Dân",
        code.as_str(),
        "Quá trình xử lý hồ sơ",
        "giay-chung-sinh.pdf",
        "Phiên đăng nhập",
    ] {
        assert!(text.contains(expected), "{expected} in: {text}");
    }
    assert!(!text.contains("argon2") && !text.contains("storage_key"));
    // Only the signed-in person's own.
    assert!(app
        .get("/tai-khoan/du-lieu.pdf")
        .await
        .location()
        .starts_with("/dang-nhap"));
}

async fn count(app: &support::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

/// A draft of the birth registration with one uploaded file, for `browser`.
async fn draft_with_a_file(app: &support::TestApp, browser: &support::browser::Browser<'_>) {
    use support::uploads::{birth_document, upload, PDF};
    let document = birth_document(app, "Giấy chứng sinh").await;
    let response = upload(
        app,
        browser,
        document,
        "ban-nhap.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    assert_eq!(response.status, 303, "{}", response.text());
}

#[tokio::test]
async fn a_citizen_deletes_their_drafts_and_unused_files_but_nothing_filed() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = support::dossiers::submit_birth(&app, &mut citizen).await;
    draft_with_a_file(&app, &citizen).await;
    let drafts = "SELECT count(*) FROM dossiers d JOIN users u ON u.id = d.applicant_id
                  WHERE u.email = 'congdan@motcua.example' AND d.status = 'draft'";
    assert_eq!(count(&app, drafts).await, 1);
    let files_before = count(&app, "SELECT count(*) FROM stored_files").await;
    let page = citizen.get("/tai-khoan/du-lieu").await.text();
    assert!(page.contains("Bạn có 1 hồ sơ nháp chưa nộp."), "{page}");
    assert!(
        page.contains("180 ngày"),
        "the retention rule is told: {page}"
    );

    // Without the ticked box nothing goes.
    let unconfirmed = citizen.post("/tai-khoan/du-lieu/xoa-ho-so-nhap", &[]).await;
    assert_eq!(unconfirmed.location(), "/tai-khoan/du-lieu");
    assert!(citizen
        .get("/tai-khoan/du-lieu")
        .await
        .text()
        .contains("Đánh dấu ô xác nhận để xoá."));
    assert_eq!(count(&app, drafts).await, 1);

    // Another citizen's deletion touches only their own.
    let other = app.another_citizen().await;
    let mut stranger = signed_in(&app, other).await;
    stranger
        .post("/tai-khoan/du-lieu/xoa-ho-so-nhap", &[("confirm", "on")])
        .await;
    stranger
        .post("/tai-khoan/du-lieu/xoa-giay-to", &[("confirm", "on")])
        .await;
    assert_eq!(count(&app, drafts).await, 1);
    assert_eq!(
        count(&app, "SELECT count(*) FROM stored_files").await,
        files_before
    );

    citizen
        .post("/tai-khoan/du-lieu/xoa-ho-so-nhap", &[("confirm", "on")])
        .await;
    assert!(citizen
        .get("/tai-khoan/du-lieu")
        .await
        .text()
        .contains("Đã xoá 1 hồ sơ nháp."));
    assert_eq!(count(&app, drafts).await, 0);
    assert_eq!(
        count(&app, "SELECT count(*) FROM stored_files").await,
        files_before,
        "the draft's file stays in the wallet"
    );

    // The draft's file is used by nothing now; the filed dossier's is.
    let key: String = sqlx::query_scalar(
        "SELECT storage_key FROM stored_files WHERE original_name = 'ban-nhap.pdf'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let in_store = |key: String| {
        let files = app.state.files.clone();
        async move {
            files
                .head(&object_store::path::Path::from(key.as_str()))
                .await
                .is_ok()
        }
    };
    assert!(in_store(key.clone()).await);
    citizen
        .post("/tai-khoan/du-lieu/xoa-giay-to", &[("confirm", "on")])
        .await;
    assert_eq!(
        count(&app, "SELECT count(*) FROM stored_files").await,
        files_before - 1
    );
    assert!(!in_store(key).await, "its content is gone from the store");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM stored_files WHERE original_name = 'giay-chung-sinh.pdf'"
        )
        .await,
        1,
        "the filed dossier's document stays"
    );
    assert!(citizen
        .get(&format!("/ho-so/{code}"))
        .await
        .status
        .is_success());
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'personal_data_deleted'"
        )
        .await,
        4
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_retention_rules_delete_old_drafts_and_exchanges_once_even_run_twice_at_once() {
    let app = spawn_app().await;
    let citizen = signed_in(&app, CITIZEN).await;
    draft_with_a_file(&app, &citizen).await;
    let other = app.another_citizen().await;
    let stranger = signed_in(&app, other).await;
    draft_with_a_file(&app, &stranger).await;
    // The demo citizen's draft was last touched 181 days ago (the rule: 180).
    sqlx::query(
        "UPDATE dossiers SET updated_at = now() - interval '181 days'
         WHERE status = 'draft' AND applicant_id = (SELECT id FROM users WHERE email = $1)",
    )
    .bind(CITIZEN)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO assistant_exchanges (conversation, question, reply_kind, reply, asked_at)
         VALUES ('a', 'cũ', 'no_answer', '{}', now() - interval '91 days'),
                ('b', 'mới', 'no_answer', '{}', now() - interval '89 days')",
    )
    .execute(&app.pool)
    .await
    .unwrap();

    // A sign-in sent to an identity provider two days ago and never
    // answered, and one sent now.
    sqlx::query(
        "WITH provider AS (
           INSERT INTO identity_providers (slug, name_vi, name_en, issuer, client_id)
           VALUES ('vneid', 'VNeID', 'VNeID', 'https://sso.example.gov.vn', 'motcua') RETURNING id)
         INSERT INTO identity_sign_ins (state_hash, provider_id, nonce, pkce_verifier, created_at)
         SELECT hash, id, 'n', 'v', at FROM provider,
                (VALUES ('\\x01'::bytea, now() - interval '2 days'), ('\\x02'::bytea, now())) AS s (hash, at)",
    )
    .execute(&app.pool)
    .await
    .unwrap();

    let (first, second) = tokio::join!(
        server::accounts::retention::apply(&app.pool),
        server::accounts::retention::apply(&app.pool)
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(first.0 + second.0, 1, "one old draft, deleted once");
    assert_eq!(first.1 + second.1, 1, "one old exchange, deleted once");
    assert_eq!(
        count(&app, "SELECT count(*) FROM dossiers WHERE status = 'draft'").await,
        1,
        "the fresh draft stays"
    );
    let kept: Vec<String> = sqlx::query_scalar("SELECT question FROM assistant_exchanges")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, ["mới"]);
    assert_eq!(
        count(&app, "SELECT count(*) FROM identity_sign_ins").await,
        1,
        "the unanswered sign-in of two days ago is gone, today's stays"
    );
}

/// A file is deletable only when nothing refers to it: every table with a
/// reference to `stored_files` must be one `stored_file_in_use` looks at.
#[tokio::test]
async fn every_table_referring_to_a_file_counts_as_a_use() {
    let app = spawn_app().await;
    let referring: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT conrelid::regclass::text FROM pg_constraint
         WHERE contype = 'f' AND confrelid = 'stored_files'::regclass ORDER BY 1",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let definition: String =
        sqlx::query_scalar("SELECT pg_get_functiondef('stored_file_in_use'::regproc)")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(referring.len() >= 4, "{referring:?}");
    for table in referring {
        assert!(
            definition.contains(&format!(" {table} ")),
            "{table} refers to stored files but is not counted as a use"
        );
    }
}
