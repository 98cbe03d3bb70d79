use crate::dossiers::DossierStatus;
use crate::i18n::{use_lang, use_texts};
use crate::layout::PageError;
use crate::tracking::server_fns::load_my_dossiers;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/ho-so`: the signed-in user's dossiers and drafts, and what each expects of them.
#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
    let lang = use_lang();
    let dossiers = Resource::new(|| (), |_| load_my_dossiers());
    view! {
        <Title text=format!("{} | {}", f.my_dossiers_title, t.site_name)/>
        <h1>{f.my_dossiers_title}</h1>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                match dossiers.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{f.my_dossiers_empty}</p> }.into_any(),
                    Ok(rows) => view! {
                        <table class="table table--stack-on-phone">
                            <thead><tr>
                                <th scope="col">{f.column_code}</th>
                                <th scope="col">{f.column_procedure}</th>
                                <th scope="col">{f.column_status}</th>
                                <th scope="col">{f.column_submitted}</th>
                                <th scope="col">{f.column_due}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let link = match &row.code {
                                        Some(code) => view! { <a href=format!("/ho-so/{code}")>{code.clone()}</a> }.into_any(),
                                        None => view! {
                                            <a href=format!("/nop-ho-so/{}", row.procedure_code)>{f.resume_draft}</a>
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
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
