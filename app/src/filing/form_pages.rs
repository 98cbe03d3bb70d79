//! The parts of a paged form's filing page (`paged: true`): where the
//! citizen is on the route, the answers of the other pages carried along
//! (so the page's own rules read them, in the browser too; the server
//! keeps only the posted page's answers), the buttons between pages, and
//! the exit page when the answers end there.

use super::FilingView;
use crate::eforms::pages::asked_on;
use crate::eforms::{Answers, FieldKind};
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

/// The hidden input naming the question page a post comes from.
pub const PAGE_FIELD: &str = "page";

/// "Bước 2 trên 4" above a question page's title.
#[component]
pub fn PageProgress(filing: FilingView) -> impl IntoView {
    let f = &use_texts().filing;
    let position = filing
        .page
        .and_then(|page| filing.route.iter().position(|&index| index == page));
    let step = position.map_or(filing.route.len() + 1, |position| position + 1);
    view! { <p class="caption">{(f.page_step)(step, filing.route.len() + 1)}</p> }
}

/// Hidden inputs with the answers not asked on this page, and on a
/// question page the office chosen.
#[component]
pub fn CarriedAnswers(filing: FilingView) -> impl IntoView {
    let asked_here = |key: &str| asked_on(&filing.form, filing.page, key);
    let carried: Answers = filing
        .answers
        .iter()
        .filter(|(key, _)| !asked_here(key))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    // A question page has no office to choose: the one chosen comes along,
    // so saving the page does not unchoose it.
    let office = filing
        .page
        .and(filing.agency_code.clone())
        .map(|code| view! { <input type="hidden" name="agency" value=code/> });
    view! {
        {office}
        {carried
            .into_iter()
            .map(|(key, value)| view! { <input type="hidden" name=key value=value/> })
            .collect_view()}
    }
}

/// A question page's buttons: on to the next page, back, save.
#[component]
pub fn PageButtons(filing: FilingView) -> impl IntoView {
    let f = &use_texts().filing;
    let previous = previous_page(&filing).map(|index| filing.page_path(index));
    let key = filing
        .page
        .map(|page| filing.form.sections[page].key(page))
        .unwrap_or_default();
    view! {
        <input type="hidden" name=PAGE_FIELD value=key/>
        <div class="filing-actions" id=super::page::ACTIONS_ANCHOR tabindex="-1">
            <div class="button-group">
                <button type="submit" class="button" name="action" value="next">{f.next_page}</button>
                <button type="submit" class="button button--secondary" name="action" value="save">{f.save_draft}</button>
            </div>
            {previous.map(|href| view! { <p><a href=href class="back-link">{f.previous_page}</a></p> })}
        </div>
    }
}

/// The page before this one on the route: a question page, or none.
pub fn previous_page(filing: &FilingView) -> Option<Option<usize>> {
    match filing.page {
        Some(page) => {
            let position = filing.route.iter().position(|&index| index == page)?;
            position
                .checked_sub(1)
                .map(|before| Some(filing.route[before]))
        }
        None => filing.route.last().map(|&last| Some(last)),
    }
}

/// The exit page the answers lead to: its title and statements, in place
/// of the means to send the dossier.
#[component]
pub fn ExitNotice(filing: FilingView, exit: usize) -> impl IntoView {
    let lang = use_lang();
    let section = &filing.form.sections[exit];
    let statements = section
        .fields
        .iter()
        .filter_map(|field| match &field.kind {
            FieldKind::Statement { text } => Some(text.get(lang).to_string()),
            FieldKind::Heading => Some(field.label.get(lang).to_string()),
            _ => None,
        })
        .map(|text| view! { <p>{text}</p> })
        .collect_view();
    view! {
        <section class="notice notice--warning" role="status" aria-labelledby="filing-exit-heading">
            <h2 id="filing-exit-heading">{section.title.get(lang).to_string()}</h2>
            {statements}
        </section>
    }
}
