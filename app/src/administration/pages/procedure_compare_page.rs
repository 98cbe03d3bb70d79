//! Comparing any two versions of a procedure.

use crate::administration::procedures::server_fns::load_version_comparison;
use crate::administration::procedures::VersionComparison;
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/quan-tri/thu-tuc/{code}/so-sanh?tu=&den=`: any two versions of a
/// procedure, field by field (a plain GET form, no JavaScript needed).
#[component]
pub fn ProcedureComparePage() -> impl IntoView {
    let t = &use_texts().procedures_admin;
    let c = t.content;
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let number = |name: &str| query.get().get(name).and_then(|text| text.parse().ok());
            (
                params.get().get("code").unwrap_or_default(),
                number("tu"),
                number("den"),
            )
        },
        |(code, from, to)| load_version_comparison(code, from, to),
    );
    view! {
        <PageLoader resource=data title=c.compare_title not_found=true render={move |view: VersionComparison, _| {
            let choose = |name: &'static str, label: &'static str, chosen: i32| {
                let id = format!("compare-{name}");
                view! {
                    <span class="editor-row__field">
                        <label class="label" for=id.clone()>{label}</label>
                        <select class="select" id=id name=name>
                            {view.versions.iter().map(|&version| view! {
                                <option value=version.to_string() selected=version == chosen>{(c.version_n)(version)}</option>
                            }).collect_view()}
                        </select>
                    </span>
                }
            };
            view! {
                <p class="breadcrumb">
                    <a href=paths::PROCEDURES_ADMIN>{t.title}</a>" › "
                    <a href=paths::procedure_admin(&view.code)>{view.name.clone()}</a>
                </p>
                <PageTitle title=format!("{} ({})", c.compare_title, view.code) document_title=c.compare_title.to_string() lead=c.compare_lead/>
                <form method="get" action=paths::compare_procedure_versions(&view.code) class="editor-row">
                    {choose("tu", c.compare_from, view.from)}
                    {choose("den", c.compare_to, view.to)}
                    <button type="submit" class="button">{c.compare_button}</button>
                </form>
                {if view.changes.is_empty() {
                    view! { <p>{c.compare_same}</p> }.into_any()
                } else {
                    let (from, to) = ((c.version_n)(view.from), (c.version_n)(view.to));
                    view! {
                        <DataTable label=c.compare_title class="table--stack-on-phone procedure-changes" columns={Column::list([
                            c.compare_field, &from, &to,
                        ])}>
                            {view.changes.iter().map(|change| view! {
                                <tr>
                                    <th scope="row">{change.label.clone()}</th>
                                    <td class="pre-line">{change.before.clone()}</td>
                                    <td class="pre-line">{change.after.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </DataTable>
                    }.into_any()
                }}
            }
        }}/>
    }
}
