//! `/quan-tri/tu-ngu-tim-kiem`: how the catalogue's search reads
//! questions. An editor tries a question (`?thu=`, a plain GET form) and
//! sees what the portal understands; the everyday phrases and the question
//! words are listed, each with its remove button, with the forms adding
//! one below (plain posts, no JavaScript needed).

use crate::administration::search_words::server_fns::load_search_words;
use crate::administration::search_words::SearchWords;
use crate::forms::{ErrorSummary, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The form adding a phrase.
pub const NEW_SYNONYM_FORM: &str = "synonym_new";
/// The form adding a question word.
pub const NEW_FILLER_FORM: &str = "filler_new";

#[component]
pub fn SearchWordsPage() -> impl IntoView {
    let t = &use_texts().search_words;
    let query = use_query_map();
    let data = Resource::new(move || query.get().get("thu"), load_search_words);
    view! {
        <PageLoader resource=data title=t.title render={move |view: SearchWords, session| {
            let synonym = session.feedback.form_for(NEW_SYNONYM_FORM);
            let filler = session.feedback.form_for(NEW_FILLER_FORM);
            view! {
                <PageTitle title=t.title lead=t.lead/>
                <Trial tried=view.tried.clone()/>
                <Lists view=view.clone()/>
                {if view.may_edit {
                    view! { <AddForms synonym filler/> }.into_any()
                } else {
                    view! { <p class="hint">{t.read_only}</p> }.into_any()
                }}
            }
        }}/>
    }
}

/// "Thử một câu hỏi" and, once tried, how the portal reads it.
#[component]
fn Trial(tried: Option<(String, String)>) -> impl IntoView {
    let t = &use_texts().search_words;
    let typed = tried
        .as_ref()
        .map(|(question, _)| question.clone())
        .unwrap_or_default();
    view! {
        <section class="section" aria-labelledby="try-heading">
            <h2 id="try-heading">{t.try_heading}</h2>
            <form method="get" action=paths::SEARCH_WORDS_ADMIN>
                <div class="form-group">
                    <label class="label" for="search-words-try">{t.try_label}</label>
                    <p class="hint" id="search-words-try-hint">{t.try_hint}</p>
                    <input class="input" id="search-words-try" name="thu" type="search" value=typed
                        aria-describedby="search-words-try-hint"/>
                </div>
                <button type="submit" class="button button--secondary">{t.try_button}</button>
            </form>
            {tried.map(|(question, read)| {
                let results = format!(
                    "{}?q={}",
                    paths::PROCEDURES,
                    form_urlencoded::byte_serialize(question.as_bytes()).collect::<String>()
                );
                let reading = if read.is_empty() {
                    t.reads_as_nothing.to_string()
                } else {
                    (t.reads_as)(&question, &read)
                };
                view! {
                    <p class="notice notice--info" role="status" id="search-words-reading">{reading}</p>
                    <p><a href=results>{t.see_results}</a></p>
                }
            })}
        </section>
    }
}

/// The phrases and the question words, with remove buttons for editors.
#[component]
fn Lists(view: SearchWords) -> impl IntoView {
    let t = &use_texts().search_words;
    let may_edit = view.may_edit;
    view! {
        <section class="section" aria-labelledby="synonyms-heading">
            <h2 id="synonyms-heading">{t.synonyms_heading}</h2>
            <form method="post" action=paths::SEARCH_WORDS_ADMIN>
                <DataTable label=t.synonyms_heading class="table--stack-on-phone" columns={Column::list([
                    t.column_phrase, t.column_means, "",
                ])}>
                    {view.synonyms.iter().map(|row| view! {
                        <tr>
                            <td>{row.typed.clone()}</td>
                            <td data-label=t.column_means>{row.means.clone()}</td>
                            <td>
                                {may_edit.then(|| view! {
                                    <button type="submit" class="button button--secondary button--small" name="remove_synonym"
                                        value=row.phrase.clone() aria-label=(t.remove_synonym)(&row.typed)>"✕"</button>
                                })}
                            </td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            </form>
        </section>
        <section class="section" aria-labelledby="fillers-heading">
            <h2 id="fillers-heading">{t.fillers_heading}</h2>
            <p class="hint">{t.fillers_lead}</p>
            <form method="post" action=paths::SEARCH_WORDS_ADMIN>
                <ul class="word-list">
                    {view.fillers.iter().map(|word| view! {
                        <li>
                            {word.clone()}
                            {may_edit.then(|| view! {
                                " "
                                <button type="submit" class="button button--secondary button--small" name="remove_filler"
                                    value=word.clone() aria-label=(t.remove_filler)(word)>"✕"</button>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            </form>
        </section>
    }
}

/// Adding a phrase, and a question word.
#[component]
fn AddForms(synonym: FormFeedback, filler: FormFeedback) -> impl IntoView {
    let t = &use_texts().search_words;
    view! {
        <section class="section" aria-labelledby="new-synonym-heading">
            <h2 id="new-synonym-heading">{t.add_synonym_heading}</h2>
            <ErrorSummary form=synonym.clone()/>
            <form method="post" action=paths::SEARCH_WORDS_ADMIN novalidate="">
                <input type="hidden" name="action" value="add_synonym"/>
                <TextField name="phrase" label=t.phrase hint=t.phrase_hint feedback=synonym.clone() required=true/>
                <TextField name="means" label=t.means hint=t.means_hint feedback=synonym.clone() required=true/>
                <button type="submit" class="button">{t.add_synonym}</button>
            </form>
            <ErrorSummary form=filler.clone()/>
            <form method="post" action=paths::SEARCH_WORDS_ADMIN novalidate="">
                <input type="hidden" name="action" value="add_filler"/>
                <TextField name="word" label=t.filler feedback=filler.clone() required=true/>
                <button type="submit" class="button button--secondary">{t.add_filler}</button>
            </form>
        </section>
    }
}
