use super::operations::{load_operations, OperationsView};
use crate::enhance::RefreshInPlace;
use crate::field_reports::operations::{load_report_operations, ReportOperations};
use crate::field_reports::pages::ReportOperationsSection;
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// How often the view reads the numbers again.
const REFRESH_SECONDS: u32 = 60;

/// `/thong-ke/dieu-hanh`: the operations-centre screen. With JavaScript it
/// reads the numbers again every minute in place. Without, a page that
/// reloads itself is a time limit nobody chose (WCAG 2.2.1), so it reloads
/// only when asked to: `?tu-lam-moi=1`, the link a wall screen is opened
/// with (a refresh in `<noscript>`); the link back turns it off.
#[component]
pub fn OperationsPage() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |_| load_operations());
    let query = leptos_router::hooks::use_query_map().get_untracked();
    let auto_refresh = query.get("tu-lam-moi").is_some_and(|value| value == "1");
    let period = (query.get("tu"), query.get("den"));
    let reports = Resource::new(
        move || period.clone(),
        |(from, to)| load_report_operations(from, to),
    );
    let c = &t.citizen;
    view! {
        {auto_refresh.then(|| view! { <noscript><meta http-equiv="refresh" content=REFRESH_SECONDS.to_string()/></noscript> })}
        <PageTitle title=t.statistics.operations_title/>
        <p class="hint">{if auto_refresh {
            view! { {c.auto_refresh_on}" "<a href=paths::OPERATIONS>{c.auto_refresh_stop}</a> }.into_any()
        } else {
            view! { <a href=format!("{}?tu-lam-moi=1", paths::OPERATIONS)>{c.auto_refresh_start}</a> }.into_any()
        }}</p>
        <div id=FIGURES_ID>
            <PageLoader resource=data render={|view: Option<OperationsView>, _| view.map(|view| view! { <Operations view/> })}/>
            <PageLoader resource=reports render={|figures: Option<ReportOperations>, _| figures.map(|figures| view! { <ReportOperationsSection figures/> })}/>
        </div>
        <RefreshInPlace seconds=REFRESH_SECONDS region_id=FIGURES_ID.to_string()/>
    }
}

/// The region the page reads again in place (`RefreshInPlace`).
const FIGURES_ID: &str = "operations-figures";

/// A heat class from 0 (none) to 4 (the most overdue cell), so the shade
/// follows the numbers, which are always printed too.
fn heat(count: i64, max: i64) -> &'static str {
    match (count, max) {
        (0, _) => "heat heat--0",
        (count, max) if count * 4 <= max => "heat heat--1",
        (count, max) if count * 2 <= max => "heat heat--2",
        (count, max) if count * 4 <= max * 3 => "heat heat--3",
        _ => "heat heat--4",
    }
}

#[component]
fn Operations(view: OperationsView) -> impl IntoView {
    let s = &use_texts().statistics;
    let max = view
        .overdue_by_agency
        .iter()
        .flat_map(|(_, counts)| counts.iter().copied())
        .max()
        .unwrap_or(0);
    view! {
        <p class="lead" aria-live="polite">{(s.operations_as_of)(&view.today, &view.read_at)}</p>
        <ul class="tiles">
            <li class="tile"><span class="tile__number">{view.received_today}</span>{s.operations_received}</li>
            <li class="tile"><span class="tile__number">{view.resolved_today}</span>{s.operations_resolved}</li>
            <li class="tile tile--alert"><span class="tile__number">{view.overdue}</span>{s.operations_overdue}</li>
            <li class="tile tile--alert" id="overdue-questions">
                <span class="tile__number">{view.overdue_questions}</span>
                <a href=crate::paths::QUESTION_QUEUE>{s.operations_overdue_questions}</a>
            </li>
        </ul>
        <section class="section" aria-labelledby="due-heading">
            <h2 id="due-heading">{s.operations_due}</h2>
            {if view.due.is_empty() {
                view! { <p>{s.operations_nothing_due}</p> }.into_any()
            } else {
                view! {
                    <DataTable label=s.operations_due columns={vec![
                        s.agency.into(),
                        Column::numeric((s.operations_due_on)(&view.today)),
                        Column::numeric((s.operations_due_on)(&view.next_working_day)),
                    ]}>
                            {view.due.iter().map(|row| view! {
                                <tr>
                                    <th scope="row">{row.agency_name.clone()}</th>
                                    <td class="numeric">{row.due_today}</td>
                                    <td class="numeric">{row.due_next}</td>
                                </tr>
                            }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
        </section>
        <section class="section" aria-labelledby="heat-heading">
            <h2 id="heat-heading">{s.operations_heat}</h2>
            {if view.overdue_by_agency.is_empty() {
                view! { <p>{s.operations_nothing_overdue}</p> }.into_any()
            } else {
                view! {
                    <DataTable label=s.operations_heat class="heat-table table--frozen-first" columns={
                        std::iter::once(s.agency.into())
                            .chain(view.sectors.iter().cloned().map(Column::numeric))
                            .collect()
                    }>
                            {view.overdue_by_agency.iter().map(|(agency, counts)| view! {
                                <tr>
                                    <th scope="row">{agency.clone()}</th>
                                    {counts.iter().map(|count| view! { <td class=format!("numeric {}", heat(*count, max))>{*count}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::heat;

    #[test]
    fn the_shade_follows_the_share_of_the_largest_cell() {
        assert_eq!(heat(0, 8), "heat heat--0");
        assert_eq!(heat(2, 8), "heat heat--1");
        assert_eq!(heat(4, 8), "heat heat--2");
        assert_eq!(heat(6, 8), "heat heat--3");
        assert_eq!(heat(8, 8), "heat heat--4");
    }
}
