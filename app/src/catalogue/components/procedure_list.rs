use super::LevelBadge;
use crate::catalogue::model::ProcedureSummary;
use crate::i18n::{use_lang, use_texts, Lang};
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// Search results or a short list of procedures, each linking to its page.
#[component]
pub fn ProcedureList(items: Vec<ProcedureSummary>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <ul class="procedure-list">
            {items
                .into_iter()
                .map(|procedure| {
                    let english = procedure.name_en.filter(|_| lang == Lang::En);
                    view! {
                        <li class="procedure-card">
                            <h3 class="procedure-card__title">
                                <A href=paths::procedure(&procedure.code)>{procedure.name}</A>
                            </h3>
                            {english.map(|name| view! { <p class="procedure-card__subtitle" lang="en">{name}</p> })}
                            <p class="procedure-card__meta">
                                <span>{t.procedure_code}": "<span class="code">{procedure.code}</span></span>
                                <span>{procedure.sector_name}</span>
                                <span>{procedure.agency_level.label(t)}</span>
                                <span>{procedure.processing_time.label(t)}</span>
                                <LevelBadge level=procedure.online_level/>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
