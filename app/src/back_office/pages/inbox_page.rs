use super::register_form::RegisterForm;
use crate::back_office::model::{DueMark, Inbox, InboxFilter, Queue};
use crate::back_office::server_fns::load_inbox;
use crate::i18n::{use_lang, use_texts};
use crate::layout::PageError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/can-bo`: the official's work queues (`?hang=`), search (`?tim=`) and
/// pages (`?trang=`); plain links and a GET form, so it works without
/// JavaScript.
#[component]
pub fn InboxPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let inbox = Resource::new(
        move || {
            let query = query.get();
            InboxFilter {
                queue: query.get("hang"),
                search: query.get("tim"),
                procedure: query.get("thu-tuc"),
                page: query.get("trang").and_then(|page| page.parse().ok()),
            }
        },
        load_inbox,
    );
    view! {
        <Title text=format!("{} | {}", t.back_office.inbox_title, t.site_name)/>
        <h1>{t.back_office.inbox_title}</h1>
        <p class="lead">{t.back_office.inbox_lead}</p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                match inbox.await {
                    Ok(inbox) => view! { <InboxView inbox/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn link(queue: Queue, search: &str, page: u32) -> String {
    let mut link = format!("/can-bo?hang={}", queue.as_str());
    if !search.is_empty() {
        link.push_str("&tim=");
        link.extend(form_urlencoded::byte_serialize(search.as_bytes()));
    }
    if page > 1 {
        link.push_str(&format!("&trang={page}"));
    }
    link
}

#[component]
fn InboxView(inbox: Inbox) -> impl IntoView {
    let t = use_texts();
    let b = &t.back_office;
    let lang = use_lang();
    let current = inbox.queue;
    let search = inbox.search.clone();
    view! {
        <p class="inbox-marks" role="status">{(b.summary_marks)(inbox.overdue, inbox.due_soon)}</p>
        <nav aria-label=b.queues_label class="queues">
            <ul class="queues__list">
                {inbox.counts.iter().map(|(queue, count)| {
                    let label = format!("{} ({count})", (b.queue)(*queue));
                    let here = (*queue == current).then_some("page");
                    view! { <li><a class="queues__link" href=link(*queue, "", 1) aria-current=here>{label}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
        <form method="get" action="/can-bo" class="inbox-search" role="search">
            <input type="hidden" name="hang" value=current.as_str()/>
            <label class="label" for="inbox-search">{b.search_label}</label>
            <p class="hint" id="inbox-search-hint">{b.search_hint}</p>
            <div class="inbox-search__row">
                <input class="input input--medium" id="inbox-search" name="tim" type="search" value=search.clone() aria-describedby="inbox-search-hint"/>
                <button type="submit" class="button button--secondary">{b.search_button}</button>
            </div>
        </form>
        <h2>{(b.queue)(current)}</h2>
        {if inbox.rows.is_empty() {
            view! { <p>{b.empty_queue}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                <table class="table table--stack-on-phone inbox">
                    <thead><tr>
                        <th scope="col">{b.column_code}</th>
                        <th scope="col">{b.column_procedure}</th>
                        <th scope="col">{b.column_applicant}</th>
                        <th scope="col">{b.column_status}</th>
                        <th scope="col">{b.column_submitted}</th>
                        <th scope="col">{b.column_due}</th>
                    </tr></thead>
                    <tbody>
                        {inbox.rows.into_iter().map(|row| {
                            let mark_class = match row.mark {
                                DueMark::Overdue => "tag tag--red",
                                DueMark::DueSoon => "tag tag--amber",
                                DueMark::OnTrack => "tag tag--green",
                                DueMark::NotRunning => "tag tag--grey",
                            };
                            view! {
                                <tr>
                                    <td><a href=format!("/can-bo/ho-so/{}", row.code)>{row.code.clone()}</a></td>
                                    <td data-label=b.column_procedure>{row.procedure_name.clone()}</td>
                                    <td data-label=b.column_applicant>{row.applicant_name.clone()}</td>
                                    <td data-label=b.column_status>{row.status.label(lang)}</td>
                                    <td data-label=b.column_submitted>{row.submitted_at.clone()}</td>
                                    <td data-label=b.column_due>
                                        {row.due_on.clone().unwrap_or_default()}" "
                                        <span class=mark_class>{(b.mark)(row.mark)}</span>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }.into_any()
        }}
        <nav class="pagination" aria-label=(b.page_of)(inbox.page, inbox.pages, inbox.total)>
            <p>{(b.page_of)(inbox.page, inbox.pages, inbox.total)}</p>
            {(inbox.page > 1).then(|| view! { <a href=link(current, &search, inbox.page - 1)>{b.previous_page}</a> })}
            {(inbox.page < inbox.pages).then(|| view! { <a href=link(current, &search, inbox.page + 1)>{b.next_page}</a> })}
        </nav>
        <RegisterForm agencies=inbox.agencies/>
    }
}
