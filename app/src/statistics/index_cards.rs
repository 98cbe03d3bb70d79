//! The service index (Decision 766) as score cards: each group's score out
//! of its points, the share and counts behind it, how it is measured here,
//! and what the decision also counts that this portal cannot see.

use super::columns::percent_text;
use super::service_index::{total, IndexGroup, IndexScore};
use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn IndexCards(scores: Vec<IndexScore>) -> impl IntoView {
    let s = &use_texts().statistics;
    let (sum, out_of) = total(&scores);
    let number = |value: f64| format!("{value:.1}").replace('.', ",");
    view! {
        <section class="section" aria-labelledby="index-heading">
            <h2 id="index-heading">{s.index_heading}</h2>
            <p>{s.index_lead}</p>
            <p class="index-total">{(s.index_total)(&number(sum), &number(out_of))}</p>
            <ul class="score-cards">
                {scores.into_iter().map(|card| {
                    let (name, formula, outside) = (s.index_group)(card.group);
                    let counts = card.counts.iter()
                        .map(|(part, whole)| format!("{part}/{whole}"))
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <li class="score-card" class:score-card--unmeasured=card.score.is_none()>
                            <h3 class="score-card__name">{name}</h3>
                            <p class="score-card__score">
                                {match card.score {
                                    Some(score) => (s.index_score)(&number(score), &number(card.points)),
                                    None => s.index_unmeasured.to_string(),
                                }}
                            </p>
                            {card.share.map(|share| view! {
                                <p>{format!("{} ({counts})", percent_text(Some(share)))}</p>
                            })}
                            <p class="hint">{formula}</p>
                            <p class="hint">{s.index_outside}": "{outside}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The group names, formulas and outside data, for the texts.
pub type GroupTexts = fn(IndexGroup) -> (&'static str, &'static str, &'static str);
