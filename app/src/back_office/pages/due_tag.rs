use crate::back_office::model::DueMark;
use crate::i18n::use_texts;
use leptos::prelude::*;

/// How a dossier stands against its appointment, as a coloured tag; nothing
/// for a finished dossier, whose clock neither runs nor waits.
#[component]
pub fn DueTag(mark: DueMark) -> impl IntoView {
    let b = &use_texts().back_office;
    let class = match mark {
        DueMark::Overdue => "tag tag--red",
        DueMark::DueSoon => "tag tag--amber",
        DueMark::OnTrack => "tag tag--green",
        DueMark::NotRunning => "tag tag--grey",
        DueMark::Closed => return None,
    };
    Some(view! { <span class=class>{(b.mark)(mark)}</span> })
}
