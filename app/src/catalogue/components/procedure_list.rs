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
                    // English pages lead with the English name; the official
                    // Vietnamese one follows, marked as Vietnamese.
                    let (title, official) = match procedure.name_en.filter(|name| lang == Lang::En && !name.trim().is_empty()) {
                        Some(english) => (english, Some(procedure.name)),
                        None => (procedure.name, None),
                    };
                    let sector = lang.name(procedure.sector_name, procedure.sector_name_en);
                    view! {
                        <li class="procedure-card">
                            <h3 class="procedure-card__title">
                                <A href=paths::procedure(&procedure.code)>{title}</A>
                            </h3>
                            {official.map(|name| view! { <p class="procedure-card__subtitle" lang="vi">{name}</p> })}
                            <p class="procedure-card__meta">
                                <span>{t.procedure_code}": "<span class="code">{procedure.code}</span></span>
                                <span>{sector}</span>
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
