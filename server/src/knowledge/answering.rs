//! `POST /can-bo/cau-hoi/{id}`: an official of the agency answers a
//! question once (the row is locked, so two answers at once make one); the
//! asker is told in the portal and by mail. With a rewritten question the
//! answer is also proposed as a Q&A article: a draft by the official,
//! which someone else publishes (four eyes, as every article).

use super::store;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::mail::outbox;
use crate::mail::templates::Message;
use crate::state::AppState;
use app::access::{permits, Permission};
use app::forms::{FormFeedback, NoticeTone};
use app::knowledge::article::{length_refusal, valid_code, QUESTION_LIMITS};
use app::knowledge::pages::ANSWER_FORM;
use app::knowledge::questions::ANSWER_LIMIT;
use app::knowledge::{ArticleContent, ArticleRefusal};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

pub async fn answer(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().questions;
    let refusal_text = &asker.lang.texts().knowledge;
    let back = paths::question(id);
    let mut tx = state.pool.begin().await?;
    let question = sqlx::query!(
        r#"SELECT q.agency_id, q.question, q.answered_at IS NOT NULL AS "answered!", q.asker_id,
                  u.email, u.full_name, p.code AS "procedure?", s.code AS "sector?", a.code AS agency_code,
                  a.parent_id IS NULL AS "province!"
           FROM citizen_questions q JOIN users u ON u.id = q.asker_id
           JOIN agencies a ON a.id = q.agency_id
           LEFT JOIN procedures p ON p.id = q.procedure_id
           LEFT JOIN sectors s ON s.id = coalesce(q.sector_id, p.sector_id)
           WHERE q.id = $1 FOR UPDATE OF q"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(question) = question.filter(|q| {
        permits(
            &user.0,
            Permission::AnswerQuestionsOf {
                agency_id: q.agency_id,
            },
        )
    }) else {
        tx.rollback().await?;
        return Ok(refusals::as_missing(format!("question {id}")));
    };
    if question.answered {
        tx.rollback().await?;
        feedback::notice(&session, NoticeTone::Info, t.already_answered).await;
        return Ok(see_other(&back));
    }
    let mut kept = FormFeedback::new(ANSWER_FORM);
    let answer = form.get("answer").replace("\r\n", "\n").trim().to_string();
    kept.keep("answer", &answer);
    let article_question = form.kept_text(&mut kept, "article_question");
    let code = form.kept_text(&mut kept, "article_code");
    if answer.is_empty() {
        kept.error("answer", t.answer_missing);
    } else if answer.chars().count() > ANSWER_LIMIT {
        kept.error("answer", (refusal_text.refusal)(ArticleRefusal::TooLong));
    }
    let proposing = !article_question.is_empty();
    if proposing {
        if let Some(refusal) = length_refusal(&article_question, QUESTION_LIMITS) {
            kept.error("article_question", (refusal_text.refusal)(refusal));
        }
        if !valid_code(&code) {
            kept.error(
                "article_code",
                (refusal_text.refusal)(ArticleRefusal::BadCode),
            );
        }
    }
    if kept.has_errors() {
        tx.rollback().await?;
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    }
    let now = state.clock.now();
    let article_id = if proposing {
        let content = ArticleContent {
            question: article_question,
            answer: answer.clone(),
            agency: (!question.province).then(|| question.agency_code.clone()),
            sector: question.sector.clone(),
            procedures: question.procedure.clone().into_iter().collect(),
            ..ArticleContent::default()
        };
        let agency_id = (!question.province).then_some(question.agency_id);
        match store::create(&mut tx, &code, &content, agency_id, Some(user.0.id), now).await? {
            Some(article_id) => Some(article_id),
            None => {
                tx.rollback().await?;
                kept.error(
                    "article_code",
                    (refusal_text.refusal)(ArticleRefusal::CodeTaken),
                );
                feedback::form(&session, kept).await;
                return Ok(see_other(&back));
            }
        }
    } else {
        None
    };
    sqlx::query!(
        "UPDATE citizen_questions SET answer = $2, answered_by = $3, answered_at = $4, article_id = $5 WHERE id = $1",
        id,
        answer,
        user.0.id,
        now as _,
        article_id,
    )
    .execute(&mut *tx)
    .await?;
    let link = paths::MY_QUESTIONS;
    sqlx::query!(
        "INSERT INTO notifications (user_id, title, body, link) VALUES ($1, $2, $3, $4)",
        question.asker_id,
        t.mail_subject,
        answer.chars().take(300).collect::<String>(),
        link,
    )
    .execute(&mut *tx)
    .await?;
    let message = Message {
        subject: t.mail_subject.to_string(),
        body: (t.mail_body)(&question.full_name, &question.question, &answer),
    };
    // An account without an address (made at the counter) is told in the
    // portal only.
    if let Some(email) = &question.email {
        outbox::enqueue(&mut tx, email, &message).await?;
    }
    audit::record(
        &mut *tx,
        Some(user.0.id),
        AuditAction::QuestionAnswered,
        json!({ "question": id, "article": proposing.then_some(&code) }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let done = if proposing {
        t.answered_and_proposed
    } else {
        t.answered
    };
    feedback::notice(&session, NoticeTone::Success, done).await;
    Ok(see_other(&back))
}
