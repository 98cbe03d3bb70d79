use crate::catalogue::query::page_count;
use crate::dossiers::DossierStatus;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{Column, DataTable, PageLinks, PageLoader, PageTitle};
use crate::paths;
use crate::tracking::server_fns::load_my_dossiers;
use crate::tracking::{MyDossiers, MY_DOSSIERS_PAGE_SIZE};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/ho-so?trang-thai=&trang=`: the signed-in user's dossiers and drafts,
/// and what each expects of them; a state filter (a plain GET form) and
/// pages of twenty.
#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let f = &use_texts().filing;
    let query = use_query_map();
    let dossiers = Resource::new(
        move || {
            let query = query.get();
            (
                query.get("trang-thai").filter(|status| !status.is_empty()),
                query.get("trang").and_then(|page| page.parse().ok()),
            )
        },
        |(status, page)| load_my_dossiers(status, page),
    );
    view! {
        <PageTitle title=f.my_dossiers_title/>
        <p><a href=paths::WALLET>{f.wallet_title}</a>" · "<a href=paths::MY_PAYMENTS>{use_texts().citizen.payments_title}</a></p>
        <PageLoader resource=dossiers render={|list: MyDossiers, _| view! { <DossierList list/> }}/>
    }
}

#[component]
fn DossierList(list: MyDossiers) -> impl IntoView {
    let t = use_texts();
    let (f, c) = (&t.filing, &t.citizen);
    let lang = use_lang();
    if list.total == 0 && list.status.is_none() {
        return view! { <p>{f.my_dossiers_empty}</p> }.into_any();
    }
    let chosen = list.status;
    let status_query = chosen
        .map(|status| format!("trang-thai={}&", status.as_str()))
        .unwrap_or_default();
    let page_link = move |page: i64| format!("{}?{status_query}trang={page}", paths::dossiers());
    let pages = page_count(list.total, MY_DOSSIERS_PAGE_SIZE);
    view! {
        <form method="get" action=paths::dossiers() class="filter-bar" role="search" aria-label=c.filter_label>
            <div class="form-group">
                <label class="label" for="dossier-status">{c.filter_status}</label>
                <select class="select" id="dossier-status" name="trang-thai">
                    <option value="" selected=chosen.is_none()>{c.filter_any}</option>
                    {DossierStatus::ALL.into_iter().map(|status| view! {
                        <option value=status.as_str() selected=chosen == Some(status)>{status.label(lang)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button--secondary">{c.filter_button}</button>
        </form>
        <p class="results-count">{(c.dossiers_count)(list.total)}</p>
        {if list.rows.is_empty() {
            view! { <p>{c.none_in_status}</p> }.into_any()
        } else {
            view! {
                <DataTable
                    label=f.my_dossiers_title
                    class="table--stack-on-phone"
                    columns={Column::list([
                        f.column_code,
                        f.column_procedure,
                        f.column_status,
                        f.column_submitted,
                        f.column_due,
                    ])}
                >
                    {list.rows.into_iter().map(|row| {
                        let link = match &row.code {
                            Some(code) => view! { <a class="dossier-code" href=paths::dossier(code)>{code.clone()}</a> }.into_any(),
                            None => view! {
                                <a href=paths::file_dossier(&row.procedure_code)>{f.resume_draft}</a>
                                " "{f.draft_code}
                            }.into_any(),
                        };
                        let status_class = if row.status == DossierStatus::Draft { "tag tag--grey" } else { "tag" };
                        view! {
                            <tr>
                                <td>{link}</td>
                                <td data-label=f.column_procedure>{row.procedure_name.clone()}</td>
                                <td data-label=f.column_status><span class=status_class>{row.status.label(lang)}</span></td>
                                <td data-label=f.column_submitted>{row.submitted_on.clone().unwrap_or_default()}</td>
                                <td data-label=f.column_due>{row.due_on.clone().unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            }.into_any()
        }}
        <PageLinks page=list.page pages href=page_link/>
    }
    .into_any()
}
