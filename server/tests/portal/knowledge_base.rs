//! The knowledge base as editors keep it and citizens read it: an article
//! is written as a draft, reaches citizens only when someone other than its
//! author publishes it, keeps every change, and internal guidance is never
//! shown outside the back office. Four reviewers publishing at once make
//! one version.

use crate::procedure_versions::{AUTHOR, REVIEWER};
use crate::support;
use support::back_office::{signed_in, CITIZEN};
use support::parallel::{address, all_at_once, form_post};
use support::spawn_app;

const EDITOR: &str = "bientap@motcua.example";
const ADMIN: &str = "/quan-tri/hoi-dap";
const ARTICLE: &str = "/quan-tri/hoi-dap/giay-hen-bi-mat";

fn draft<'a>(question: &'a str, audience: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("action", "save"),
        ("question", question),
        (
            "answer",
            "Bạn không cần giấy hẹn để nhận kết quả.\n\n- Mang **căn cước**\n- Đọc mã hồ sơ cho cán bộ",
        ),
        ("agency", ""),
        ("sector", "HO_TICH"),
        ("procedures", "1.001193"),
        ("legal_references", "Nghị định 118/2025/NĐ-CP"),
        ("audience", audience),
        ("valid_until", ""),
    ]
}

/// The editor, signed in, having started the article `giay-hen-bi-mat`.
async fn started(app: &support::TestApp) -> support::browser::Browser<'_> {
    let mut editor = signed_in(app, EDITOR).await;
    editor
        .post(
            ADMIN,
            &[
                ("code", "giay-hen-bi-mat"),
                ("question", "Mất giấy hẹn thì nhận kết quả thế nào?"),
                ("agency", ""),
            ],
        )
        .await;
    editor
}

#[tokio::test]
async fn an_article_reaches_citizens_only_once_a_second_person_publishes_it() {
    let app = spawn_app().await;
    let mut editor = started(&app).await;
    let saved = editor
        .post(
            ARTICLE,
            &draft(
                "Mất giấy hẹn trả kết quả thì nhận kết quả thế nào?",
                "citizens",
            ),
        )
        .await;
    assert_eq!(saved.location(), ARTICLE);
    // Not public yet, and the author may not publish their own draft.
    assert_eq!(
        app.get("/hoi-dap/giay-hen-bi-mat").await.status.as_u16(),
        404
    );
    editor.post(ARTICLE, &[("action", "publish")]).await;
    let page = editor.get(ARTICLE).await.text();
    assert!(
        page.contains("một người khác phải kiểm tra và xuất bản"),
        "{page}"
    );
    assert_eq!(
        app.get("/hoi-dap/giay-hen-bi-mat").await.status.as_u16(),
        404
    );

    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer.post(ARTICLE, &[("action", "publish")]).await;
    let public = app.get("/hoi-dap/giay-hen-bi-mat").await;
    assert_eq!(public.status.as_u16(), 200);
    let text = public.body.clone();
    assert!(text.contains("Mất giấy hẹn trả kết quả thì nhận kết quả thế nào?"));
    assert!(
        text.contains("<strong>căn cước</strong>"),
        "markdown renders: {text}"
    );
    assert!(text.contains("Cập nhật ngày"), "{text}");
    assert!(
        text.contains("/thu-tuc/1.001193"),
        "the procedure is linked"
    );
    // Found by a question typed without diacritics.
    let found = app.get("/hoi-dap?q=mat+giay+hen").await.body;
    assert!(found.contains("/hoi-dap/giay-hen-bi-mat"), "{found}");

    // Every change is kept: created, saved, published.
    let history: Vec<String> = sqlx::query_scalar(
        "SELECT s.kind FROM article_saves s JOIN articles a ON a.id = s.article_id
         WHERE a.code = 'giay-hen-bi-mat' ORDER BY s.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(history, ["created", "saved", "published"]);

    // Archived, it leaves the public pages.
    reviewer.post(ARTICLE, &[("action", "archive")]).await;
    assert_eq!(
        app.get("/hoi-dap/giay-hen-bi-mat").await.status.as_u16(),
        404
    );
}

#[tokio::test]
async fn a_refused_draft_comes_back_as_typed_and_changes_nothing() {
    let app = spawn_app().await;
    let mut editor = started(&app).await;
    let mut fields = draft("Mất hẹn?", "citizens");
    fields[5] = ("procedures", "9.999999");
    editor.post(ARTICLE, &fields).await;
    let page = editor.get(ARTICLE).await.body;
    assert!(page.contains("Nội dung quá ngắn."), "{page}");
    assert!(
        page.contains("Có mã thủ tục không có trong danh mục."),
        "{page}"
    );
    assert!(page.contains("9.999999"), "what was typed stays: {page}");
    let saves: i64 = sqlx::query_scalar("SELECT count(*) FROM article_saves WHERE kind = 'saved'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(saves, 0);
}

#[tokio::test]
async fn internal_guidance_is_for_officials_only() {
    let app = spawn_app().await;
    // A seeded internal article.
    let code: String = sqlx::query_scalar(
        "SELECT code FROM articles WHERE audience = 'officials' AND version IS NOT NULL ORDER BY code LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let path = format!("/hoi-dap/{code}");
    assert_eq!(app.get(&path).await.status.as_u16(), 404);
    let mut citizen = signed_in(&app, CITIZEN).await;
    assert_eq!(citizen.get(&path).await.status.as_u16(), 404);
    let mut official = signed_in(&app, AUTHOR).await;
    let page = official.get(&path).await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(page.text().contains("Nội bộ"));
    // The citizen cannot edit either: the editor answers as missing.
    assert_eq!(citizen.get(ARTICLE).await.status.as_u16(), 404);
    let refused = citizen
        .post(
            &format!("/quan-tri/hoi-dap/{code}"),
            &[("action", "archive")],
        )
        .await;
    assert_ne!(refused.status.as_u16(), 303);
    let archived: bool =
        sqlx::query_scalar("SELECT archived_at IS NOT NULL FROM articles WHERE code = $1")
            .bind(&code)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(!archived);
}

#[tokio::test]
async fn reviewers_publishing_at_once_make_one_version() {
    let app = spawn_app().await;
    let mut editor = started(&app).await;
    editor
        .post(
            ARTICLE,
            &draft(
                "Mất giấy hẹn trả kết quả thì nhận kết quả thế nào?",
                "citizens",
            ),
        )
        .await;
    let first = signed_in(&app, AUTHOR).await.session_cookie().unwrap();
    let second = signed_in(&app, REVIEWER).await.session_cookie().unwrap();
    let requests = [&first, &second, &first, &second]
        .iter()
        .enumerate()
        .map(|(n, cookie)| {
            form_post(
                ARTICLE,
                &[("action", "publish")],
                address(n as u16),
                Some(cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let versions: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.code = 'giay-hen-bi-mat'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(versions, 1);
}

#[tokio::test]
async fn one_code_started_by_several_at_once_makes_one_article() {
    let app = spawn_app().await;
    let cookies = [
        signed_in(&app, EDITOR).await.session_cookie().unwrap(),
        signed_in(&app, AUTHOR).await.session_cookie().unwrap(),
        signed_in(&app, REVIEWER).await.session_cookie().unwrap(),
    ];
    let requests = (0..6)
        .map(|n| {
            form_post(
                ADMIN,
                &[
                    ("code", "giay-hen-bi-mat"),
                    ("question", "Mất giấy hẹn thì nhận kết quả thế nào?"),
                    ("agency", ""),
                ],
                address(n as u16),
                Some(&cookies[n % 3]),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let (articles, created): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM articles WHERE code = 'giay-hen-bi-mat'),
                (SELECT count(*) FROM article_saves s JOIN articles a ON a.id = s.article_id
                 WHERE a.code = 'giay-hen-bi-mat' AND s.kind = 'created')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((articles, created), (1, 1));
}
