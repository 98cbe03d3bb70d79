//! The assistant answers only from what the portal publishes, and says so
//! when it cannot: a fee question gets the procedure's whole fee table
//! with its source; a question nothing answers gets "no answer", never a
//! guess; one's own dossier goes to tracking. Questions are kept without
//! identity or phone numbers, and only the asker rates their replies.

use crate::support;
use support::browser::Browser;
use support::parallel::{address, all_at_once, form_post};
use support::spawn_app;

/// A fee question as citizens type it (the criminal record certificate).
pub(crate) const FEE_QUESTION: &str = "làm lý lịch tư pháp hết bao nhiêu tiền";

/// The assistant's page after asking `question` in a new conversation.
pub(crate) async fn reply_page(app: &support::TestApp, question: &str) -> String {
    let mut visitor = Browser::new(app);
    let asked = visitor.post("/tro-ly", &[("question", question)]).await;
    assert!(
        asked.location().starts_with("/tro-ly#cau-"),
        "{}",
        asked.location()
    );
    visitor.get("/tro-ly").await.body
}

#[tokio::test]
async fn a_fee_question_is_answered_from_the_procedure_with_its_source() {
    let app = spawn_app().await;
    let page = reply_page(&app, FEE_QUESTION).await;
    assert!(page.contains("Phí, lệ phí"), "{page}");
    assert!(
        page.contains("href=\"/thu-tuc/3.000333\""),
        "the source is linked: {page}"
    );
    let fee: i64 = sqlx::query_scalar(
        "SELECT f.amount_vnd FROM procedure_fees f JOIN current_procedure_versions v ON v.id = f.version_id
         JOIN procedures p ON p.id = v.procedure_id WHERE p.code = '3.000333' AND f.amount_vnd > 0 ORDER BY f.position LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let shown = app::money::Vnd(fee).to_string();
    assert!(page.contains(&shown), "the amount {shown} is shown: {page}");
}

#[tokio::test]
async fn out_of_scope_questions_get_no_answer_and_own_dossiers_go_to_tracking() {
    let app = spawn_app().await;
    let mut visitor = Browser::new(&app);
    visitor
        .post(
            "/tro-ly",
            &[("question", "thời tiết cuối tuần này có mưa không")],
        )
        .await;
    let page = visitor.get("/tro-ly").await.text();
    assert!(page.contains("Chưa tìm thấy câu trả lời"), "{page}");
    visitor
        .post("/tro-ly", &[("question", "hồ sơ của tôi đến đâu rồi")])
        .await;
    let page = visitor.get("/tro-ly").await.body;
    assert!(page.contains("href=\"/tra-cuu\""), "{page}");
    let kinds: Vec<String> =
        sqlx::query_scalar("SELECT reply_kind FROM assistant_exchanges ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(kinds, ["no_answer", "own_dossier"]);
    // Editors see what the assistant could not answer, to write it up.
    let mut editor = support::back_office::signed_in(&app, "bientap@motcua.example").await;
    let admin = editor.get("/quan-tri/hoi-dap").await.text();
    assert!(
        admin.contains("thời tiết cuối tuần này có mưa không"),
        "{admin}"
    );
    assert!(!admin.contains("hồ sơ của tôi đến đâu rồi"), "{admin}");
}

#[tokio::test]
async fn questions_are_kept_without_personal_numbers_and_rated_by_their_asker_only() {
    let app = spawn_app().await;
    let mut asker = Browser::new(&app);
    asker
        .post(
            "/tro-ly",
            &[(
                "question",
                "CCCD 022190001234, số 0912 345 678: đăng ký khai sinh cần giấy tờ gì",
            )],
        )
        .await;
    let (id, question): (i64, String) =
        sqlx::query_as("SELECT id, question FROM assistant_exchanges")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(
        !question.contains("022190001234") && !question.contains("345"),
        "{question}"
    );
    assert!(question.contains("[đã ẩn]"));
    // Someone else's "not helpful" changes nothing; the asker's counts.
    let mut stranger = Browser::new(&app);
    stranger.get("/tro-ly").await;
    stranger
        .post(
            "/tro-ly/danh-gia",
            &[("exchange", &id.to_string()), ("helpful", "no")],
        )
        .await;
    asker
        .post(
            "/tro-ly/danh-gia",
            &[("exchange", &id.to_string()), ("helpful", "yes")],
        )
        .await;
    let helpful: Option<bool> = sqlx::query_scalar("SELECT helpful FROM assistant_exchanges")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(helpful, Some(true));
}

#[tokio::test]
async fn questions_asked_at_once_are_each_kept_once() {
    let app = spawn_app().await;
    let requests = (0..8)
        .map(|n| {
            form_post(
                "/tro-ly",
                &[("question", "đăng ký kết hôn mất bao lâu")],
                address(n),
                None,
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let (kept, conversations): (i64, i64) =
        sqlx::query_as("SELECT count(*), count(DISTINCT conversation) FROM assistant_exchanges")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((kept, conversations), (8, 8));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_address_asking_hundreds_at_once_is_held_back_at_its_limit() {
    let app = spawn_app().await;
    let one = address(7);
    let requests = (0..130)
        .map(|_| {
            form_post(
                "/tro-ly",
                &[("question", "đăng ký kết hôn ở đâu")],
                one,
                None,
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM assistant_exchanges")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, 120);
}
