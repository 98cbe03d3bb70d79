//! `/can-bo/phan-anh/{code}`: one report for the officials handling it.
//! The coordinator forwards, merges or refuses a new report, decides an
//! asked extension and publishes (or sends back) an answer; the agency's
//! staff give it to an official, answer it with photos, send it back as
//! not theirs or ask for more time. The agency never sees who reported.

use super::report_parts::{Photos, ReportCards, StatusTag, Timeline};
use super::when;
use crate::field_reports::rules::{allowed, allowed_now, Step};
use crate::field_reports::server_fns::load_report_to_handle;
use crate::field_reports::{RefusalReason, ReportToHandle, MAX_PHOTOS};
use crate::forms::{ErrorSummary, FieldGroup, FormFeedback};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Every step's form on this page reports into one feedback.
pub const HANDLING_FORM: &str = "report_handling";

#[component]
pub fn ReportHandlingPage() -> impl IntoView {
    let t = &use_texts().field_reports;
    let params = use_params_map();
    let data = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_report_to_handle,
    );
    view! {
        <PageLoader resource=data title=t.handle_title render={move |report: ReportToHandle, session| {
            let feedback = session.feedback.form_for(HANDLING_FORM);
            let card = report.view.card.clone();
            let place = [card.street.clone(), card.commune.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            view! {
                <p><a href=paths::REPORT_QUEUE>{t.queue_title}</a></p>
                <PageTitle title=format!("{} · {}", card.code, card.category)/>
                <p><StatusTag status=card.status overdue=card.overdue/></p>
                <dl class="summary-list">
                    <div><dt>{t.reporter}</dt><dd>{match report.reporter.clone() {
                        Some(who) => [Some(who.name), who.email, who.phone].into_iter().flatten().collect::<Vec<_>>().join(" · "),
                        None => t.reporter_hidden.to_string(),
                    }}</dd></div>
                    <div><dt>{t.channel}</dt><dd>{match report.channel.as_str() {
                        "counter" => t.channel_counter,
                        "hotline" => t.channel_hotline,
                        _ => t.channel_web,
                    }}</dd></div>
                    <div><dt>{t.place}</dt><dd>{place}
                        {report.view.latitude.zip(report.view.longitude).map(|(lat, lon)| format!(" ({lat:.5}, {lon:.5})"))}</dd></div>
                    <div><dt>{t.received_on}</dt><dd>{when(card.received)}</dd></div>
                    <div><dt>{t.due_by}</dt><dd>{when(card.due)}</dd></div>
                    {card.agency.clone().map(|agency| view! { <div><dt>{t.agency}</dt><dd>{agency}</dd></div> })}
                    {report.assignee.clone().map(|name| view! { <div><dt>{t.assignee}</dt><dd>{name}</dd></div> })}
                </dl>
                <p class="report-description">{card.description.clone()}</p>
                <Photos photos=report.view.before_photos.clone() heading=t.photos_before/>
                <ErrorSummary form=feedback.clone()/>
                {report.coordinator.then(|| view! { <CoordinatorSteps report=report.clone() feedback=feedback.clone()/> })}
                {report.may_act_for_agency.then(|| view! { <AgencySteps report=report.clone() feedback=feedback.clone()/> })}
                <Timeline entries=report.view.timeline.clone()/>
            }
        }}/>
    }
}

#[component]
fn CoordinatorSteps(report: ReportToHandle, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().field_reports;
    let status = report.view.card.status;
    let action = paths::report_handling(&report.view.card.code);
    let default = report.default_agency.clone().unwrap_or_default();
    let typed_reason = feedback.value("reason");
    let typed_note = feedback.value("note");
    view! {
        {allowed(status, Step::Forward).then({ let feedback = feedback.clone(); let action = action.clone(); let typed_reason = typed_reason.clone(); move || view! {
            <section class="section" aria-labelledby="handling-forward">
                <h2 id="handling-forward">{t.forward_heading}</h2>
                <form method="post" action=action.clone() novalidate="">
                    <input type="hidden" name="action" value="forward"/>
                    <FieldGroup name="agency" label=t.forward_to feedback=feedback.clone()>
                        <select class="select" id="report-handling-agency" name="agency">
                            <option value="">{t.choose}</option>
                            {report.agencies.iter().map(|agency| view! {
                                <option value=agency.code.clone() selected=agency.code == default>{agency.name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </FieldGroup>
                    <button type="submit" class="button">{t.forward}</button>
                </form>
            </section>
            {(!report.merge_into.is_empty()).then(|| view! {
                <section class="section" aria-labelledby="handling-merge">
                    <h2 id="handling-merge">{t.merge_heading}</h2>
                    <ReportCards reports=report.merge_into.clone() link=|code: &str| paths::report_handling(code)/>
                    <form method="post" action=action.clone() novalidate="">
                        <input type="hidden" name="action" value="merge"/>
                        <FieldGroup name="master" label=t.master feedback=feedback.clone()>
                            <select class="select" id="report-handling-master" name="master">
                                {report.merge_into.iter().map(|card| view! {
                                    <option value=card.code.clone()>{format!("{} · {}", card.code, card.category)}</option>
                                }).collect_view()}
                            </select>
                        </FieldGroup>
                        <button type="submit" class="button button--secondary">{t.merge}</button>
                    </form>
                </section>
            })}
            <section class="section" aria-labelledby="handling-refuse">
                <h2 id="handling-refuse">{t.refuse_heading}</h2>
                <form method="post" action=action.clone() novalidate="">
                    <input type="hidden" name="action" value="refuse"/>
                    <FieldGroup name="reason" label=t.refusal_reason_label feedback=feedback.clone()>
                        <select class="select" id="report-handling-reason" name="reason">
                            <option value="">{t.choose}</option>
                            {RefusalReason::ALL.into_iter().map(|reason| view! {
                                <option value=reason.as_str() selected=typed_reason.clone() == reason.as_str()>{(t.refusal_reason)(reason)}</option>
                            }).collect_view()}
                        </select>
                    </FieldGroup>
                    <FieldGroup name="note" label=t.refusal_note hint=t.refusal_note_hint feedback=feedback.clone()>
                        <textarea class="textarea" id="report-handling-note" name="note" rows="3"
                            aria-describedby="report-handling-note-hint">{typed_note.clone()}</textarea>
                    </FieldGroup>
                    <button type="submit" class="button button--warning">{t.refuse}</button>
                </form>
            </section>
        }})}
        {report.extension.clone().map(|(until, reason)| view! {
            <section class="section" aria-labelledby="handling-extension">
                <h2 id="handling-extension">{t.extension_heading}</h2>
                <p>{(t.extension_asked)(&when(until), &reason)}</p>
                <form method="post" action=action.clone() class="inline-form">
                    <input type="hidden" name="action" value="decide_extension"/>
                    <button type="submit" class="button" name="grant" value="1">{t.grant}</button>
                    " "
                    <button type="submit" class="button button--secondary" name="grant" value="0">{t.decline}</button>
                </form>
            </section>
        })}
        {allowed(status, Step::Publish).then(|| view! {
            <section class="section" aria-labelledby="handling-publish">
                <h2 id="handling-publish">{t.publish_heading}</h2>
                <p class="report-answer">{report.view.answer.clone().unwrap_or_default()}</p>
                <Photos photos=report.view.after_photos.clone() heading=t.photos_after/>
                <form method="post" action=action.clone() novalidate="">
                    <input type="hidden" name="action" value="publish"/>
                    <button type="submit" class="button">{t.publish}</button>
                </form>
                <NoteForm action=action.clone() step="return_answer" name="return_note"
                    label=t.return_answer_note button=t.return_answer feedback=feedback.clone()/>
            </section>
        })}
    }
}

#[component]
fn AgencySteps(report: ReportToHandle, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().field_reports;
    let status = report.view.card.status;
    let code = report.view.card.code.clone();
    let action = paths::report_handling(&code);
    let typed_answer = feedback.value("answer");
    let typed_until = feedback.value("until");
    let typed_extension_reason = feedback.value("extension_reason");
    view! {
        {allowed(status, Step::Assign).then({ let feedback = feedback.clone(); let action = action.clone(); move || view! {
            <section class="section" aria-labelledby="handling-assign">
                <h2 id="handling-assign">{t.assign_heading}</h2>
                <form method="post" action=action.clone() novalidate="">
                    <input type="hidden" name="action" value="assign"/>
                    <FieldGroup name="official" label=t.assignee feedback=feedback.clone()>
                        <select class="select" id="report-handling-official" name="official">
                            {report.officials.iter().map(|official| view! {
                                <option value=official.code.clone()>{official.name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </FieldGroup>
                    <button type="submit" class="button button--secondary">{t.assign}</button>
                </form>
            </section>
        }})}
        {allowed(status, Step::Answer).then(|| view! {
            <section class="section" aria-labelledby="handling-answer">
                <h2 id="handling-answer">{t.send_answer}</h2>
                <form method="post" action=paths::report_answer(&code) enctype="multipart/form-data" novalidate="">
                    <FieldGroup name="answer" label=t.answer_label hint=t.answer_hint feedback=feedback.clone()>
                        <textarea class="textarea" id="report-handling-answer" name="answer" rows="6"
                            aria-describedby="report-handling-answer-hint">{typed_answer.clone()}</textarea>
                    </FieldGroup>
                    <FieldGroup name="photo" label=t.after_photos feedback=feedback.clone()>
                        <p class="hint" id="report-handling-photo-hint">{(t.photos_hint)(MAX_PHOTOS, 10)}</p>
                        <input class="file-input" type="file" id="report-handling-photo" name="photo" multiple
                            accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif" aria-describedby="report-handling-photo-hint"/>
                    </FieldGroup>
                    <button type="submit" class="button">{t.send_answer}</button>
                </form>
            </section>
            {allowed_now(status, report.extension.is_some(), Step::AskExtension).then(|| view! {
            <section class="section" aria-labelledby="handling-extension-ask">
                <h2 id="handling-extension-ask">{t.extension_heading}</h2>
                <form method="post" action=action.clone() novalidate="">
                    <input type="hidden" name="action" value="ask_extension"/>
                    <FieldGroup name="until" label=t.extension_until feedback=feedback.clone()>
                        <input class="input input--short" type="date" id="report-handling-until" name="until" value=typed_until.clone()/>
                    </FieldGroup>
                    <FieldGroup name="extension_reason" label=t.extension_reason feedback=feedback.clone()>
                        <textarea class="textarea" id="report-handling-extension-reason" name="extension_reason" rows="2">{typed_extension_reason.clone()}</textarea>
                    </FieldGroup>
                    <button type="submit" class="button button--secondary">{t.ask_extension}</button>
                </form>
            </section>
            })}
            <section class="section" aria-labelledby="handling-return">
                <h2 id="handling-return">{t.return_heading}</h2>
                <NoteForm action=action.clone() step="return" name="return_reason"
                    label=t.return_reason button=t.return_to_coordinator feedback=feedback.clone()/>
            </section>
        })}
    }
}

/// One step that takes a note: the step's name, a text area and a button.
#[component]
fn NoteForm(
    action: String,
    step: &'static str,
    name: &'static str,
    label: &'static str,
    button: &'static str,
    feedback: FormFeedback,
) -> impl IntoView {
    let id = crate::forms::field_id(&feedback.form, name);
    let typed = feedback.value(name);
    view! {
        <form method="post" action=action novalidate="">
            <input type="hidden" name="action" value=step/>
            <FieldGroup name=name label=label feedback=feedback>
                <textarea class="textarea" id=id name=name rows="2">{typed}</textarea>
            </FieldGroup>
            <button type="submit" class="button button--secondary">{button}</button>
        </form>
    }
}
