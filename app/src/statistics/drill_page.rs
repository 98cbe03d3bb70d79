use super::drill::{load_drill, DrillView, PAGE_SIZE};
use crate::catalogue::query::page_count;
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLinks, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/thong-ke/ho-so?tu=&den=&co-quan=&linh-vuc=&don-vi=&cot=&trang=`: the dossiers
/// behind one number of Biểu 06.
#[component]
pub fn DrillPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let query = query.get();
            (
                query.get("tu"),
                query.get("den"),
                query.get("co-quan"),
                query.get("linh-vuc"),
                query.get("don-vi"),
                query.get("cot"),
                query.get("trang").and_then(|page| page.parse().ok()),
            )
        },
        |(from, to, agency, sector, unit, column, page)| {
            load_drill(from, to, agency, sector, unit, column, page)
        },
    );
    view! {
        <PageLoader resource=data title=t.statistics.drill_title render={|view: DrillView, _| view! { <Drill view/> }}/>
    }
}

#[component]
fn Drill(view: DrillView) -> impl IntoView {
    let s = &use_texts().statistics;
    let column = (s.column_label)(&view.column);
    let sector = if view.row_name.is_empty() {
        s.all_sectors.to_string()
    } else {
        view.row_name.clone()
    };
    let pages = page_count(view.total, PAGE_SIZE);
    let list_link = view.list_link.clone();
    let page_link = move |page: i64| format!("{list_link}&trang={page}");
    view! {
        <PageTitle
            title=s.drill_title
            lead=(s.drill_lead)(column, &sector, &view.agency_name, &view.from, &view.to, view.total)
        />
        <p><a href=view.report_link.clone()>{s.drill_back}</a></p>
        {if view.rows.is_empty() {
            view! { <p>{s.no_data}</p> }.into_any()
        } else {
            view! {
                <DataTable label=s.drill_title class="table--stack-on-phone" columns={Column::list([
                    s.drill_code, s.drill_procedure, s.agency, s.drill_submitted, s.drill_due, s.drill_resolved, s.drill_status,
                ])}>
                        {view.rows.iter().map(|row| view! {
                            <tr>
                                <td><a href=paths::office_dossier(&row.code)>{row.code.clone()}</a></td>
                                <td data-label=s.drill_procedure>{row.procedure.clone()}</td>
                                <td data-label=s.agency>{row.agency.clone()}</td>
                                <td data-label=s.drill_submitted>{row.submitted_on.clone()}</td>
                                <td data-label=s.drill_due>{row.legal_due_on.clone().unwrap_or_default()}</td>
                                <td data-label=s.drill_resolved>{row.resolved_on.clone().unwrap_or_default()}</td>
                                <td data-label=s.drill_status>{row.status.clone()}</td>
                            </tr>
                        }).collect_view()}
                </DataTable>
            }.into_any()
        }}
        <PageLinks page=view.page pages href=page_link/>
    }
}
