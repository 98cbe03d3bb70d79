//! The service index (Decision 766) as score cards, one per group: the
//! points earned of the points measurable in the period ("x of y points
//! measurable"), and each criterion with its rate, counts, threshold and
//! points, or why it is not scored. No total: it would read as the
//! official index out of 100.

use super::columns::percent_text;
use super::service_index::{CriterionScore, GroupScore, Threshold};
use crate::i18n::{use_texts, ServiceIndexTexts};
use leptos::prelude::*;

fn number(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}

fn whole_percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round())
}

/// "tối đa từ 95%", or for what counts against the agency "tối đa khi
/// không quá 0%, 0 điểm từ 5%".
fn threshold_text(t: &ServiceIndexTexts, threshold: Threshold) -> String {
    match threshold {
        Threshold::AtLeast(full_at) => (t.full_from)(&whole_percent(full_at)),
        Threshold::AtMost { full_at, zero_at } => {
            (t.full_under)(&whole_percent(full_at), &whole_percent(zero_at))
        }
    }
}

#[component]
pub fn IndexCards(scores: Vec<GroupScore>) -> impl IntoView {
    let t = &use_texts().service_index;
    view! {
        <section class="section" aria-labelledby="index-heading">
            <h2 id="index-heading">{t.heading}</h2>
            <p>{t.lead}</p>
            <ul class="score-cards">
                {scores.into_iter().map(|card| {
                    let measured = card.measurable > 0.0;
                    view! {
                        <li class="score-card" class:score-card--unmeasured=!measured>
                            <h3 class="score-card__name">{(t.group)(card.group)}</h3>
                            <p class="score-card__score">
                                {if measured {
                                    (t.earned)(&number(card.score), &number(card.measurable))
                                } else {
                                    t.nothing_measurable.to_string()
                                }}
                            </p>
                            <p>{(t.measurable)(&number(card.measurable), &number(card.points))}</p>
                            <ul class="score-card__criteria">
                                {card.criteria.into_iter().map(|criterion| view! { <CriterionLine criterion/> }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn CriterionLine(criterion: CriterionScore) -> impl IntoView {
    let t = &use_texts().service_index;
    let (name, counts_what) = (t.criterion)(criterion.criterion);
    let points = number(criterion.points);
    let outcome = match (criterion.counts, criterion.score) {
        (None, _) => format!("{}: {}", (t.criterion_points)(&points), t.outside),
        (Some(_), None) => format!("{}: {}", (t.criterion_points)(&points), t.nothing_to_count),
        (Some((part, whole)), Some(score)) => format!(
            "{} ({part}/{whole}) — {}",
            percent_text(criterion.rate),
            (t.criterion_score)(&number(score), &points),
        ),
    };
    let rule = criterion
        .counts
        .map(|_| format!(" ({})", threshold_text(t, criterion.criterion.threshold())))
        .unwrap_or_default();
    let line = format!("{} {name}: {outcome}{rule}", criterion.criterion.number());
    view! {
        <li class:score-card__outside=criterion.score.is_none()>
            <p class="score-card__line">{line}</p>
            <p class="hint">{counts_what}</p>
        </li>
    }
}
