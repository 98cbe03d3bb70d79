use crate::dossiers::DossierStatus;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use crate::tracking::server_fns::load_my_dossiers;
use leptos::prelude::*;

/// `/ho-so`: the signed-in user's dossiers and drafts, and what each expects of them.
#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let f = &use_texts().filing;
    let lang = use_lang();
    let dossiers = Resource::new(|| (), |_| load_my_dossiers());
    view! {
        <PageTitle title=f.my_dossiers_title/>
        <PageLoader resource=dossiers render={move |rows: Vec<_>, _| {
            if rows.is_empty() {
                return view! { <p>{f.my_dossiers_empty}</p> }.into_any();
            }
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
                    {rows.into_iter().map(|row| {
                        let link = match &row.code {
                            Some(code) => view! { <a href=paths::dossier(code)>{code.clone()}</a> }.into_any(),
                            None => view! {
                                <a href=paths::file_dossier(&row.procedure_code)>{f.resume_draft}</a>
                                " "{f.draft_code}
                            }.into_any(),
                        };
                        let status_class = if row.status == DossierStatus::Draft { "tag tag--grey" } else { "tag" };
                        view! {
                            <tr>
                                <td class="table__wrap">{link}</td>
                                <td data-label=f.column_procedure>{row.procedure_name.clone()}</td>
                                <td data-label=f.column_status><span class=status_class>{row.status.label(lang)}</span></td>
                                <td data-label=f.column_submitted>{row.submitted_on.clone().unwrap_or_default()}</td>
                                <td data-label=f.column_due>{row.due_on.clone().unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            }.into_any()
        }}/>
    }
}
