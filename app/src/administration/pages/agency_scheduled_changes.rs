//! The agency page's list of changes decided for a later day (a renaming,
//! a merger), each with a button that cancels it.

use crate::administration::agencies::ScheduledChange;
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

#[component]
pub(super) fn ScheduledChanges(
    code: String,
    changes: Vec<ScheduledChange>,
    may_cancel: bool,
) -> impl IntoView {
    let t = &use_texts().agencies_admin;
    view! {
        <section class="section" aria-labelledby="scheduled-heading">
            <h2 id="scheduled-heading">{t.scheduled_heading}</h2>
            <ul class="scheduled-changes">
                {changes.into_iter().map(|change| {
                    let text = match (&change.rename_to, &change.merge_into) {
                        (Some(name), _) => (t.scheduled_rename)(name, &change.day),
                        (_, Some(successor)) => (t.scheduled_merge)(successor, &change.day),
                        _ => change.day.clone(),
                    };
                    view! {
                        <li>
                            {text}
                            {may_cancel.then(|| view! {
                                <form method="post" action=paths::cancel_agency_change(&code, change.id) class="inline-form">
                                    <button type="submit" class="button button--secondary">{t.cancel_change}</button>
                                </form>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
