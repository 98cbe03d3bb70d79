//! Pieces the report pages share: a list of report cards, the photos, the
//! history.

use super::when;
use crate::field_reports::{ReportCard, ReportStatus, TimelineEntry};
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// The status as a coloured tag (the colour repeats the words).
#[component]
pub fn StatusTag(status: ReportStatus, overdue: bool) -> impl IntoView {
    let t = &use_texts().field_reports;
    let colour = match status {
        ReportStatus::Resolved => "tag tag--green",
        ReportStatus::Refused | ReportStatus::Merged => "tag tag--grey",
        _ => "tag",
    };
    view! {
        <span class=colour>{(t.status)(status)}</span>
        {overdue.then(|| view! { " " <span class="tag tag--red">{t.overdue}</span> })}
    }
}

/// Reports as cards; `link` gives each card's address (the public page or
/// the officials' one).
#[component]
pub fn ReportCards(reports: Vec<ReportCard>, link: fn(&str) -> String) -> impl IntoView {
    let t = &use_texts().field_reports;
    if reports.is_empty() {
        return view! { <p>{t.no_reports}</p> }.into_any();
    }
    view! {
        <ul class="report-list">
            {reports.into_iter().map(|card| {
                let place = [card.street.clone(), card.commune.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                let excerpt: String = card.description.chars().take(200).collect();
                view! {
                    <li class="report-list__item">
                        {card.photo.map(|photo| view! {
                            <img class="report-list__photo" src=paths::report_photo(photo) alt="" loading="lazy" width="96" height="96"/>
                        })}
                        <div>
                            <p class="report-list__title"><a href=link(&card.code)>{card.code.clone()}" · "{card.category.clone()}</a></p>
                            <p>{excerpt}</p>
                            <p class="hint">
                                {place}
                                {card.distance.map(|m| view! { " · " {(t.metres_away)(m)} })}
                                " · "{t.received_on}" "{when(card.received)}
                                {card.agency.clone().map(|agency| view! { " · "{agency} })}
                                " · "{(t.followers)(card.followers)}
                            </p>
                            <p><StatusTag status=card.status overdue=card.overdue/></p>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn Photos(photos: Vec<i64>, heading: &'static str) -> impl IntoView {
    let t = &use_texts().field_reports;
    (!photos.is_empty()).then(|| view! {
        <h2>{heading}</h2>
        <ul class="report-photos">
            {photos.into_iter().enumerate().map(|(n, id)| view! {
                <li><a href=paths::report_photo(id)><img src=paths::report_photo(id) alt=(t.photo_alt)(n + 1) loading="lazy" width="240"/></a></li>
            }).collect_view()}
        </ul>
    })
}

#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let t = &use_texts().field_reports;
    view! {
        <h2>{t.timeline}</h2>
        <ol class="timeline">
            {entries.into_iter().map(|entry| view! {
                <li class="timeline__item">
                    <time>{when(entry.at)}</time>" — "{(t.event)(&entry.kind)}
                    {entry.agency.map(|agency| view! { " · "{agency} })}
                    {entry.note.map(|note| view! { <p class="timeline__note">{note}</p> })}
                </li>
            }).collect_view()}
        </ol>
    }
}
