use crate::catalogue::components::{CatalogueFilters, Pagination, ProcedureList, SearchForm};
use crate::catalogue::query::{CatalogueQuery, RawCatalogueParams};
use crate::catalogue::server_fns::{load_catalogue_facets, search_procedures};
use crate::i18n::use_texts;
use crate::layout::PageError;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// `/thu-tuc`: search and filter the catalogue, page by page.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let t = use_texts();
    let query_map = use_query_map();
    let params = Memo::new(move |_| params_from(&query_map.get()));
    let results = Resource::new(
        move || CatalogueQuery::from_page_params(&params.get()),
        search_procedures,
    );
    let facets = Resource::new(|| (), |_| load_catalogue_facets());

    let title = move || {
        let heading = match params.get().q.filter(|q| !q.trim().is_empty()) {
            Some(q) => (t.results_for)(q.trim()),
            None => t.catalogue_title.to_string(),
        };
        format!("{heading} | {}", t.site_name)
    };

    view! {
        <Title text=title/>
        <Meta name="description" content=t.catalogue_description/>
        <h1>{t.catalogue_title}</h1>
        <SearchForm value=params.get_untracked().q.unwrap_or_default()/>
        <div class="catalogue">
            <aside class="catalogue__filters">
                <Suspense>
                    {move || Suspend::new(async move {
                        facets.await.ok().map(|facets| view! {
                            <CatalogueFilters facets params=params.get()/>
                        })
                    })}
                </Suspense>
            </aside>
            <div class="catalogue__results">
                <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                    {move || Suspend::new(async move {
                        let query = CatalogueQuery::from_page_params(&params.get());
                        match results.await {
                            Ok(page) if page.items.is_empty() => view! {
                                <div class="notice" role="status">
                                    <p class="notice__title">{t.no_results}</p>
                                    <p>{t.no_results_hint}</p>
                                </div>
                            }.into_any(),
                            Ok(page) => view! {
                                <p class="results-count" role="status">{(t.results_count)(page.total)}</p>
                                <ProcedureList items=page.items/>
                                <Pagination
                                    params=params.get()
                                    page=query.page()
                                    total=page.total
                                    page_size=query.limit
                                />
                            }.into_any(),
                            Err(error) => view! { <PageError error/> }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </div>
    }
}

fn params_from(map: &ParamsMap) -> RawCatalogueParams {
    RawCatalogueParams::from_pairs(
        ["q", "sector", "agency", "level", "page"]
            .into_iter()
            .filter_map(|key| map.get(key).map(|value| (key, value))),
    )
}
