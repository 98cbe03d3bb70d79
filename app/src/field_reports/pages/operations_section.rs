use crate::field_reports::operations::{ReportOperations, ReportTally};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable};
use crate::paths;
use crate::statistics::period_fields::PeriodFields;
use leptos::prelude::*;

/// A count with one decimal, as the tables print rates and averages.
fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |value| format!("{value:.1}"))
}

/// The field reports' part of the operations view: today's tiles, the
/// tallies per agency, category and commune, and the period's outcomes
/// with their own GET form (`tu`, `den`) and the workbook's link.
#[component]
pub fn ReportOperationsSection(figures: ReportOperations) -> impl IntoView {
    let t = use_texts();
    let r = &t.report_operations;
    let s = &t.statistics;
    let caption = figures.period_caption(r);
    let workbook = format!(
        "{}?tu={}&den={}",
        paths::REPORT_OPERATIONS_XLSX,
        figures.from_input,
        figures.to_input
    );
    let today_columns = |first: &'static str| {
        vec![
            first.into(),
            Column::numeric(r.new_today),
            Column::numeric(r.resolved_today),
            Column::numeric(r.open),
            Column::numeric(r.overdue),
        ]
    };
    view! {
        <section class="section" aria-labelledby="reports-heading" id="field-reports">
            <h2 id="reports-heading">{r.heading}</h2>
            <ul class="tiles">
                <li class="tile"><span class="tile__number">{figures.total.new_today}</span>{r.new_today}</li>
                <li class="tile"><span class="tile__number">{figures.total.resolved_today}</span>{r.resolved_today}</li>
                <li class="tile"><span class="tile__number">{figures.total.open}</span>{r.open}</li>
                <li class="tile tile--alert"><span class="tile__number">{figures.total.overdue}</span>{r.overdue}</li>
            </ul>
            {if figures.by_agency.is_empty() {
                view! { <p>{r.nothing}</p> }.into_any()
            } else {
                view! {
                    <h3>{r.by_agency}</h3>
                    <DataTable label=r.by_agency columns=today_columns(r.agency)>
                        <TallyRows rows=figures.by_agency.clone()/>
                    </DataTable>
                    <h3>{r.by_category}</h3>
                    <DataTable label=r.by_category columns=today_columns(r.category)>
                        <TallyRows rows=figures.by_category.clone()/>
                    </DataTable>
                }.into_any()
            }}
            {(!figures.by_commune.is_empty()).then(|| view! {
                <h3>{r.by_commune}</h3>
                <DataTable label=r.by_commune columns=vec![
                    r.commune.into(),
                    Column::numeric(r.open),
                    Column::numeric(r.overdue),
                ]>
                    {figures.by_commune.iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.name.clone()}</th>
                            <td class="numeric">{row.open}</td>
                            <td class="numeric">{row.overdue}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            })}
            <h3 id="report-outcomes">{r.outcomes}</h3>
            {figures.period_problem.clone().map(|problem| view! { <p class="notice notice--warning" role="alert">{problem}</p> })}
            <form method="get" action=format!("{}#report-outcomes", paths::OPERATIONS) class="filters">
                <PeriodFields id="reports" from=figures.from_input.clone() to=figures.to_input.clone()/>
                <button type="submit" class="button">{s.show}</button>
            </form>
            <p class="hint">{caption}</p>
            {if figures.outcomes.is_empty() {
                view! { <p>{r.no_outcomes}</p> }.into_any()
            } else {
                view! {
                    <DataTable label=r.outcomes columns=vec![
                        r.agency.into(),
                        Column::numeric(r.resolved),
                        Column::numeric(r.on_time),
                        Column::numeric(r.on_time_rate),
                        Column::numeric(r.ratings),
                        Column::numeric(r.average_rating),
                    ]>
                        {figures.outcomes.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.agency.clone()}</th>
                                <td class="numeric">{row.resolved}</td>
                                <td class="numeric">{row.on_time}</td>
                                <td class="numeric">{one_decimal(row.on_time_percent())}</td>
                                <td class="numeric">{row.ratings}</td>
                                <td class="numeric">{one_decimal(row.average_rating)}</td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
            <p><a href=workbook rel="external" download="">{r.download_xlsx}</a></p>
        </section>
    }
}

#[component]
fn TallyRows(rows: Vec<ReportTally>) -> impl IntoView {
    rows.into_iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.name}</th>
                    <td class="numeric">{row.new_today}</td>
                    <td class="numeric">{row.resolved_today}</td>
                    <td class="numeric">{row.open}</td>
                    <td class="numeric">{row.overdue}</td>
                </tr>
            }
        })
        .collect_view()
}
