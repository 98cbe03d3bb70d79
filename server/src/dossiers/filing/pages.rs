//! A paged form's question pages (`paged: true`): "Tiếp tục" checks the
//! page's own answers and goes on to the next page the answers lead to
//! (its routes skip pages, an exit page ends the form), or to the filing's
//! own part after the last; "Lưu nháp" comes back to the page. The server
//! works the route out from all the draft's answers, with or without
//! JavaScript.

use super::super::drafts::Filing;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::see_other;
use crate::state::AppState;
use app::eforms::{validate, Answers, ValidationContext};
use app::filing::eform_fields::FORM_NAME;
use app::forms::{FieldError, FormFeedback, NoticeTone};
use app::i18n::Lang;
use chrono::NaiveDate;
use tower_sessions::Session;

pub(super) async fn after_question_page(
    state: &AppState,
    session: &Session,
    lang: Lang,
    filing: &Filing,
    page: usize,
    action: &str,
    answers: &Answers,
) -> HandlerResult {
    let here = filing.page_path(Some(page));
    if action != "next" {
        feedback::notice(
            session,
            NoticeTone::Success,
            lang.texts().filing.draft_saved,
        )
        .await;
        return Ok(see_other(&here));
    }
    let today = state.clock.today_in_vietnam();
    let places = app::filing::store::place_book(&state.pool, answers).await?;
    let context = ValidationContext {
        lang,
        today,
        places: Some(&places),
    };
    let problems: Vec<FieldError> = validate(&filing.form, answers, context)
        .err()
        .unwrap_or_default()
        .into_iter()
        .filter(|problem| filing.form.page_of(&problem.field) == Some(page))
        .collect();
    if !problems.is_empty() {
        let mut refused = FormFeedback::new(FORM_NAME);
        refused.errors = problems;
        feedback::form(session, refused).await;
        return Ok(see_other(&here));
    }
    let route = filing.form.question_route(answers, today);
    let next = route
        .iter()
        .skip_while(|&&index| index != page)
        .nth(1)
        .copied();
    Ok(see_other(&filing.page_path(next)))
}

/// The first question page on the route with one of `problems`, if any.
pub(super) fn first_page_with(
    filing: &Filing,
    problems: &[FieldError],
    answers: &Answers,
    today: NaiveDate,
) -> Option<usize> {
    if !filing.form.paged {
        return None;
    }
    filing
        .form
        .question_route(answers, today)
        .into_iter()
        .find(|&page| {
            problems
                .iter()
                .any(|problem| filing.form.page_of(&problem.field) == Some(page))
        })
}
