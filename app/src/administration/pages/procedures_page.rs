use crate::administration::procedures::server_fns::load_procedures_admin;
use crate::administration::procedures::ProceduresAdmin;
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/quan-tri/thu-tuc?q=`: the procedures, each with its version in force
/// and whether a draft or a scheduled version waits.
#[component]
pub fn ProceduresAdminPage() -> impl IntoView {
    let t = &use_texts().procedures_admin;
    let query = use_query_map();
    let q = move || query.get().get("q").unwrap_or_default();
    let data = Resource::new(move || Some(q()), load_procedures_admin);
    view! {
        <PageLoader resource=data title=t.title render={move |list: ProceduresAdmin, _| view! {
            <PageTitle title=t.title lead=t.lead/>
            {list.may_edit.then(|| view! {
                <p><a class="button button--secondary" href=paths::NEW_PROCEDURE>{t.content.new_procedure}</a></p>
            })}
            <CatalogueFiles may_import=list.may_edit/>
            <form method="get" action=paths::PROCEDURES_ADMIN class="search-form" role="search">
                <label class="label" for="procedures-admin-q">{t.search_label}</label>
                <div class="search-form__row">
                    <input class="input" type="search" id="procedures-admin-q" name="q" value=q()/>
                    <button type="submit" class="button">{t.search_button}</button>
                </div>
            </form>
            {if list.rows.is_empty() {
                view! { <p>{t.none_found}</p> }.into_any()
            } else {
                view! {
                    <DataTable label=t.title class="table--stack-on-phone" columns={Column::list([
                        t.column_code, t.column_name, t.column_version, t.column_status,
                    ])}>
                        {list.rows.into_iter().map(|row| {
                            let status = [
                                row.has_draft.then_some(t.has_draft),
                                row.scheduled.then_some(t.scheduled),
                                row.suspended.then_some(t.suspended_tag),
                            ].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                            view! {
                                <tr>
                                    <td>{row.code.clone()}</td>
                                    <td data-label=t.column_name><a href=paths::procedure_admin(&row.code)>{row.name}</a></td>
                                    <td data-label=t.column_version>{match row.version {
                                        Some(version) => version.to_string(),
                                        None => t.content.not_yet_published.to_string(),
                                    }}</td>
                                    <td data-label=t.column_status>{status}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
        }}/>
    }
}

/// Downloading the catalogue, and (for the province's administrators)
/// importing one: a plain multipart form.
#[component]
fn CatalogueFiles(may_import: bool) -> impl IntoView {
    let c = use_texts().procedures_admin.content;
    view! {
        <details class="section">
            <summary>{c.exchange_heading}</summary>
            <p>{c.exchange_lead}</p>
            <p>
                <a href=paths::CATALOGUE_XLSX download="">{c.export_xlsx}</a>" · "
                <a href=paths::CATALOGUE_JSON download="">{c.export_json}</a>
            </p>
            {may_import.then(|| view! {
                <form method="post" action=paths::IMPORT_CATALOGUE enctype="multipart/form-data">
                    <div class="form-group">
                        <label class="label" for="catalogue-file">{c.import_label}</label>
                        <p class="hint" id="catalogue-file-hint">{c.import_hint}</p>
                        <input class="file-upload" type="file" id="catalogue-file" name="file" aria-describedby="catalogue-file-hint"
                            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>
                    </div>
                    <button type="submit" class="button">{c.import_button}</button>
                </form>
            })}
        </details>
    }
}
