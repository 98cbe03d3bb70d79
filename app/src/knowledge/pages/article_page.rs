//! `/hoi-dap/{code}`: one question and its answer, who answers for it,
//! when it was last checked ("cập nhật ngày …"), the procedures it
//! concerns and the law it rests on.

use super::day;
use crate::i18n::use_texts;
use crate::knowledge::server_fns::load_article;
use crate::knowledge::{ArticleView, Audience};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let t = &use_texts().knowledge;
    let params = use_params_map();
    let data = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_article,
    );
    view! {
        <PageLoader resource=data title=t.title render={move |article: ArticleView, _session| {
            let internal = article.audience == Audience::Officials;
            view! {
                <p><a href=paths::ARTICLES>{t.back_to_list}</a></p>
                <PageTitle title=article.question.clone()/>
                {internal.then(|| view! { <p><span class="tag">{t.internal_badge}</span></p> })}
                {article.expired.then(|| view! { <p class="notice notice--warning" role="note">{t.expired}</p> })}
                <div class="article-answer" inner_html=article.answer_html.clone()></div>
                <dl class="summary-list article-facts">
                    <div class="summary-list__row">
                        <dt>{t.agency}</dt>
                        <dd>{article.agency.clone()}</dd>
                    </div>
                    {article.sector.clone().map(|sector| view! {
                        <div class="summary-list__row"><dt>{t.sector}</dt><dd>{sector}</dd></div>
                    })}
                </dl>
                <p class="article-updated" id="article-updated">
                    {(t.updated_on)(&day(article.updated_on))}
                    {article.valid_until.map(|until| format!(" · {}", (t.valid_until)(&day(until))))}
                </p>
                {(!article.procedures.is_empty()).then(|| view! {
                    <section class="section" aria-labelledby="article-procedures">
                        <h2 id="article-procedures">{t.related_procedures}</h2>
                        <ul>
                            {article.procedures.iter().map(|procedure| view! {
                                <li><a href=paths::procedure(&procedure.code)>{procedure.name.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {(!article.legal_references.is_empty()).then(|| view! {
                    <section class="section" aria-labelledby="article-references">
                        <h2 id="article-references">{t.legal_references}</h2>
                        <ul>
                            {article.legal_references.iter().map(|reference| view! { <li>{reference.clone()}</li> }).collect_view()}
                        </ul>
                    </section>
                })}
            }
        }}/>
    }
}
