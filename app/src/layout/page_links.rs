use crate::i18n::use_texts;
use leptos::prelude::*;

/// "Trang trước · Trang k / n · Trang sau" under a paged list, as plain
/// links (`href` gives a page's address), so paging works without
/// JavaScript. Nothing when everything fits on one page.
#[component]
pub fn PageLinks(page: i64, pages: i64, href: impl Fn(i64) -> String + 'static) -> impl IntoView {
    let t = use_texts();
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| href(page - 1));
        let next = (page < pages).then(|| href(page + 1));
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
