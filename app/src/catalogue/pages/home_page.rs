use crate::catalogue::components::{ProcedureList, SearchForm};
use crate::catalogue::query::{CatalogueQuery, RawCatalogueParams};
use crate::catalogue::server_fns::{load_catalogue_facets, search_procedures};
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageError, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::components::A;

/// How many popular procedures the home page lists.
const POPULAR_COUNT: i64 = 8;

/// `/`: the search box, popular procedures and the sectors.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let popular = Resource::new(
        || (),
        |_| search_procedures(CatalogueQuery::popular(POPULAR_COUNT)),
    );
    let facets = Resource::new(|| (), |_| load_catalogue_facets());

    view! {
        <Meta name="description" content=t.home_lead/>
        <section class="hero">
            <PageTitle title=t.home_title lead=t.home_lead document_title=t.site_name/>
            <SearchForm prominent=true/>
        </section>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                match popular.await {
                    Ok(page) => view! {
                        <section class="section" aria-labelledby="popular-heading">
                            <h2 id="popular-heading">{t.popular_procedures}</h2>
                            <ProcedureList items=page.items/>
                            <p><A href=paths::PROCEDURES>{t.browse_all}</A></p>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
            {move || Suspend::new(async move {
                facets.await.ok().map(|facets| view! {
                    <section class="section" aria-labelledby="sectors-heading">
                        <h2 id="sectors-heading">{t.by_sector}</h2>
                        <ul class="sector-grid">
                            {{
                                // In the page's language, in Vietnamese alphabetical order.
                                let mut sectors: Vec<_> = facets.sectors.into_iter().map(|sector| {
                                    (lang.name(sector.name, sector.name_en), sector.code, sector.procedure_count)
                                }).collect();
                                crate::collation::sort_vietnamese(&mut sectors, |(name, _, _)| name);
                                sectors
                            }.into_iter().map(|(name, code, procedure_count)| {
                                let href = RawCatalogueParams {
                                    sector: Some(code),
                                    ..Default::default()
                                }.catalogue_href(1);
                                view! {
                                    <li>
                                        <A href=href>{name}</A>
                                        <span class="count">{procedure_count}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}
