//! `/quan-tri/hoi-dap`: the articles an editor keeps, with their state,
//! and the form starting a new one (a code, the question and the answering
//! agency; the rest is written in the editor).

use crate::forms::{ErrorSummary, TextField};
use crate::i18n::use_texts;
use crate::knowledge::server_fns::load_articles_admin;
use crate::knowledge::{ArticleStatus, ArticlesAdmin};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The form creating an article.
pub const NEW_ARTICLE_FORM: &str = "article_new";

#[component]
pub fn ArticlesAdminPage() -> impl IntoView {
    let t = &use_texts().knowledge;
    let data = Resource::new(|| (), |_| load_articles_admin());
    view! {
        <PageLoader resource=data title=t.admin_title render={move |view: ArticlesAdmin, session| {
            let new_article = session.feedback.form_for(NEW_ARTICLE_FORM);
            let owner = new_article.value("agency");
            view! {
                <PageTitle title=t.admin_title lead=t.admin_lead/>
                <section class="section" aria-labelledby="new-article-heading">
                    <h2 id="new-article-heading">{t.new_heading}</h2>
                    <ErrorSummary form=new_article.clone()/>
                    <form method="post" action=paths::ARTICLES_ADMIN novalidate="">
                        <TextField name="code" label=t.code hint=t.code_hint feedback=new_article.clone() required=true/>
                        <TextField name="question" label=t.question hint=t.question_hint feedback=new_article.clone() required=true/>
                        <div class="form-group">
                            <label class="label" for="article-new-agency">{t.owner}</label>
                            <select class="select" id="article-new-agency" name="agency">
                                {view.agencies.iter().map(|agency| {
                                    let label = if agency.code.is_empty() { t.province_owner.to_string() } else { agency.name.clone() };
                                    view! { <option value=agency.code.clone() selected=agency.code == owner>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button">{t.create}</button>
                    </form>
                </section>
                <DataTable label=t.admin_title class="table--stack-on-phone" columns={Column::list([
                    t.column_question, t.column_status, t.column_agency, t.column_audience, t.column_changed,
                ])}>
                    {view.rows.iter().map(|row| {
                        let pending = row.has_draft && row.status == ArticleStatus::Published;
                        view! {
                            <tr>
                                <td><a href=paths::article_admin(&row.code)>{row.question.clone()}</a></td>
                                <td data-label=t.column_status>
                                    {(t.status)(row.status)}
                                    {pending.then(|| format!(" ({})", t.draft_pending))}
                                </td>
                                <td data-label=t.column_agency>{row.agency.clone().unwrap_or_else(|| t.province_owner.to_string())}</td>
                                <td data-label=t.column_audience>{(t.audience)(row.audience)}</td>
                                <td data-label=t.column_changed>
                                    {crate::deadlines::vietnam_local(row.changed_at).format("%d/%m/%Y %H:%M").to_string()}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
                <section class="section" aria-labelledby="assistant-gaps-heading">
                    <h2 id="assistant-gaps-heading">{t.gaps_heading}</h2>
                    <p class="hint">{t.gaps_lead}</p>
                    {if view.gaps.is_empty() {
                        view! { <p>{t.no_gaps}</p> }.into_any()
                    } else {
                        view! {
                            <DataTable label=t.gaps_heading class="table--stack-on-phone" columns={Column::list([
                                t.column_question, t.column_gap, t.column_changed,
                            ])}>
                                {view.gaps.iter().map(|gap| view! {
                                    <tr>
                                        <td>{gap.question.clone()}</td>
                                        <td data-label=t.column_gap>{if gap.unanswered { t.gap_unanswered } else { t.gap_unhelpful }}</td>
                                        <td data-label=t.column_changed>
                                            {crate::deadlines::vietnam_local(gap.asked_at).format("%d/%m/%Y %H:%M").to_string()}
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </DataTable>
                        }.into_any()
                    }}
                </section>
            }
        }}/>
    }
}
