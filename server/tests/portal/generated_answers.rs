//! Generated answers, against a fake chat endpoint (what a real model
//! answers cannot be chosen): a phrased answer is shown only when every
//! citation points to a source the assistant retrieved and every amount
//! appears in a cited source; a bad citation, a wrong amount, a timeout or
//! the administrator's switch leave the sources' own words. Nothing is
//! phrased when nothing was found.

use crate::assistant::{reply_page, FEE_QUESTION};
use crate::procedure_versions::{signed_in, AUTHOR};
use crate::support;
use std::time::Duration;
use support::chat::FakeChat;
use support::spawn_app_with;

const GOOD: &str = "Phí cấp Phiếu lý lịch tư pháp là 200.000 đồng mỗi lần [1].";
/// "The extractive answer": the procedure's whole fee table.
const FEE_TABLE: &str = "Phí, lệ phí";

async fn portal(chat: &FakeChat) -> support::TestApp {
    spawn_app_with(&[
        ("MOTCUA_CHAT_URL", chat.url.clone()),
        ("MOTCUA_CHAT_TIMEOUT_MS", "2000".into()),
    ])
    .await
}

#[tokio::test]
async fn a_checked_phrased_answer_is_shown_with_its_cited_source() {
    let chat = FakeChat::start().await;
    chat.answers(GOOD);
    let app = portal(&chat).await;
    let page = reply_page(&app, FEE_QUESTION).await;
    assert!(
        page.contains("Phí cấp Phiếu lý lịch tư pháp là 200.000 đồng mỗi lần"),
        "{page}"
    );
    assert!(
        page.contains("diễn đạt lại từ các nguồn"),
        "the reader is told: {page}"
    );
    assert!(
        page.contains("<sup class=\"citation\"><a href=\"/thu-tuc/3.000333\""),
        "[1] links to the procedure: {page}"
    );
    // The sources' own words stay one click away.
    assert!(
        page.contains("Xem nguyên văn từ nguồn") && page.contains(FEE_TABLE),
        "{page}"
    );
    // The model was given the procedure's fees, numbered, and the question.
    let prompt = chat.last_prompt();
    assert!(
        prompt.contains(FEE_QUESTION) && prompt.contains("[1] Cấp Phiếu lý lịch tư pháp"),
        "{prompt}"
    );
    assert!(prompt.contains("200.000 đồng"), "{prompt}");
    let kept: String = sqlx::query_scalar("SELECT reply_kind FROM assistant_exchanges")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, "phrased");
}

#[tokio::test]
async fn a_bad_citation_a_wrong_amount_or_a_timeout_leave_the_sources_words() {
    let chat = FakeChat::start().await;
    let app = portal(&chat).await;

    chat.answers("Phí cấp Phiếu lý lịch tư pháp là 200.000 đồng mỗi lần [2].");
    let page = reply_page(&app, FEE_QUESTION).await;
    assert!(
        !page.contains("mỗi lần [2]") && !page.contains("diễn đạt lại"),
        "{page}"
    );
    assert!(
        page.contains(FEE_TABLE) && page.contains("200.000"),
        "{page}"
    );

    chat.answers("Phí cấp Phiếu lý lịch tư pháp là 150.000 đồng mỗi lần [1].");
    let page = reply_page(&app, FEE_QUESTION).await;
    assert!(
        !page.contains("150.000"),
        "the wrong amount is never shown: {page}"
    );
    assert!(page.contains(FEE_TABLE), "{page}");

    chat.answers(GOOD);
    chat.waits(Duration::from_secs(5));
    let page = reply_page(&app, FEE_QUESTION).await;
    assert!(
        !page.contains("diễn đạt lại") && page.contains(FEE_TABLE),
        "{page}"
    );
    assert_eq!(chat.requests(), 3);

    // Nothing found, nothing phrased: the model is not asked.
    chat.waits(Duration::ZERO);
    let page = reply_page(&app, "thời tiết cuối tuần này có mưa không").await;
    assert!(page.contains("Chưa tìm thấy câu trả lời"), "{page}");
    assert_eq!(chat.requests(), 3);
}

#[tokio::test]
async fn an_administrator_switches_phrasing_off_at_once() {
    let chat = FakeChat::start().await;
    chat.answers(GOOD);
    let app = portal(&chat).await;
    assert!(reply_page(&app, FEE_QUESTION)
        .await
        .contains("diễn đạt lại"));

    let mut admin = signed_in(&app, AUTHOR).await;
    let settings = admin.get("/quan-tri/cai-dat").await.body;
    assert!(
        settings.contains("name=\"generated_answers\""),
        "{settings}"
    );
    assert!(
        settings.contains("aria-describedby=\"check-generated-answers-hint\"")
            && settings.contains("id=\"check-generated-answers-hint\""),
        "the switch is described by what it does: {settings}"
    );
    assert!(
        !settings.contains("Chưa cấu hình dịch vụ mô hình ngôn ngữ"),
        "{settings}"
    );
    // A refused number of days keeps what was typed and says why.
    let refused = admin
        .post(
            "/quan-tri/cai-dat/hoi-dap",
            &[("question_answer_days", "0")],
        )
        .await;
    assert_eq!(refused.location(), "/quan-tri/cai-dat#hoi-dap");
    let page = admin.get("/quan-tri/cai-dat").await.text();
    assert!(page.contains("Nhập số ngày làm việc từ 1 đến 60"), "{page}");
    let on: bool = sqlx::query_scalar("SELECT generated_answers FROM portal_settings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(on, "a refused form changes nothing");

    // Unticked (the box is simply not posted), with ten days to answer.
    admin
        .post(
            "/quan-tri/cai-dat/hoi-dap",
            &[("question_answer_days", "10")],
        )
        .await;
    let (days, on): (i32, bool) =
        sqlx::query_as("SELECT question_answer_days, generated_answers FROM portal_settings")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((days, on), (10, false));
    let asked_before = chat.requests();
    let page = reply_page(&app, FEE_QUESTION).await;
    assert!(
        !page.contains("diễn đạt lại") && page.contains(FEE_TABLE),
        "{page}"
    );
    assert_eq!(chat.requests(), asked_before, "the model is not even asked");
}
