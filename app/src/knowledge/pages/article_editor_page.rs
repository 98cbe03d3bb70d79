//! `/quan-tri/hoi-dap/{code}`: one article's editor — the draft's fields,
//! a preview as citizens will read it, review and publishing (by someone
//! other than the draft's author), archiving, and every change made.
//! Each button posts to the same address with its `action`.

use super::day;
use super::editor_fields::EditorFields;
use crate::forms::{ErrorSummary, FormFeedback};
use crate::i18n::use_texts;
use crate::knowledge::server_fns::load_article_editor;
use crate::knowledge::{ArticleEditor, ArticleStatus};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The edit form.
pub const ARTICLE_EDIT_FORM: &str = "article_edit";
/// Review, publishing, returning and archiving.
pub const ARTICLE_REVIEW_FORM: &str = "article_review";

#[component]
pub fn ArticleEditorPage() -> impl IntoView {
    let t = &use_texts().knowledge;
    let params = use_params_map();
    let data = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_article_editor,
    );
    view! {
        <PageLoader resource=data title=t.admin_title render={move |editor: ArticleEditor, session| {
            let edit = session.feedback.form_for(ARTICLE_EDIT_FORM);
            let review = session.feedback.form_for(ARTICLE_REVIEW_FORM);
            let action = paths::article_admin(&editor.code);
            let title = if editor.content.question.is_empty() { editor.code.clone() } else { editor.content.question.clone() };
            view! {
                <p><a href=paths::ARTICLES_ADMIN>{t.admin_title}</a></p>
                <PageTitle title=title/>
                <State editor=editor.clone()/>
                <section class="section" aria-labelledby="article-edit-heading">
                    <h2 id="article-edit-heading">{t.edit_heading}</h2>
                    <ErrorSummary form=edit.clone()/>
                    <form method="post" action=action.clone() novalidate="">
                        <input type="hidden" name="action" value="save"/>
                        <EditorFields editor=editor.clone() feedback=edit/>
                        <button type="submit" class="button">{t.save}</button>
                    </form>
                </section>
                <section class="section" aria-labelledby="article-preview-heading">
                    <h2 id="article-preview-heading">{t.preview_heading}</h2>
                    <div class="article-answer article-answer--preview" inner_html=editor.preview_html.clone()></div>
                </section>
                <Review editor=editor.clone() feedback=review action=action/>
                <History editor/>
            }
        }}/>
    }
}

/// Where the article stands, and its public page once published.
#[component]
fn State(editor: ArticleEditor) -> impl IntoView {
    let t = &use_texts().knowledge;
    let pending = editor.has_draft && editor.status == ArticleStatus::Published;
    view! {
        <p id="article-state">
            <span class="tag">{(t.status)(editor.status)}</span>
            {pending.then(|| format!(" ({})", t.draft_pending))}
        </p>
        {editor.published_version.zip(editor.published_on).map(|(number, on)| view! {
            <p>
                {(t.live)(number, &day(on))} " "
                {(editor.status != ArticleStatus::Archived).then(|| view! {
                    <a href=paths::article(&editor.code)>{t.view_public}</a>
                })}
            </p>
        })}
        {editor.review_requested_by.clone().map(|name| view! { <p class="notice notice--info">{(t.in_review_by)(&name)}</p> })}
    }
}

#[component]
fn Review(editor: ArticleEditor, feedback: FormFeedback, action: String) -> impl IntoView {
    let t = &use_texts().knowledge;
    let archived = editor.status == ArticleStatus::Archived;
    let in_review = editor.status == ArticleStatus::InReview;
    view! {
        <section class="section" aria-labelledby="article-review-heading">
            <h2 id="article-review-heading">{t.review_heading}</h2>
            <ErrorSummary form=feedback.clone()/>
            {feedback.message_for("publish").map(|message| view! {
                <p class="error-message" id="article-review-publish">{message}</p>
            })}
            {(editor.own_draft && !archived).then(|| view! { <p class="hint">{t.own_draft}</p> })}
            {(editor.has_draft && !archived).then(|| view! {
                <form method="post" action=action.clone() class="inline-form">
                    {(!in_review && editor.own_draft).then(|| view! {
                        <button type="submit" class="button button--secondary" name="action" value="request_review">
                            {t.request_review}
                        </button> " "
                    })}
                    {(!editor.own_draft).then(|| view! {
                        <button type="submit" class="button" name="action" value="publish" id="article-publish">{t.publish}</button>
                    })}
                </form>
            })}
            {(in_review && !editor.own_draft).then(|| view! {
                <form method="post" action=action.clone()>
                    <div class="form-group">
                        <label class="label" for="article-review-note">{t.return_note}</label>
                        <textarea class="textarea" id="article-review-note" name="note" rows="2"></textarea>
                    </div>
                    <button type="submit" class="button button--secondary" name="action" value="return">{t.return_draft}</button>
                </form>
            })}
            <form method="post" action=action>
                {if archived {
                    view! { <button type="submit" class="button button--secondary" name="action" value="restore">{t.restore}</button> }.into_any()
                } else {
                    (editor.status == ArticleStatus::Published || editor.published_version.is_some()).then(|| view! {
                        <button type="submit" class="button button--warning" name="action" value="archive">{t.archive}</button>
                    }).into_any()
                }}
            </form>
        </section>
    }
}

#[component]
fn History(editor: ArticleEditor) -> impl IntoView {
    let t = &use_texts().knowledge;
    view! {
        <section class="section" aria-labelledby="article-history-heading">
            <h2 id="article-history-heading">{t.history_heading}</h2>
            <DataTable label=t.history_heading class="table--stack-on-phone" columns={Column::list([
                t.column_change, t.column_by, t.column_at, t.column_note,
            ])}>
                {editor.history.into_iter().map(|entry| view! {
                    <tr>
                        <td>{(t.change)(entry.kind)}</td>
                        <td data-label=t.column_by>{entry.by.unwrap_or_else(|| t.seeded.to_string())}</td>
                        <td data-label=t.column_at>
                            {crate::deadlines::vietnam_local(entry.at).format("%d/%m/%Y %H:%M:%S").to_string()}
                        </td>
                        <td data-label=t.column_note>{entry.note.unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}
            </DataTable>
        </section>
    }
}
