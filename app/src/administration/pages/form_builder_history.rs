//! A form's published versions and its draft's saves, each restorable into
//! the draft (and a version previewable as citizens saw it).

use crate::administration::eforms::{SaveRow, VersionRow};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn VersionsTable(code: String, versions: Vec<VersionRow>) -> impl IntoView {
    let t = &use_texts().forms_admin;
    (!versions.is_empty()).then(|| view! {
        <section class="section" aria-labelledby="versions-heading">
            <h2 id="versions-heading">{t.versions_heading}</h2>
            <DataTable label=t.versions_heading class="table--stack-on-phone" columns={Column::list([
                t.column_version, t.column_published, t.column_written_by, t.column_published_by, "",
            ])}>
                {versions.iter().map(|version| view! {
                    <tr>
                        <td>
                            <a href=format!("{}?phien-ban={}", paths::preview_form(&code), version.number)>
                                {version.number}
                            </a>
                        </td>
                        <td data-label=t.column_published>{version.published_at.clone()}</td>
                        <td data-label=t.column_written_by>{version.written_by.clone().unwrap_or_else(|| t.seed_author.into())}</td>
                        <td data-label=t.column_published_by>{version.published_by.clone().unwrap_or_else(|| t.seed_author.into())}</td>
                        <td><RestoreButton code=code.clone() what="version" id=version.number.to_string()/></td>
                    </tr>
                }).collect_view()}
            </DataTable>
        </section>
    })
}

#[component]
pub fn SavesTable(code: String, saves: Vec<SaveRow>) -> impl IntoView {
    let t = &use_texts().forms_admin;
    (!saves.is_empty()).then(|| view! {
        <details class="disclosure">
            <summary>{t.saves_heading}</summary>
            <DataTable label=t.saves_heading class="table--stack-on-phone" columns={Column::list([
                t.column_saved, t.column_saved_by, "", "",
            ])}>
                {saves.iter().map(|save| view! {
                    <tr>
                        <td>{save.saved_at.clone()}</td>
                        <td data-label=t.column_saved_by>{save.saved_by.clone().unwrap_or_else(|| t.seed_author.into())}</td>
                        <td>{(t.save_kind)(&save.kind)}</td>
                        <td><RestoreButton code=code.clone() what="save" id=save.id.to_string()/></td>
                    </tr>
                }).collect_view()}
            </DataTable>
        </details>
    })
}

/// "Khôi phục vào bản nháp" for a published version (`what` = `version`)
/// or a save (`save`) of form `code`.
#[component]
fn RestoreButton(code: String, what: &'static str, id: String) -> impl IntoView {
    let t = &use_texts().forms_admin;
    view! {
        <form method="post" action=paths::restore_form(&code)>
            <input type="hidden" name=what value=id/>
            <button type="submit" class="button button--secondary button--small">{t.restore}</button>
        </form>
    }
}
