use crate::catalogue::model::{CatalogueFacets, OnlineLevel};
use crate::catalogue::query::RawCatalogueParams;
use crate::i18n::{use_lang, use_texts, Lang};
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::Form;

/// Sector, agency and online-level filters. A GET form that keeps the search
/// text; "Áp dụng" submits it, so it needs no JavaScript.
#[component]
pub fn CatalogueFilters(facets: CatalogueFacets, params: RawCatalogueParams) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let selected = |current: &Option<String>, value: &str| current.as_deref() == Some(value);
    let sector_options = facets
        .sectors
        .into_iter()
        .map(|sector| {
            let label = match (&sector.name_en, lang) {
                (Some(english), Lang::En) => english.clone(),
                _ => sector.name.clone(),
            };
            let is_selected = selected(&params.sector, &sector.code);
            view! {
                <option value=sector.code selected=is_selected>
                    {format!("{label} ({})", sector.procedure_count)}
                </option>
            }
        })
        .collect_view();
    let agency_options = facets
        .agencies
        .into_iter()
        .map(|agency| {
            let is_selected = selected(&params.agency, &agency.code);
            view! { <option value=agency.code selected=is_selected>{agency.name}</option> }
        })
        .collect_view();
    let level_options = OnlineLevel::ALL
        .into_iter()
        .map(|level| {
            let is_selected = selected(&params.level, level.code());
            view! { <option value=level.code() selected=is_selected>{level.label(t)}</option> }
        })
        .collect_view();

    view! {
        <Form method="GET" action=paths::PROCEDURES>
            <fieldset class="filters">
                <legend class="filters__legend">{t.filter_heading}</legend>
                <input type="hidden" name="q" value=params.q.clone().unwrap_or_default()/>
                <div class="field">
                    <label class="field__label" for="filter-sector">{t.filter_sector}</label>
                    <select id="filter-sector" class="select" name="sector">
                        <option value="">{t.filter_any}</option>
                        {sector_options}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="filter-agency">{t.filter_agency}</label>
                    <select id="filter-agency" class="select" name="agency">
                        <option value="">{t.filter_any}</option>
                        {agency_options}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="filter-level">{t.filter_level}</label>
                    <select id="filter-level" class="select" name="level">
                        <option value="">{t.filter_any}</option>
                        {level_options}
                    </select>
                </div>
                <div class="filters__actions">
                    <button class="button button--secondary" type="submit">{t.apply_filters}</button>
                    <a href=RawCatalogueParams { q: params.q.clone(), ..Default::default() }.catalogue_href(1)>
                        {t.clear_filters}
                    </a>
                </div>
            </fieldset>
        </Form>
    }
}
