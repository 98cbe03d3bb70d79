use super::due_tag::DueTag;
use super::register_form::RegisterForm;
use crate::back_office::model::{DueMark, Inbox, InboxFilter, InboxFilters, Queue};
use crate::back_office::server_fns::load_inbox;
use crate::dossiers::Channel;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
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
                sector: query.get("linh-vuc"),
                channel: query.get("kenh"),
                due: query.get("han"),
                sort: query.get("sap-xep"),
                page: query.get("trang").and_then(|page| page.parse().ok()),
            }
        },
        |filter: InboxFilter| {
            load_inbox(
                filter.queue,
                filter.search,
                filter.procedure,
                filter.sector,
                filter.channel,
                filter.due,
                filter.sort,
                filter.page,
            )
        },
    );
    view! {
        <PageTitle title=t.back_office.inbox_title lead=t.back_office.inbox_lead/>
        <PageLoader resource=inbox render={|inbox: Inbox, _| view! { <InboxView inbox/> }}/>
    }
}

/// A page of a queue, keeping the search and the filters in force.
fn link(queue: Queue, search: &str, filters: &InboxFilters, page: u32) -> String {
    let mut link = format!("{}?hang={}", paths::INBOX, queue.as_str());
    if !search.is_empty() {
        link.push_str("&tim=");
        link.extend(form_urlencoded::byte_serialize(search.as_bytes()));
    }
    link.push_str(&filters.query());
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
    let w = &t.office_work;
    let current = inbox.queue;
    let search = inbox.search.clone();
    let filters = inbox.filters.clone();
    let searching = !search.is_empty();
    // Rows from several step queues say which one each waits in.
    let shows_queue = matches!(current, Queue::AllOpen | Queue::AssignedToMe);
    let mut columns = Column::list([
        b.column_code,
        b.column_procedure,
        b.column_applicant,
        b.column_status,
    ]);
    if shows_queue {
        columns.push(w.column_queue.into());
    }
    columns.extend(Column::list([
        w.column_assignee,
        b.column_submitted,
        b.column_due,
    ]));
    let heading = if searching {
        (w.search_results)(&search)
    } else {
        (b.queue)(current).to_string()
    };
    view! {
        <p class="inbox-marks" role="status">{(b.summary_marks)(inbox.overdue, inbox.due_soon)}</p>
        {inbox.files_at_counter.then(|| view! {
            <p><a class="button button--secondary" href=paths::COUNTER>{t.counter.open_link}</a></p>
        })}
        {inbox.reconciles_payments.then(|| view! {
            <p><a href=paths::RECONCILIATION>{t.payments.flags_title}</a></p>
        })}
        <nav aria-label=b.queues_label class="queues">
            <ul class="queues__list">
                {inbox.counts.iter().map(|(queue, count)| {
                    let label = format!("{} ({count})", (b.queue)(*queue));
                    let is_current = *queue == current;
                    let class = if is_current { "queues__link queues__link--current" } else { "queues__link" };
                    view! { <li><a class=class href=link(*queue, "", &InboxFilters::default(), 1) aria-current=is_current.then_some("page")>{label}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
        <form method="get" action=paths::INBOX class="inbox-search" role="search">
            <input type="hidden" name="hang" value=current.as_str()/>
            <label class="label" for="inbox-search">{b.search_label}</label>
            <p class="hint" id="inbox-search-hint">{b.search_hint}</p>
            <div class="inbox-search__row">
                <input class="input input--medium" id="inbox-search" name="tim" type="search" value=search.clone() aria-describedby="inbox-search-hint"/>
                <button type="submit" class="button button--secondary">{b.search_button}</button>
            </div>
            <InboxFilterFields filters=filters.clone() sectors=inbox.sectors.clone() procedures=inbox.procedures.clone()/>
        </form>
        <h2>{heading.clone()}</h2>
        {searching.then(|| view! { <p><a href=paths::INBOX>{w.clear_search}</a></p> })}
        {if inbox.rows.is_empty() {
            let empty = if searching { (w.search_none)(&search) } else { b.empty_queue.to_string() };
            view! { <p>{empty}</p> }.into_any()
        } else {
            view! {
                <DataTable label=heading class="table--stack-on-phone inbox" columns>
                        {inbox.rows.into_iter().map(|row| {
                            view! {
                                <tr>
                                    <td><a href=paths::office_dossier(&row.code)>{row.code.clone()}</a></td>
                                    <td data-label=b.column_procedure>{row.procedure_name.clone()}</td>
                                    <td data-label=b.column_applicant>{row.applicant_name.clone()}</td>
                                    <td data-label=b.column_status>
                                        {row.status.label(lang)}
                                        {row.fee_paid.map(|paid| view! {
                                            " "<span class=if paid { "tag tag--green" } else { "tag tag--red" }>
                                                {if paid { t.payments.inbox_paid } else { t.payments.inbox_unpaid }}
                                            </span>
                                        })}
                                    </td>
                                    {shows_queue.then(|| view! {
                                        <td data-label=w.column_queue>{row.queue.map(|queue| (b.queue)(queue)).unwrap_or_default()}</td>
                                    })}
                                    <td data-label=w.column_assignee>{row.assignee_name.clone().unwrap_or_else(|| b.not_assigned.to_string())}</td>
                                    <td data-label=b.column_submitted>{row.submitted_at.clone()}</td>
                                    <td data-label=b.column_due>
                                        {row.due_on.clone().unwrap_or_default()}" "
                                        <DueTag mark=row.mark/>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                </DataTable>
            }.into_any()
        }}
        <nav class="pagination" aria-label=(b.page_of)(inbox.page, inbox.pages, inbox.total)>
            <p>{(b.page_of)(inbox.page, inbox.pages, inbox.total)}</p>
            {(inbox.page > 1).then(|| view! { <a href=link(current, &search, &filters, inbox.page - 1)>{b.previous_page}</a> })}
            {(inbox.page < inbox.pages).then(|| view! { <a href=link(current, &search, &filters, inbox.page + 1)>{b.next_page}</a> })}
        </nav>
        <RegisterForm agencies=inbox.agencies/>
    }
}

/// The filters of the inbox form: sector, channel, deadline and order, each
/// a labelled select showing the value in force.
#[component]
fn InboxFilterFields(
    filters: InboxFilters,
    sectors: Vec<(String, String)>,
    procedures: Vec<(String, String)>,
) -> impl IntoView {
    let t = use_texts();
    let b = &t.back_office;
    let option = |value: &str, label: &str, current: &str| {
        let value = value.to_string();
        let selected = value == current;
        view! { <option value=value selected=selected>{label.to_string()}</option> }
    };
    let channel = filters.channel.map_or("", Channel::as_str);
    view! {
        <fieldset class="inbox-filters">
            <legend class="label">{b.filters_legend}</legend>
            <div class="form-group">
                <label class="label" for="inbox-procedure">{b.column_procedure}</label>
                <select class="select" id="inbox-procedure" name="thu-tuc">
                    {option("", b.filter_any, &filters.procedure)}
                    {procedures.iter().map(|(code, name)| option(code, name, &filters.procedure)).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="inbox-sector">{b.filter_sector}</label>
                <select class="select" id="inbox-sector" name="linh-vuc">
                    {option("", b.filter_any, &filters.sector)}
                    {sectors.iter().map(|(code, name)| option(code, name, &filters.sector)).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="inbox-channel">{b.channel_label}</label>
                <select class="select" id="inbox-channel" name="kenh">
                    {option("", b.filter_any, channel)}
                    {Channel::ALL.into_iter().map(|each| option(each.as_str(), (b.channel)(each), channel)).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="inbox-due">{b.filter_due}</label>
                <select class="select" id="inbox-due" name="han">
                    {option("", b.filter_any, &filters.due)}
                    {option("overdue", (b.mark)(DueMark::Overdue), &filters.due)}
                    {option("soon", (b.mark)(DueMark::DueSoon), &filters.due)}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="inbox-sort">{b.filter_sort}</label>
                <select class="select" id="inbox-sort" name="sap-xep">
                    {option("", b.sort_by_due, &filters.sort)}
                    {option("newest", b.sort_newest, &filters.sort)}
                </select>
            </div>
        </fieldset>
    }
}
