//! `/can-bo/cau-hoi/{id}`: an official answers a question and may propose
//! the answer as a Q&A article — the question rewritten without personal
//! details — which a second person then publishes.

use super::day;
use crate::forms::{ErrorSummary, FieldGroup};
use crate::i18n::use_texts;
use crate::knowledge::questions::server_fns::load_question;
use crate::knowledge::questions::QuestionToAnswer;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The answering form.
pub const ANSWER_FORM: &str = "question_answer";

#[component]
pub fn AnswerQuestionPage() -> impl IntoView {
    let t = &use_texts().questions;
    let params = use_params_map();
    let data = Resource::new(
        move || {
            params
                .get()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0)
        },
        load_question,
    );
    view! {
        <PageLoader resource=data title=t.answer_title render={move |question: QuestionToAnswer, session| {
            let feedback = session.feedback.form_for(ANSWER_FORM);
            let row = question.row.clone();
            let action = paths::question(row.id);
            view! {
                <p><a href=paths::QUESTION_QUEUE>{t.queue_title}</a></p>
                <PageTitle title=t.answer_title/>
                <p class="hint">{(t.asked_by)(&question.asker, &day(row.asked_on))}" · "{row.agency.clone()}</p>
                <blockquote class="question-list__question" id="question-text">{row.question.clone()}</blockquote>
                {question.article.clone().map(|code| view! {
                    <p><a href=paths::article_admin(&code)>{t.proposed_article}</a></p>
                })}
                {match row.answer.clone() {
                    Some(answer) => view! {
                        <p class="notice notice--info">{t.already_answered}</p>
                        <blockquote class="question-list__answer">{answer}</blockquote>
                    }.into_any(),
                    None => {
                        let typed = |name: &str, stored: String| if feedback.values.contains_key(name) { feedback.value(name) } else { stored };
                        let answer = typed("answer", String::new());
                        let code = typed("article_code", question.suggested_code.clone());
                        let article_question = typed("article_question", String::new());
                        view! {
                            <ErrorSummary form=feedback.clone()/>
                            <form method="post" action=action novalidate="">
                                <FieldGroup name="answer" label=t.answer hint=t.answer_hint feedback=feedback.clone()>
                                    <textarea class="textarea" id="question-answer-answer" name="answer" rows="8"
                                        aria-describedby="question-answer-answer-hint">{answer}</textarea>
                                </FieldGroup>
                                <fieldset class="fieldset">
                                    <legend class="label">{t.propose}</legend>
                                    <p class="hint">{t.propose_hint}</p>
                                    <FieldGroup name="article_question" label=t.article_question
                                        hint=t.article_question_hint feedback=feedback.clone()>
                                        <input class="input" type="text" id="question-answer-article-question" name="article_question"
                                            value=article_question aria-describedby="question-answer-article-question-hint"/>
                                    </FieldGroup>
                                    <FieldGroup name="article_code" label=t.article_code feedback=feedback.clone()>
                                        <input class="input" type="text" id="question-answer-article-code" name="article_code" value=code/>
                                    </FieldGroup>
                                </fieldset>
                                <button type="submit" class="button">{t.send_answer}</button>
                            </form>
                        }.into_any()
                    }
                }}
            }
        }}/>
    }
}
