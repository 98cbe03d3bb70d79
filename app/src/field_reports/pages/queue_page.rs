//! `/can-bo/phan-anh`: the coordinator's queue (every open report) or an
//! agency's (its own), the least time left first.

use super::report_parts::ReportCards;
use crate::field_reports::server_fns::load_report_queue;
use crate::field_reports::ReportQueue;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn ReportQueuePage() -> impl IntoView {
    let t = &use_texts().field_reports;
    let data = Resource::new(|| (), |_| load_report_queue());
    view! {
        <PageLoader resource=data title=t.queue_title render={move |queue: ReportQueue, _session| {
            let lead = if queue.coordinator { t.queue_lead_coordinator } else { t.queue_lead_agency };
            view! {
                <PageTitle title=t.queue_title lead=lead/>
                {queue.coordinator.then(|| view! { <p><a href=paths::FILE_REPORT class="button button--secondary">{t.file_button}</a></p> })}
                <section class="section" aria-labelledby="report-queue-open">
                    <h2 id="report-queue-open">{t.open_heading}</h2>
                    <ReportCards reports=queue.open.clone() link=|code: &str| paths::report_handling(code)/>
                </section>
                <section class="section" aria-labelledby="report-queue-closed">
                    <h2 id="report-queue-closed">{t.closed_heading}</h2>
                    <ReportCards reports=queue.closed.clone() link=|code: &str| paths::report_handling(code)/>
                </section>
            }
        }}/>
    }
}
