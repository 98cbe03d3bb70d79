//! Public pages come from memory for anonymous visitors, stay correct for
//! signed-in ones, and every instance drops its copies when the catalogue
//! changes (PostgreSQL notifies them all).

use crate::support;

use std::time::Duration;
use support::browser::Browser;
use support::{spawn_app_with, TestApp};

const PAGE: &str = "/thu-tuc/1.001193";
const NAME: &str = "Đăng ký khai sinh";

async fn cached_app() -> TestApp {
    spawn_app_with(&[("MOTCUA_PAGE_CACHE_SECONDS", "60".into())]).await
}

/// Renames the procedure's version in force. `quietly`: with the triggers
/// off for this connection (`session_replication_role`), so no instance is
/// told: only a page rendered afresh can show it.
async fn rename(app: &TestApp, name: &str, quietly: bool) {
    let mut connection = app.pool.acquire().await.unwrap();
    if quietly {
        sqlx::query("SET session_replication_role = replica")
            .execute(&mut *connection)
            .await
            .unwrap();
    }
    sqlx::query(
        "UPDATE procedure_versions SET name = $1 WHERE id = (
             SELECT c.id FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
             WHERE p.code = '1.001193')",
    )
    .bind(name)
    .execute(&mut *connection)
    .await
    .unwrap();
    if quietly {
        sqlx::query("SET session_replication_role = origin")
            .execute(&mut *connection)
            .await
            .unwrap();
    }
}

/// One GET through `router` (an instance), as a browser without cookies.
async fn page_from(router: &axum::Router, uri: &str) -> (axum::http::StatusCode, String) {
    use tower::ServiceExt;
    let response = router
        .clone()
        .oneshot(
            axum::http::Request::get(uri)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).to_string())
}

/// Waits (at most 5 s) until `check` holds for the page at `uri` from
/// the instance `router`.
async fn eventually(router: &axum::Router, uri: &str, check: impl Fn(&str) -> bool) -> bool {
    for _ in 0..100 {
        if check(&page_from(router, uri).await.1) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

#[tokio::test]
async fn an_anonymous_visitor_gets_the_kept_page_and_a_signed_in_one_a_fresh_one() {
    let app = cached_app().await;
    // The listener must be in place before anything is kept.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.get(PAGE).await.text().contains(NAME));

    rename(&app, "Tên đổi lặng lẽ", true).await;
    let anonymous = app.get(PAGE).await;
    assert_eq!(anonymous.status, 200);
    assert!(
        anonymous.text().contains(NAME),
        "the kept copy: nobody said the catalogue changed"
    );

    let mut citizen = Browser::new(&app);
    citizen
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    let signed_in = citizen.get(PAGE).await;
    assert!(
        signed_in.text().contains("Tên đổi lặng lẽ"),
        "a signed-in visitor's page is rendered for them"
    );
    assert!(
        signed_in.text().contains("Đăng xuất"),
        "with their own header"
    );
    assert!(!anonymous.text().contains("Đăng xuất"));

    // In English: another copy, not the Vietnamese one.
    let english = app.get_with_cookie(PAGE, "lang=en").await;
    assert!(
        english.text().contains("Tên đổi lặng lẽ"),
        "a language not yet kept is rendered afresh"
    );
}

#[tokio::test]
async fn a_change_to_the_catalogue_reaches_every_instance() {
    let first = cached_app().await;
    // A second instance on the same database, with its own memory.
    let second_state = {
        let mut state = first.state.clone();
        state.page_cache = server::page_cache::PageCache::new(Duration::from_secs(60));
        state
    };
    let second = server::router(second_state);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(first.get(PAGE).await.text().contains(NAME));
    assert!(page_from(&second, PAGE).await.1.contains(NAME));

    // As an administrator's publication would: the triggers tell everyone.
    rename(&first, "Đăng ký khai sinh (mẫu mới)", false).await;
    assert!(
        eventually(&first.router, PAGE, |page| page.contains("(mẫu mới)")).await,
        "the first instance drops its copy"
    );
    assert!(
        eventually(&second, PAGE, |page| page.contains("(mẫu mới)")).await,
        "and so does the second"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_anonymous_visitors_at_once_all_get_the_whole_page() {
    let app = cached_app().await;
    let mut requests = tokio::task::JoinSet::new();
    for index in 0..64 {
        let router = app.router.clone();
        requests.spawn(async move {
            let uri = if index % 2 == 0 {
                PAGE
            } else {
                "/thu-tuc?q=khai+sinh"
            };
            let (status, body) = page_from(&router, uri).await;
            (index, status, body)
        });
    }
    let mut answers = requests.join_all().await;
    answers.sort_by_key(|(index, _, _)| *index);
    let full_pages: Vec<usize> = answers.iter().map(|(_, _, body)| body.len()).collect();
    for (_, status, body) in &answers {
        assert_eq!(*status, 200);
        assert!(
            body.contains(NAME) && body.contains("</footer></body></html>"),
            "a whole page: {}",
            &body[body.len().saturating_sub(300)..]
        );
    }
    // Kept or rendered, the same bytes for the same address.
    assert!(full_pages
        .iter()
        .step_by(2)
        .all(|len| *len == full_pages[0]));
}

/// One GET through `router` with `If-None-Match: tag`: the status, the
/// response's `ETag` and `Cache-Control`, and the body.
async fn revalidate(
    router: &axum::Router,
    uri: &str,
    tag: Option<&str>,
) -> (
    axum::http::StatusCode,
    Option<String>,
    Option<String>,
    usize,
) {
    use tower::ServiceExt;
    let mut request = axum::http::Request::get(uri);
    if let Some(tag) = tag {
        request = request.header("if-none-match", tag);
    }
    let response = router
        .clone()
        .oneshot(request.body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|value| value.to_str().unwrap().to_string())
    };
    let (status, etag, rules) = (response.status(), header("etag"), header("cache-control"));
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, etag, rules, bytes.len())
}

#[tokio::test]
async fn a_browser_that_has_the_page_is_told_it_is_unchanged_until_the_catalogue_changes() {
    let app = cached_app().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (status, tag, rules, length) = revalidate(&app.router, PAGE, None).await;
    assert_eq!(status, 200);
    assert!(length > 0);
    let tag = tag.expect("a public page carries a validator");
    assert_eq!(rules.as_deref(), Some("public, max-age=60"));

    // Asked again with the validator: no body.
    let (status, again, _, length) = revalidate(&app.router, PAGE, Some(&tag)).await;
    assert_eq!(status, 304, "the page has not changed");
    assert_eq!(length, 0);
    assert_eq!(again.as_deref(), Some(tag.as_str()));

    // Another page does not match that validator.
    let (status, other, _, _) = revalidate(&app.router, "/thu-tuc", Some(&tag)).await;
    assert_eq!(status, 200);
    assert_ne!(other.as_deref(), Some(tag.as_str()));

    // The catalogue changes: the same validator now gets the new page.
    rename(&app, "Đăng ký khai sinh (sửa đổi)", false).await;
    assert!(eventually(&app.router, PAGE, |page| page.contains("(sửa đổi)")).await);
    let (status, renewed, _, length) = revalidate(&app.router, PAGE, Some(&tag)).await;
    assert_eq!(status, 200, "the visitor's copy is out of date");
    assert!(length > 0);
    assert_ne!(renewed.as_deref(), Some(tag.as_str()));

    // A signed-in visitor's page is never given a validator or kept.
    let mut citizen = Browser::new(&app);
    citizen
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    let signed_in = citizen.get(PAGE).await;
    assert_eq!(signed_in.header("etag"), "");
    assert_eq!(signed_in.header("cache-control"), "no-store");
}
