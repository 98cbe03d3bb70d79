use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::Form;

/// The catalogue search box. A plain GET form, so it works without JavaScript;
/// with JavaScript the router handles it without a full reload.
#[component]
pub fn SearchForm(
    /// What the user searched for last, shown back as typed.
    #[prop(into, optional)]
    value: String,
    /// Visually larger, for the home page.
    #[prop(optional)]
    prominent: bool,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <Form method="GET" action=paths::PROCEDURES>
            <div class="search-form" class:search-form--prominent=prominent role="search">
                <label class="search-form__label" for="catalogue-search">{t.search_label}</label>
                <div class="search-form__row">
                    <input
                        id="catalogue-search"
                        class="input search-form__input"
                        type="search"
                        name="q"
                        value=value
                        placeholder=t.search_placeholder
                        maxlength="200"
                        autocomplete="off"
                    />
                    <button class="button" type="submit">{t.search_button}</button>
                </div>
            </div>
        </Form>
    }
}
