use super::official_form::OfficialForm;
use crate::administration::server_fns::load_officials;
use crate::administration::OfficialsView;
use crate::forms::{ErrorSummary, FormFeedback};
use crate::i18n::{use_lang, use_texts};
use crate::layout::PageError;
use crate::session_view::session_view;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/quan-tri/nguoi-dung`: administrators list, create and disable the
/// official accounts of the agencies they reach.
#[component]
pub fn OfficialsPage() -> impl IntoView {
    let t = use_texts();
    let view_data = Resource::new(|| (), |_| load_officials());
    view! {
        <Title text=format!("{} | {}", t.forms.users_title, t.site_name)/>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let session = session_view().await;
                match view_data.await {
                    Ok(data) => {
                        let form = session.feedback.form_for("create_official");
                        view! {
                            <ErrorSummary form=form.clone()/>
                            <OfficialsView data form/>
                        }.into_any()
                    }
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OfficialsView(data: OfficialsView, form: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let f = &t.forms;
    let lang = use_lang();
    view! {
        <h1>{f.users_title}</h1>
        <p class="lead">{f.users_lead}</p>
        {if data.officials.is_empty() {
            view! { <p>{f.no_users}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                <table class="table table--stack-on-phone">
                    <thead><tr>
                        <th scope="col">{f.column_name}</th>
                        <th scope="col">{f.column_email}</th>
                        <th scope="col">{f.column_agency}</th>
                        <th scope="col">{f.column_roles}</th>
                        <th scope="col">{f.column_status}</th>
                        <th scope="col">{f.column_actions}</th>
                    </tr></thead>
                    <tbody>
                        {data.officials.into_iter().map(|official| {
                            let roles = official.roles.iter().map(|role| role.label(lang)).collect::<Vec<_>>().join(", ");
                            let edit = format!("/quan-tri/nguoi-dung/{}", official.id);
                            let toggle = format!(
                                "/quan-tri/nguoi-dung/{}/{}",
                                official.id,
                                if official.disabled { "mo-khoa" } else { "khoa" }
                            );
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
                    </tbody>
                </table>
                </div>
            }.into_any()
        }}
        <section class="section">
            <h2>{f.create_heading}</h2>
            <OfficialForm action="/quan-tri/nguoi-dung".to_string() form agencies=data.agencies submit=f.create_button/>
        </section>
    }
}
