//! `/quan-tri/linh-vuc`: the sectors, each with its names and number of
//! procedures; administrators add one below the list and edit each in its
//! own disclosure (plain forms: no JavaScript needed). A refused form comes
//! back open, with what was typed.

use crate::administration::sectors::server_fns::load_sectors_admin;
use crate::administration::sectors::{SectorRow, SectorsAdmin};
use crate::forms::{ErrorSummary, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The form adding a sector.
pub const NEW_SECTOR_FORM: &str = "sector_new";

/// The form editing sector `code`.
pub fn sector_form(code: &str) -> String {
    format!("sector_{code}")
}

#[component]
pub fn SectorsPage() -> impl IntoView {
    let t = &use_texts().sectors_admin;
    let data = Resource::new(|| (), |_| load_sectors_admin());
    view! {
        <PageLoader resource=data title=t.title render={move |view: SectorsAdmin, session| {
            let new_form = session.feedback.form_for(NEW_SECTOR_FORM);
            let edits: Vec<(SectorRow, FormFeedback)> = view.rows.iter().map(|row| {
                (row.clone(), session.feedback.form_for(&sector_form(&row.code)))
            }).collect();
            view! {
                <PageTitle title=t.title lead=t.lead/>
                <DataTable label=t.title class="table--stack-on-phone" columns={Column::list([
                    t.column_name, t.column_code, t.column_name_en, t.column_procedures,
                ])}>
                    {view.rows.iter().map(|row| view! {
                        <tr>
                            <td>{row.name.clone()}</td>
                            <td data-label=t.column_code>{row.code.clone()}</td>
                            <td data-label=t.column_name_en>{row.name_en.clone()}</td>
                            <td data-label=t.column_procedures>{row.procedures}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
                {if view.may_edit {
                    view! {
                        {edits.into_iter().map(|(row, feedback)| view! { <SectorEdit row feedback/> }).collect_view()}
                        <section class="section" aria-labelledby="new-sector-heading">
                            <h2 id="new-sector-heading">{t.add_heading}</h2>
                            <ErrorSummary form=new_form.clone()/>
                            <form method="post" action=paths::SECTORS_ADMIN novalidate="">
                                <TextField name="code" label=t.code hint=t.code_hint feedback=new_form.clone() required=true/>
                                <TextField name="name" label=t.name feedback=new_form.clone() required=true/>
                                <TextField name="name_en" label=t.name_en feedback=new_form.clone()/>
                                <button type="submit" class="button">{t.add}</button>
                            </form>
                        </section>
                    }.into_any()
                } else {
                    view! { <p class="hint">{t.read_only}</p> }.into_any()
                }}
            }
        }}/>
    }
}

/// One sector's names to edit, and its removal when no procedure uses it.
#[component]
fn SectorEdit(row: SectorRow, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().sectors_admin;
    let open = !feedback.errors.is_empty();
    view! {
        <details class="disclosure" open=open>
            <summary>{(t.edit)(&row.name)}</summary>
            <ErrorSummary form=feedback.clone()/>
            <form method="post" action=paths::sector_admin(&row.code) novalidate="">
                <TextField name="name" label=t.name feedback=feedback.clone() required=true initial=row.name.clone()/>
                <TextField name="name_en" label=t.name_en feedback=feedback.clone() initial=row.name_en.clone()/>
                <button type="submit" class="button">{t.save}</button>
            </form>
            {(row.procedures == 0).then(|| view! {
                <form method="post" action=paths::remove_sector(&row.code)>
                    <p class="hint">{t.remove_hint}</p>
                    <button type="submit" class="button button--secondary">{t.remove}</button>
                </form>
            })}
        </details>
    }
}
