use crate::catalogue::model::OnlineLevel;
use crate::i18n::use_texts;
use leptos::prelude::*;

/// Toàn trình / Một phần, with its meaning as a tooltip.
#[component]
pub fn LevelBadge(level: OnlineLevel) -> impl IntoView {
    let t = use_texts();
    view! {
        <span class=format!("badge badge--{}", level.code()) title=level.hint(t)>
            {level.label(t)}
        </span>
    }
}
