use super::model::{CounterDesk, WalkInApplicant};
use super::server_fns::load_counter_desk;
use super::walk_in::FORM_NAME;
use crate::forms::{ErrorSummary, FormFeedback, SubmitButton, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/can-bo/tiep-nhan?cccd=`: find a walk-in applicant by CCCD or record
/// them, then choose the procedure to file. Plain GET and POST forms.
#[component]
pub fn CounterDeskPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let desk = Resource::new(
        move || query.get().get("cccd").unwrap_or_default(),
        load_counter_desk,
    );
    view! {
        <PageTitle title=t.counter.title lead=t.counter.lead breadcrumb=(paths::INBOX, t.back_office.inbox_title)/>
        <PageLoader resource=desk render={|desk: CounterDesk, session| {
            let record = session.feedback.form_for(FORM_NAME);
            view! { <CounterDeskView desk record/> }
        }}/>
    }
}

#[component]
fn CounterDeskView(desk: CounterDesk, record: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let c = &t.counter;
    let error = desk.search_error.clone();
    let group_class = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    // A record refused by the server comes back with what was typed.
    let show_record =
        (!desk.searched.is_empty() && desk.search_error.is_none() && desk.applicant.is_none())
            || !record.values.is_empty();
    view! {
        <form method="get" action=paths::COUNTER class="search-form" role="search">
            <div class=group_class>
                <label class="label" for="counter-cccd">{c.search_label}</label>
                <p class="hint" id="counter-cccd-hint">{c.search_hint}</p>
                {error.clone().map(|message| view! { <p class="error-message" id="counter-cccd-error">{message}</p> })}
                <input class="input input--medium" id="counter-cccd" name="cccd" inputmode="numeric"
                    autocomplete="off" value=desk.searched.clone()
                    aria-describedby=if error.is_some() { "counter-cccd-hint counter-cccd-error" } else { "counter-cccd-hint" }
                    aria-invalid=error.is_some().then_some("true")/>
            </div>
            <button type="submit" class="button">{c.search_button}</button>
        </form>
        {desk.applicant.clone().map(|applicant| view! { <Applicant applicant procedures=desk.procedures.clone()/> })}
        {show_record.then(|| view! { <RecordForm searched=desk.searched.clone() feedback=record/> })}
    }
}

/// The applicant found, and the procedure chooser (a GET form).
#[component]
fn Applicant(applicant: WalkInApplicant, procedures: Vec<(String, String)>) -> impl IntoView {
    let t = use_texts();
    let c = &t.counter;
    let or_none = move |value: Option<String>| value.unwrap_or_else(|| c.none_given.to_string());
    view! {
        <section class="section" aria-labelledby="applicant-heading">
            <h2 id="applicant-heading">{format!("{}: {}", c.found_heading, applicant.full_name)}</h2>
            <dl class="summary-list">
                <div><dt>{c.citizen_id}</dt><dd>{applicant.citizen_id.clone()}</dd></div>
                <div><dt>{c.date_of_birth}</dt><dd>{or_none(applicant.date_of_birth.clone())}</dd></div>
                <div><dt>{c.phone}</dt><dd>{or_none(applicant.phone.clone())}</dd></div>
                <div><dt>{c.email}</dt><dd>{or_none(applicant.email.clone())}</dd></div>
            </dl>
            <p class="hint">{if applicant.has_account { c.has_account } else { c.no_account }}</p>
            {if procedures.is_empty() {
                view! { <p>{c.no_procedures}</p> }.into_any()
            } else {
                view! {
                    <form method="get" action=paths::COUNTER_START_FILING class="search-form">
                        <input type="hidden" name="nguoi-nop" value=applicant.id.to_string()/>
                        <div class="form-group">
                            <label class="label" for="counter-procedure">{c.procedure_label}</label>
                            <select class="select" id="counter-procedure" name="thu-tuc">
                                {procedures.into_iter().map(|(code, name)| view! {
                                    <option value=code.clone()>{format!("{name} ({code})")}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button">{c.start_filing}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}

/// Records a walk-in applicant the portal does not know yet.
#[component]
fn RecordForm(searched: String, feedback: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let c = &t.counter;
    let fresh = feedback.values.is_empty();
    view! {
        <section class="section" aria-labelledby="record-heading">
            {fresh.then(|| view! { <p class="notice notice--info">{(c.not_found)(&searched)}</p> })}
            <h2 id="record-heading">{c.record_heading}</h2>
            <p class="hint">{c.record_hint}</p>
            <ErrorSummary form=feedback.clone()/>
            <form method="post" action=paths::COUNTER_WALK_IN novalidate>
                <TextField name="full_name" label=c.full_name feedback=feedback.clone() autocomplete="off" required=true/>
                <TextField name="citizen_id" label=c.citizen_id feedback=feedback.clone() inputmode="numeric"
                    required=true initial=searched.clone()/>
                <TextField name="date_of_birth" label=c.date_of_birth feedback=feedback.clone()
                    hint=t.accounts.date_of_birth_hint required=true/>
                <TextField name="phone" label=c.phone kind="tel" feedback=feedback.clone() hint=c.optional_hint/>
                <TextField name="email" label=c.email kind="email" feedback=feedback.clone() hint=c.optional_hint/>
                <SubmitButton label=c.record_button/>
            </form>
        </section>
    }
}
