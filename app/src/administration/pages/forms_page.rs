//! `/quan-tri/bieu-mau`: the e-forms the designer reaches, with their
//! state and use, and the form creating one (blank or a copy).

use crate::administration::eforms::server_fns::load_forms_admin;
use crate::administration::eforms::FormsAdmin;
use crate::forms::{ErrorSummary, TextField};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The form creating a form.
pub const NEW_FORM_FORM: &str = "eform_new";

#[component]
pub fn FormsAdminPage() -> impl IntoView {
    let t = &use_texts().forms_admin;
    let data = Resource::new(|| (), |_| load_forms_admin());
    view! {
        <PageLoader resource=data title=t.title render={move |view: FormsAdmin, session| {
            let new_form = session.feedback.form_for(NEW_FORM_FORM);
            let owner = new_form.value("owner");
            let copy = new_form.value("copy_from");
            let copyable: Vec<(String, String)> = view.rows.iter()
                .filter(|row| row.live_version.is_some())
                .map(|row| (row.code.clone(), row.title.clone()))
                .collect();
            view! {
                <PageTitle title=t.title lead=t.lead/>
                <DataTable label=t.title class="table--stack-on-phone" columns={Column::list([
                    t.column_title, t.column_code, t.column_state, t.column_owner, t.column_procedures,
                ])}>
                    {view.rows.iter().map(|row| view! {
                        <tr>
                            <td>
                                <a href=paths::form_admin(&row.code)>{row.title.clone()}</a>
                                {row.standard.then(|| view! { " " <span class="tag">{t.standard_badge}</span> })}
                            </td>
                            <td data-label=t.column_code>{row.code.clone()}</td>
                            <td data-label=t.column_state>
                                {(t.state)(row.state)}
                                {row.live_version.map(|n| format!(" ({})", (t.live_version)(n)))}
                            </td>
                            <td data-label=t.column_owner>{row.agency.clone().unwrap_or_else(|| t.province_owner.to_string())}</td>
                            <td data-label=t.column_procedures>{row.procedures}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
                <section class="section" aria-labelledby="new-form-heading">
                    <h2 id="new-form-heading">{t.new_heading}</h2>
                    <ErrorSummary form=new_form.clone()/>
                    <form method="post" action=paths::FORMS_ADMIN novalidate="">
                        <TextField name="code" label=t.code hint=t.code_hint feedback=new_form.clone() required=true/>
                        <TextField name="title" label=t.form_title feedback=new_form.clone() required=true/>
                        <div class="form-group">
                            <label class="label" for="eform_new-owner">{t.owner}</label>
                            <select class="select" id="eform_new-owner" name="owner">
                                {view.owners.iter().map(|(code, name)| {
                                    let label = if code.is_empty() { t.province_owner.to_string() } else { name.clone() };
                                    view! { <option value=code.clone() selected=*code == owner>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="label" for="eform_new-copy_from">{t.copy_from}</label>
                            <select class="select" id="eform_new-copy_from" name="copy_from">
                                <option value="">{t.blank}</option>
                                {copyable.into_iter().map(|(code, title)| view! {
                                    <option value=code.clone() selected=code == copy>{title}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button">{t.create}</button>
                    </form>
                </section>
            }
        }}/>
    }
}
