//! `/quan-tri/nhap-thu-tuc/{id}`: one catalogue import — its errors per
//! row, or its drafts with publishing (by a second administrator) and
//! discarding.

use crate::administration::catalogue_exchange::server_fns::load_catalogue_import;
use crate::administration::catalogue_exchange::CatalogueImportView;
use crate::forms::{ErrorSummary, TextField};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The form name the server's handler answers to.
pub const PUBLISH_IMPORT_FORM: &str = "publish_import";

#[component]
pub fn CatalogueImportPage() -> impl IntoView {
    let t = &use_texts().procedures_admin;
    let c = t.content;
    let params = use_params_map();
    let data = Resource::new(
        move || {
            params
                .get()
                .get("id")
                .and_then(|id| id.parse().ok())
                .unwrap_or(0)
        },
        load_catalogue_import,
    );
    view! {
        <PageLoader resource=data title=c.exchange_heading not_found=true render={move |view: CatalogueImportView, session| {
            let publish = session.feedback.form_for(PUBLISH_IMPORT_FORM);
            view! {
                <p class="breadcrumb"><a href=paths::PROCEDURES_ADMIN>{t.title}</a></p>
                <PageTitle title=(c.import_title)(view.id)/>
                <ErrorSummary form=publish.clone()/>
                <p>{(c.import_summary)(&view.file_name, &view.author, view.procedures)}</p>
                <p><strong>{(c.import_status)(&view.status)}</strong></p>
                {(!view.errors.is_empty()).then(|| view! {
                    <h2>{c.import_errors}</h2>
                    <DataTable label=c.import_errors class="table--stack-on-phone" columns={Column::list([
                        c.column_row, c.procedure_code, c.column_field, c.column_message,
                    ])}>
                        {view.errors.iter().map(|error| view! {
                            <tr>
                                <td>{error.row}</td>
                                <td data-label=c.procedure_code>{error.code.clone()}</td>
                                <td data-label=c.column_field>{error.field.clone()}</td>
                                <td data-label=c.column_message>{error.message.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                })}
                {(!view.drafts.is_empty()).then(|| view! {
                    <h2>{c.import_drafts}</h2>
                    <ul class="list">
                        {view.drafts.iter().map(|(code, name)| view! {
                            <li><a href=paths::procedure_admin(code)>{format!("{code} — {name}")}</a></li>
                        }).collect_view()}
                    </ul>
                })}
                {view.may_publish.then(|| view! {
                    <form method="post" action=paths::publish_catalogue_import(view.id) novalidate="" class="section">
                        <h2>{c.publish_all}</h2>
                        <p>{c.publish_all_hint}</p>
                        <TextField name="effective_from" label=t.effective_label hint=t.effective_hint feedback=publish inputmode="numeric"/>
                        <button type="submit" class="button">{c.publish_all}</button>
                    </form>
                })}
                {(view.own && view.may_discard).then(|| view! { <p class="notice">{c.own_import_note}</p> })}
                {view.may_discard.then(|| view! {
                    <form method="post" action=paths::discard_catalogue_import(view.id) class="section">
                        <button type="submit" class="button button--secondary">{c.discard_all}</button>
                    </form>
                })}
            }
        }}/>
    }
}
