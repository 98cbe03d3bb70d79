//! `/hoi-dap`: the published questions and answers, searched as people
//! ask (`?q=`) and filtered by sector (`?linh-vuc=`), with a way on to the
//! assistant. A plain GET form: it works without JavaScript.

use super::day;
use crate::i18n::use_texts;
use crate::knowledge::server_fns::load_articles;
use crate::knowledge::{ArticleList, Audience};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ArticlesPage() -> impl IntoView {
    let t = &use_texts().knowledge;
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let query = query.get();
            (query.get("q"), query.get("linh-vuc"))
        },
        |(text, sector)| load_articles(text, sector),
    );
    view! {
        <PageLoader resource=data title=t.title render={move |list: ArticleList, _session| view! {
            <PageTitle title=t.title lead=t.lead/>
            <SearchForm list=list.clone()/>
            <p><a href=paths::ASSISTANT class="button button--secondary">{t.ask_assistant}</a></p>
            <Results list/>
        }}/>
    }
}

#[component]
fn SearchForm(list: ArticleList) -> impl IntoView {
    let t = &use_texts().knowledge;
    let typed = list.query.clone().unwrap_or_default();
    let chosen = list.sector.clone().unwrap_or_default();
    view! {
        <form method="get" action=paths::ARTICLES class="search-form" role="search">
            <div class="form-group">
                <label class="label" for="articles-q">{t.search_label}</label>
                <p class="hint" id="articles-q-hint">{t.search_hint}</p>
                <input class="input" id="articles-q" name="q" type="search" value=typed
                    aria-describedby="articles-q-hint"/>
            </div>
            <div class="form-group">
                <label class="label" for="articles-sector">{t.sector_label}</label>
                <select class="select" id="articles-sector" name="linh-vuc">
                    <option value="">{t.all_sectors}</option>
                    {list.sectors.iter().map(|sector| view! {
                        <option value=sector.code.clone() selected=sector.code == chosen>{sector.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t.search_button}</button>
        </form>
    }
}

#[component]
fn Results(list: ArticleList) -> impl IntoView {
    let t = &use_texts().knowledge;
    let count = list
        .query
        .as_ref()
        .map(|query| (t.found)(list.items.len(), query));
    if list.items.is_empty() {
        return view! {
            <p class="notice notice--info" role="status" id="articles-result">{t.nothing_found}</p>
        }
        .into_any();
    }
    view! {
        {count.map(|text| view! { <p role="status" id="articles-result">{text}</p> })}
        <ul class="article-list">
            {list.items.into_iter().map(|item| view! {
                <li class="article-list__item">
                    <a href=paths::article(&item.code) class="article-list__question">{item.question}</a>
                    {(item.audience == Audience::Officials).then(|| view! { " " <span class="tag">{t.internal_badge}</span> })}
                    <p class="article-list__meta">
                        {item.sector.map(|sector| format!("{sector} · "))}
                        {(t.updated_on)(&day(item.updated_on))}
                    </p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
