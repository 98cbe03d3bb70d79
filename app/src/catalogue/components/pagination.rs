use crate::catalogue::query::{page_count, RawCatalogueParams};
use crate::i18n::use_texts;
use leptos::prelude::*;

/// Previous / next links that keep the current search and filters.
#[component]
pub fn Pagination(
    params: RawCatalogueParams,
    page: i64,
    total: i64,
    page_size: i64,
) -> impl IntoView {
    let t = use_texts();
    let pages = page_count(total, page_size);
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| params.catalogue_href(page - 1));
        let next = (page < pages).then(|| params.catalogue_href(page + 1));
        view! {
            <nav class="pagination" aria-label=t.pagination>
                {previous.map(|href| view! { <a href=href rel="prev">{t.previous_page}</a> })}
                <span class="pagination__status" aria-current="page">
                    {(t.page_of)(page as u32, pages as u32)}
                </span>
                {next.map(|href| view! { <a href=href rel="next">{t.next_page}</a> })}
            </nav>
        }
    })
}
