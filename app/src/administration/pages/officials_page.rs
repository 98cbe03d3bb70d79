use super::official_form::OfficialForm;
use crate::administration::server_fns::load_officials;
use crate::administration::OfficialsView;
use crate::forms::{ErrorSummary, FormFeedback};
use crate::i18n::{use_lang, use_texts};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// `/quan-tri/nguoi-dung`: administrators list, create and disable the
/// official accounts of the agencies they reach.
#[component]
pub fn OfficialsPage() -> impl IntoView {
    let t = use_texts();
    let view_data = Resource::new(|| (), |_| load_officials());
    view! {
        <PageLoader resource=view_data title=t.forms.users_title render={move |data: OfficialsView, session| {
            let form = session.feedback.form_for("create_official");
            view! {
                <ErrorSummary form=form.clone()/>
                <OfficialsView data form/>
            }
        }}/>
    }
}

#[component]
fn OfficialsView(data: OfficialsView, form: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let f = &t.forms;
    let lang = use_lang();
    view! {
        <PageTitle title=f.users_title lead=f.users_lead/>
        {if data.officials.is_empty() {
            view! { <p>{f.no_users}</p> }.into_any()
        } else {
            view! {
                <DataTable label=f.users_title class="table--stack-on-phone" columns={Column::list([
                    f.column_name, f.column_email, f.column_agency, f.column_roles, f.column_status, f.column_actions,
                ])}>
                        {data.officials.into_iter().map(|official| {
                            let roles = official.roles.iter().map(|role| role.label(lang)).collect::<Vec<_>>().join(", ");
                            let edit = paths::official(official.id);
                            let toggle = if official.disabled {
                                paths::enable_official(official.id)
                            } else {
                                paths::disable_official(official.id)
                            };
                            view! {
                                <tr>
                                    <td>{official.full_name.clone()}</td>
                                    <td data-label=f.column_email class="table__wrap">{official.email.clone()}</td>
                                    <td data-label=f.column_agency>{official.agency_name.clone()}</td>
                                    <td data-label=f.column_roles>{roles}</td>
                                    <td data-label=f.column_status>{if official.disabled { f.status_disabled } else { f.status_active }}</td>
                                    <td data-label=f.column_actions class="table__actions">
                                        <a href=edit>{f.edit_link}<span class="visually-hidden">{format!(" {}", official.full_name)}</span></a>
                                        <form method="post" action=toggle class="inline-form">
                                            <button type="submit" class="link-button">
                                                {if official.disabled { f.enable_button } else { f.disable_button }}
                                                <span class="visually-hidden">{format!(" {}", official.full_name)}</span>
                                            </button>
                                        </form>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                </DataTable>
            }.into_any()
        }}
        <section class="section">
            <h2>{f.create_heading}</h2>
            <OfficialForm action=paths::officials() form agencies=data.agencies submit=f.create_button/>
        </section>
    }
}
