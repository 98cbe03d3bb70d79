//! `/quan-tri/co-quan`: the province's agencies as a tree.

use crate::administration::agencies::server_fns::load_agencies_admin;
use crate::administration::agencies::AgenciesAdmin;
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn AgenciesPage() -> impl IntoView {
    let t = &use_texts().agencies_admin;
    let data = Resource::new(|| (), |_| load_agencies_admin());
    view! {
        <PageLoader resource=data title=t.title render={move |view: AgenciesAdmin, _| view! {
            <PageTitle title=t.title lead=t.lead/>
            <DataTable label=t.title class="table--stack-on-phone" columns={Column::list([
                t.column_name, t.column_code, t.column_office_hours, t.column_phone,
            ])}>
                {view.rows.into_iter().map(|row| {
                    // The tree shows as indentation of the name (a class:
                    // the content security policy allows no inline style).
                    let indent = format!("tree-depth-{}", row.depth.clamp(0, 3));
                    view! {
                        <tr>
                            <td class=indent>
                                <a href=paths::agency_admin(&row.code)>{row.name}</a>
                                <span class="hint">" · "{(t.kind)(&row.kind)}</span>
                                {row.merged.then(|| view! { <span class="tag">{t.merged_tag}</span> })}
                            </td>
                            <td data-label=t.column_code>{row.code}</td>
                            <td data-label=t.column_office_hours>{row.office_hours}</td>
                            <td data-label=t.column_phone>{row.phone}</td>
                        </tr>
                    }
                }).collect_view()}
            </DataTable>
        }}/>
    }
}
