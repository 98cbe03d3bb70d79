use crate::i18n::{use_lang, use_texts, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Links to the same page in each language. They reload the page
/// (`rel="external"`) because the server remembers the choice in a cookie
/// and renders the whole page in the new language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let current = use_lang();
    let location = use_location();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let href = move || same_page_in(&location.pathname.get(), &location.search.get(), lang);
            let is_current = lang == current;
            view! {
                <li>
                    <a
                        href=href
                        rel="external"
                        hreflang=lang.code()
                        lang=lang.code()
                        aria-current=is_current.then_some("true")
                    >
                        {lang.texts().language_name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switch" aria-label=t.switch_language>
            <ul>{links}</ul>
        </nav>
    }
}

/// `path?search` with `lang` set to `lang` and every other parameter kept.
fn same_page_in(path: &str, search: &str, lang: Lang) -> String {
    let kept = form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .filter(|(key, _)| key != "lang");
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .append_pair("lang", lang.code())
        .finish();
    format!("{path}?{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_other_parameters_and_replaces_lang() {
        assert_eq!(
            same_page_in("/thu-tuc", "?q=khai+sinh&lang=vi&page=2", Lang::En),
            "/thu-tuc?q=khai+sinh&page=2&lang=en"
        );
    }

    #[test]
    fn works_without_a_query() {
        assert_eq!(same_page_in("/", "", Lang::Vi), "/?lang=vi");
    }
}
