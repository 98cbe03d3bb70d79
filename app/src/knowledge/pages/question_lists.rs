//! `/tai-khoan/cau-hoi` (the citizen's questions and their answers) and
//! `/can-bo/cau-hoi` (the questions an official's agencies must answer,
//! the earliest due first, the overdue marked).

use super::day;
use crate::i18n::use_texts;
use crate::knowledge::questions::server_fns::{load_my_questions, load_question_queue};
use crate::knowledge::questions::{QuestionList, QuestionRow};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn MyQuestionsPage() -> impl IntoView {
    let t = &use_texts().questions;
    let data = Resource::new(|| (), |_| load_my_questions());
    view! {
        <PageLoader resource=data title=t.mine_title render={move |list: QuestionList, _session| view! {
            <PageTitle title=t.mine_title lead=t.mine_lead/>
            <p><a href=paths::ASK_AGENCY class="button button--secondary">{use_texts().questions.ask_title}</a></p>
            <section class="section" aria-labelledby="questions-open">
                <h2 id="questions-open">{t.open_heading}</h2>
                {if list.open.is_empty() {
                    view! { <p>{t.nothing_open}</p> }.into_any()
                } else {
                    view! { <ul class="question-list">{list.open.into_iter().map(|row| view! { <MyQuestion row/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section class="section" aria-labelledby="questions-answered">
                <h2 id="questions-answered">{t.answered_heading}</h2>
                {if list.answered.is_empty() {
                    view! { <p>{t.nothing_answered}</p> }.into_any()
                } else {
                    view! { <ul class="question-list">{list.answered.into_iter().map(|row| view! { <MyQuestion row/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        }}/>
    }
}

#[component]
fn MyQuestion(row: QuestionRow) -> impl IntoView {
    let t = &use_texts().questions;
    let status = match row.answered_on {
        Some(on) => (t.answered_by)(&row.agency, &day(on)),
        None => (t.waiting)(&row.agency, &day(row.due_on)),
    };
    view! {
        <li class="question-list__item" id=format!("cau-hoi-{}", row.id)>
            <p class="question-list__question">{row.question}</p>
            <p class="hint">{status}</p>
            {row.answer.map(|answer| view! { <blockquote class="question-list__answer">{answer}</blockquote> })}
        </li>
    }
}

#[component]
pub fn QuestionQueuePage() -> impl IntoView {
    let t = &use_texts().questions;
    let data = Resource::new(|| (), |_| load_question_queue());
    view! {
        <PageLoader resource=data title=t.queue_title render={move |list: QuestionList, _session| view! {
            <PageTitle title=t.queue_title lead=t.queue_lead/>
            <section class="section" aria-labelledby="queue-open">
                <h2 id="queue-open">{t.open_heading}</h2>
                <QueueTable rows=list.open/>
            </section>
            <section class="section" aria-labelledby="queue-answered">
                <h2 id="queue-answered">{t.answered_heading}</h2>
                <QueueTable rows=list.answered/>
            </section>
        }}/>
    }
}

#[component]
fn QueueTable(rows: Vec<QuestionRow>) -> impl IntoView {
    let t = &use_texts().questions;
    view! {
        <DataTable label=t.queue_title class="table--stack-on-phone" columns={Column::list([
            t.column_question, t.column_agency, t.column_asked, t.column_due,
        ])}>
            {rows.into_iter().map(|row| view! {
                <tr>
                    <td><a href=paths::question(row.id)>{row.question.chars().take(160).collect::<String>()}</a></td>
                    <td data-label=t.column_agency>{row.agency}</td>
                    <td data-label=t.column_asked>{day(row.asked_on)}</td>
                    <td data-label=t.column_due>
                        {day(row.due_on)}
                        {row.overdue.then(|| view! { " " <span class="tag tag--red">{t.overdue}</span> })}
                    </td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
}
