//! Questions from people: one the assistant cannot answer goes to the
//! agency with a due day in working days; an official of that agency (and
//! no other) answers it once; the asker is told by mail and in the portal;
//! the answer, proposed as an article and published by a second person,
//! answers the next citizen who asks the same.

use crate::procedure_versions::{AUTHOR, REVIEWER};
use crate::support;
use support::back_office::{signed_in, CITIZEN};
use support::parallel::{address, all_at_once, form_post};
use support::spawn_app;

const QUESTION: &str = "Con tôi sinh ở nước ngoài về quê ở Hồng Gai thì làm giấy khai sinh có cần dịch thuật giấy chứng sinh không?";
const GENERAL: &str =
    "Trẻ sinh ở nước ngoài về nước đăng ký khai sinh có cần dịch giấy chứng sinh không?";

async fn ask(app: &support::TestApp) -> i64 {
    let mut citizen = signed_in(app, CITIZEN).await;
    let sent = citizen
        .post(
            "/hoi-dap/dat-cau-hoi",
            &[
                ("question", QUESTION),
                ("procedure", "1.001193"),
                ("sector", ""),
            ],
        )
        .await;
    assert_eq!(sent.location(), "/tai-khoan/cau-hoi");
    let mine = citizen.get("/tai-khoan/cau-hoi").await.text();
    assert!(
        mine.contains("Đang chờ trả lời") && mine.contains("sinh ở nước ngoài"),
        "{mine}"
    );
    sqlx::query_scalar("SELECT id FROM citizen_questions")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_question_is_due_in_working_days_and_answered_by_its_agency_only() {
    let app = spawn_app().await;
    let id = ask(&app).await;
    // Due the province's number of working days after the day it was asked.
    let (asked, due, days): (chrono::DateTime<chrono::Utc>, chrono::NaiveDate, i32) = sqlx::query_as(
        "SELECT q.asked_at, q.due_on, s.question_answer_days FROM citizen_questions q, portal_settings s",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    let asked_on = app::deadlines::vietnam_local(asked).date();
    assert_eq!(due, calendar.add_working_days(asked_on, days as u32));

    // The land office's specialist does not handle births: as if missing.
    let mut outsider = signed_in(&app, "chuyenvien.datdai@motcua.example").await;
    assert_eq!(
        outsider
            .get(&format!("/can-bo/cau-hoi/{id}"))
            .await
            .status
            .as_u16(),
        404
    );
    let refused = outsider
        .post(
            &format!("/can-bo/cau-hoi/{id}"),
            &[
                ("answer", "Không cần."),
                ("article_question", ""),
                ("article_code", ""),
            ],
        )
        .await;
    assert_ne!(refused.location(), format!("/can-bo/cau-hoi/{id}"));

    let mut official = signed_in(&app, AUTHOR).await;
    let queue = official.get("/can-bo/cau-hoi").await.text();
    assert!(queue.contains("sinh ở nước ngoài"), "{queue}");
    official
        .post(
            &format!("/can-bo/cau-hoi/{id}"),
            &[
                ("answer", "Giấy chứng sinh do nước ngoài cấp phải được hợp pháp hóa lãnh sự và dịch sang tiếng Việt."),
                ("article_question", GENERAL),
                ("article_code", "khai-sinh-tre-sinh-o-nuoc-ngoai"),
            ],
        )
        .await;
    let answered: (Option<String>, Option<String>) = sqlx::query_as(
        "SELECT q.answer, a.code FROM citizen_questions q LEFT JOIN articles a ON a.id = q.article_id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(answered.0.unwrap().contains("hợp pháp hóa"));
    assert_eq!(
        answered.1.as_deref(),
        Some("khai-sinh-tre-sinh-o-nuoc-ngoai")
    );
    // The asker is told in the portal and by mail.
    let mut citizen = signed_in(&app, CITIZEN).await;
    let mine = citizen.get("/tai-khoan/cau-hoi").await.text();
    assert!(mine.contains("hợp pháp hóa lãnh sự"), "{mine}");
    let mailed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM mail_outbox WHERE recipient = $1 AND subject = 'Câu hỏi của bạn đã được trả lời'",
    )
    .bind(CITIZEN)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(mailed, 1);

    // The proposal is a draft until someone else publishes it; then the
    // assistant answers the next citizen from it.
    assert_eq!(
        app.get("/hoi-dap/khai-sinh-tre-sinh-o-nuoc-ngoai")
            .await
            .status
            .as_u16(),
        404
    );
    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer
        .post(
            "/quan-tri/hoi-dap/khai-sinh-tre-sinh-o-nuoc-ngoai",
            &[("action", "publish")],
        )
        .await;
    assert_eq!(
        app.get("/hoi-dap/khai-sinh-tre-sinh-o-nuoc-ngoai")
            .await
            .status
            .as_u16(),
        200
    );
    let mut next = support::browser::Browser::new(&app);
    next.post("/tro-ly", &[("question", GENERAL)]).await;
    let page = next.get("/tro-ly").await.body;
    assert!(
        page.contains("href=\"/hoi-dap/khai-sinh-tre-sinh-o-nuoc-ngoai\""),
        "{page}"
    );
}

#[tokio::test]
async fn two_officials_answering_at_once_give_one_answer() {
    let app = spawn_app().await;
    let id = ask(&app).await;
    let first = signed_in(&app, AUTHOR).await.session_cookie().unwrap();
    let second = signed_in(&app, REVIEWER).await.session_cookie().unwrap();
    let path = format!("/can-bo/cau-hoi/{id}");
    let requests = [&first, &second, &first, &second]
        .iter()
        .enumerate()
        .map(|(n, cookie)| {
            form_post(
                &path,
                &[
                    ("answer", "Cần dịch và hợp pháp hóa."),
                    ("article_question", ""),
                    ("article_code", ""),
                ],
                address(n as u16),
                Some(cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let (mails, audited): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM mail_outbox WHERE subject = 'Câu hỏi của bạn đã được trả lời'),
                (SELECT count(*) FROM audit_log WHERE action = 'question_answered')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((mails, audited), (1, 1));
}

#[tokio::test]
async fn an_unanswered_question_past_its_day_shows_in_the_operations_view() {
    let app = spawn_app().await;
    ask(&app).await;
    sqlx::query("UPDATE citizen_questions SET due_on = due_on - 30")
        .execute(&app.pool)
        .await
        .unwrap();
    let mut manager = signed_in(&app, "quanly@motcua.example").await;
    let page = manager.get("/thong-ke/dieu-hanh").await.text();
    assert!(
        page.contains("1 câu hỏi của người dân quá hạn trả lời"),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_account_sending_many_questions_at_once_gets_five_through() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, CITIZEN).await.session_cookie().unwrap();
    let requests = (0..12)
        .map(|n| {
            form_post(
                "/hoi-dap/dat-cau-hoi",
                &[
                    ("question", QUESTION),
                    ("procedure", "1.001193"),
                    ("sector", ""),
                ],
                // Many addresses, one account: the account's limit holds.
                address(n),
                Some(&cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM citizen_questions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, 5);
}
