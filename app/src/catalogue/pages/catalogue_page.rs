use crate::catalogue::components::{CatalogueFilters, Pagination, ProcedureList, SearchForm};
use crate::catalogue::query::{CatalogueQuery, RawCatalogueParams};
use crate::catalogue::server_fns::{load_catalogue_facets, search_procedures};
use crate::i18n::{use_texts, Texts};
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

    view! {
        <Meta name="description" content=t.catalogue_description/>
        <h1>{t.catalogue_title}</h1>
        <SearchForm value=params.get_untracked().q.unwrap_or_default()/>
        // On a phone: the count, then the filters folded away, then the
        // results, so the first result is near the top. From 48rem the
        // filters stand open beside the results.
        <div class="catalogue">
            <div class="catalogue__count">
                <Suspense>
                    {move || Suspend::new(async move {
                        results.await.ok().filter(|page| !page.items.is_empty()).map(|page| view! {
                            <p class="results-count" role="status">{(t.results_count)(page.total)}</p>
                        })
                    })}
                </Suspense>
            </div>
            <aside class="catalogue__filters">
                <Suspense>
                    {move || Suspend::new(async move {
                        let current = params.get();
                        let filtered = current.sector.is_some() || current.agency.is_some() || current.level.is_some();
                        facets.await.ok().map(|facets| view! {
                            <details class="filters-disclosure" open=filtered>
                                <summary class="filters-disclosure__summary">{t.filter_heading}</summary>
                                <CatalogueFilters facets params=current/>
                            </details>
                        })
                    })}
                </Suspense>
            </aside>
            <div class="catalogue__results">
                <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                    {move || Suspend::new(async move {
                        // Everything reactive is read before the await; the title is a
                        // plain string rendered with the results (a reactive closure in
                        // <Title> is read by the server after the page's reactive values
                        // are gone, and failed under concurrent load).
                        let current = params.get();
                        let query = CatalogueQuery::from_page_params(&current);
                        let title = page_title(t, current.q.as_deref());
                        let outcome = results.await;
                        let title = view! { <Title text=title/> };
                        let body = match outcome {
                            Ok(page) if page.items.is_empty() => view! {
                                <div class="notice" role="status">
                                    <p class="notice__title">{t.no_results}</p>
                                    <p>{t.no_results_hint}</p>
                                </div>
                            }.into_any(),
                            Ok(page) => view! {
                                <ProcedureList items=page.items/>
                                <Pagination
                                    params=current
                                    page=query.page()
                                    total=page.total
                                    page_size=query.limit
                                />
                            }.into_any(),
                            Err(error) => view! { <PageError error/> }.into_any(),
                        };
                        view! { {title} {body} }
                    })}
                </Suspense>
            </div>
        </div>
    }
}

fn page_title(t: &Texts, q: Option<&str>) -> String {
    let heading = match q.map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => (t.results_for)(q),
        None => t.catalogue_title.to_string(),
    };
    format!("{heading} | {}", t.site_name)
}

fn params_from(map: &ParamsMap) -> RawCatalogueParams {
    RawCatalogueParams::from_pairs(
        ["q", "sector", "agency", "level", "page"]
            .into_iter()
            .filter_map(|key| map.get(key).map(|value| (key, value))),
    )
}
