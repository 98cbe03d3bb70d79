use crate::catalogue::query::{page_count, RawCatalogueParams};
use crate::layout::PageLinks;
use leptos::prelude::*;

/// Previous / next links that keep the current search and filters.
#[component]
pub fn Pagination(
    params: RawCatalogueParams,
    page: i64,
    total: i64,
    page_size: i64,
) -> impl IntoView {
    let pages = page_count(total, page_size);
    view! { <PageLinks page pages href=move |page| params.catalogue_href(page)/> }
}
