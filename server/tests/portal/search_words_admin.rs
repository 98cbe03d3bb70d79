//! The search words as administrators keep them: a phrase added is read
//! by the next search, also by anonymous visitors whose pages were cached;
//! the same phrase with or without diacritics is one phrase, added once
//! when several add it at the same moment; a question word too; an editor
//! sees how a question reads; someone who does not keep the catalogue
//! changes nothing.

use crate::procedure_versions::{signed_in, AUTHOR, REVIEWER};
use crate::support;
use support::back_office::CITIZEN;
use support::parallel::{address, all_at_once, form_post};
use support::spawn_app;

const PAGE: &str = "/quan-tri/tu-ngu-tim-kiem";

async fn first_code(app: &support::TestApp, question: &str) -> String {
    let query: String = form_urlencoded::byte_serialize(question.as_bytes()).collect();
    let body: serde_json::Value = app
        .get(&format!("/api/v1/procedures?q={query}"))
        .await
        .json();
    body["items"][0]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn a_phrase_added_by_an_administrator_is_read_by_the_next_search() {
    let app = spawn_app().await;
    // Asked (and cached) before the phrase is known.
    assert_ne!(first_code(&app, "làm giấy báo tử").await, "1.000656");

    let mut admin = signed_in(&app, AUTHOR).await;
    let page = admin.get(PAGE).await.text();
    assert!(
        page.contains("lấy vợ") && page.contains("kết hôn"),
        "{page}"
    );
    admin
        .post(
            PAGE,
            &[
                ("action", "add_synonym"),
                ("phrase", "giấy báo tử"),
                ("means", "khai tử"),
            ],
        )
        .await;
    let page = admin.get(PAGE).await.text();
    assert!(page.contains("Đã thêm “giấy báo tử”."), "{page}");
    // Every instance drops its cached copies when notified; give it a moment.
    let mut found = String::new();
    for _ in 0..20 {
        found = first_code(&app, "làm giấy báo tử").await;
        if found == "1.000656" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(found, "1.000656");

    // Without diacritics it is the same phrase.
    admin
        .post(
            PAGE,
            &[
                ("action", "add_synonym"),
                ("phrase", "giay bao tu"),
                ("means", "khai sinh"),
            ],
        )
        .await;
    let page = admin.get(PAGE).await;
    assert!(
        page.text()
            .contains("Cách nói hoặc từ này đã có trong danh sách."),
        "{}",
        page.text()
    );
    assert!(page.body.contains("value=\"khai sinh\""), "kept as typed");

    // How a question reads.
    let tried = admin
        .get(&format!(
            "{PAGE}?thu={}",
            form_urlencoded::byte_serialize("lấy vợ cần giấy tờ gì".as_bytes()).collect::<String>()
        ))
        .await
        .text();
    assert!(
        tried.contains("“lấy vợ cần giấy tờ gì” được hiểu là: ket hon giay to"),
        "{tried}"
    );

    // A question word, then both removed.
    admin
        .post(PAGE, &[("action", "add_filler"), ("word", "hông")])
        .await;
    admin.post(PAGE, &[("remove_filler", "hong")]).await;
    admin.post(PAGE, &[("remove_synonym", "giay bao tu")]).await;
    let audited: i64 = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM audit_log WHERE action = 'search_words_changed'"#
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 4, "two added, two removed");
    let left: i64 = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM search_synonyms WHERE phrase = 'giay bao tu'"#
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_phrase_added_by_several_at_once_is_added_once() {
    let app = spawn_app().await;
    let first = signed_in(&app, AUTHOR).await.session_cookie().unwrap();
    let second = signed_in(&app, REVIEWER).await.session_cookie().unwrap();
    let requests = [&first, &second, &first, &second]
        .iter()
        .enumerate()
        .map(|(n, cookie)| {
            let phrase = if n % 2 == 0 {
                "giấy báo tử"
            } else {
                "giay bao tu"
            };
            form_post(
                PAGE,
                &[
                    ("action", "add_synonym"),
                    ("phrase", phrase),
                    ("means", "khai tử"),
                ],
                address(n as u16),
                Some(cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let (rows, audited): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM search_synonyms WHERE phrase = 'giay bao tu'),
                (SELECT count(*) FROM audit_log WHERE action = 'search_words_changed')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((rows, audited), (1, 1));
}

#[tokio::test]
async fn only_those_who_keep_the_catalogue_change_the_words() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let refused = citizen
        .post(
            PAGE,
            &[
                ("action", "add_synonym"),
                ("phrase", "giấy báo tử"),
                ("means", "khai tử"),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);
    let removed = citizen.post(PAGE, &[("remove_synonym", "lay vo")]).await;
    assert_eq!(removed.status, 403);
    let (rows, kept): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM search_synonyms WHERE phrase = 'giay bao tu'),
                (SELECT count(*) FROM search_synonyms WHERE phrase = 'lay vo')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((rows, kept), (0, 1));
}
