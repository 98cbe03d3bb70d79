use crate::administration::calendar::{
    load_calendar, CalendarDayRow, CalendarView, DayKind, DaySource,
};
use crate::forms::{field_id, ErrorSummary, FormFeedback, TextField};
use crate::i18n::{use_texts, CalendarTexts};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The form names the server's handlers answer to.
pub const ADD_DAY_FORM: &str = "add_calendar_day";
pub const CONFIRM_YEAR_FORM: &str = "confirm_calendar_year";

/// `/quan-tri/lich-lam-viec?nam=`: a year's days off and make-up days, and
/// (for the province's administrators) the forms that change them.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            query
                .get()
                .get("nam")
                .and_then(|year| year.parse::<i32>().ok())
        },
        load_calendar,
    );
    view! {
        <PageLoader resource=data title=t.calendar.title not_found=true render={move |view: CalendarView, session| {
            let add = session.feedback.form_for(ADD_DAY_FORM);
            let confirm = session.feedback.form_for(CONFIRM_YEAR_FORM);
            view! {
                <ErrorSummary form=add.clone()/>
                <ErrorSummary form=confirm.clone()/>
                <Calendar view add confirm/>
            }
        }}/>
    }
}

#[component]
fn Calendar(view: CalendarView, add: FormFeedback, confirm: FormFeedback) -> impl IntoView {
    let k = &use_texts().calendar;
    let year = view.year;
    let status = match &view.confirmation {
        Some(confirmation) => {
            (k.confirmed_line)(&confirmation.at, confirmation.by.as_deref())
                + &confirmation
                    .note
                    .as_ref()
                    .map(|note| format!(" {note}"))
                    .unwrap_or_default()
        }
        None => k.provisional_line.to_string(),
    };
    let provisional = view.confirmation.is_none();
    view! {
        <PageTitle title=format!("{} {year}", k.title) document_title=format!("{} {year}", k.title) lead=k.lead/>
        <nav aria-label=k.years_label class="queues">
            <ul class="queues__list">
                {view.years.iter().map(|entry| {
                    let current = entry.year == year;
                    let class = if current { "queues__link queues__link--current" } else { "queues__link" };
                    let state = if entry.confirmed { k.confirmed_year } else { k.provisional_year };
                    view! {
                        <li><a class=class href=paths::calendar_year(entry.year) aria-current=current.then_some("page")>
                            {format!("{} ({state})", entry.year)}
                        </a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <p class=if provisional { "notice notice--warning" } else { "notice" }>{status}</p>
        <DayTable days=view.days k/>
        {if view.may_edit {
            view! {
                <AddDayForm feedback=add k/>
                {provisional.then(|| view! { <ConfirmYearForm year feedback=confirm k/> })}
            }.into_any()
        } else {
            view! { <p>{k.read_only}</p> }.into_any()
        }}
    }
}

#[component]
fn DayTable(days: Vec<CalendarDayRow>, k: &'static CalendarTexts) -> impl IntoView {
    if days.is_empty() {
        return view! { <p>{k.none}</p> }.into_any();
    }
    view! {
        <DataTable label=k.title class="table--stack-on-phone" columns={Column::list([
            k.day, k.weekday, k.kind, k.name, k.source, "",
        ])}>
            {days.into_iter().map(|row| {
                let shown = row.day.format("%d/%m/%Y").to_string();
                let kind = match row.kind { DayKind::Holiday => k.holiday, DayKind::MakeUp => k.make_up };
                let source = match row.source { DaySource::Listed => k.listed, DaySource::Proposed => k.proposed };
                view! {
                    <tr>
                        <td>{shown.clone()}</td>
                        <td data-label=k.weekday>{(k.weekday_name)(row.day.weekday())}</td>
                        <td data-label=k.kind>{kind}</td>
                        <td data-label=k.name>{row.name}</td>
                        <td data-label=k.source>{source}</td>
                        <td class="table__actions">
                            {row.removable.then(|| view! {
                                <form method="post" action=paths::remove_calendar_day(row.day) class="inline-form">
                                    <button type="submit" class="link-button">
                                        {k.remove}<span class="visually-hidden">{format!(" {shown}")}</span>
                                    </button>
                                </form>
                            })}
                        </td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

#[component]
fn AddDayForm(feedback: FormFeedback, k: &'static CalendarTexts) -> impl IntoView {
    let kind_id = field_id(ADD_DAY_FORM, "kind");
    let kind_error = feedback.message_for("kind");
    let chosen = feedback.value("kind");
    let group_class = if kind_error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    view! {
        <section class="section">
            <h2>{k.add_heading}</h2>
            <p>{k.add_hint}</p>
            <form method="post" action=paths::CALENDAR novalidate="">
                <TextField name="day" label=k.day hint=k.day_hint feedback=feedback.clone() required=true inputmode="numeric"/>
                <div class=group_class>
                    <fieldset class="fieldset" id=kind_id.clone()
                        aria-describedby=kind_error.as_ref().map(|_| format!("{kind_id}-error"))>
                        <legend class="label">{k.kind}</legend>
                        {kind_error.clone().map(|message| view! { <p class="error-message" id=format!("{kind_id}-error")>{message}</p> })}
                        {[(DayKind::Holiday, k.holiday), (DayKind::MakeUp, k.make_up)].into_iter().map(|(kind, label)| {
                            let option_id = format!("{kind_id}-{}", kind.as_str());
                            view! {
                                <div class="radio">
                                    <input class="radio__input" type="radio" id=option_id.clone() name="kind"
                                        value=kind.as_str() checked=chosen == kind.as_str()/>
                                    <label class="radio__label" for=option_id>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                </div>
                <TextField name="name" label=k.name hint=k.name_hint feedback=feedback required=true/>
                <button type="submit" class="button">{k.add_button}</button>
            </form>
        </section>
    }
}

#[component]
fn ConfirmYearForm(year: i32, feedback: FormFeedback, k: &'static CalendarTexts) -> impl IntoView {
    view! {
        <section class="section">
            <h2>{(k.confirm_heading)(year)}</h2>
            <p>{k.confirm_hint}</p>
            <form method="post" action=paths::confirm_calendar_year(year) novalidate="">
                <TextField name="note" label=k.note hint=k.note_hint feedback required=true/>
                <button type="submit" class="button">{(k.confirm_button)(year)}</button>
            </form>
        </section>
    }
}
