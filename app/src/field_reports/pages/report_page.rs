//! `/phan-anh/{code}`: one report — its place, photos, status, history and,
//! once published, the agency's answer. Its reporter and followers rate
//! the result, and the reporter may reopen it for a number of days.

use super::report_parts::{Photos, StatusTag, Timeline};
use super::when;
use crate::field_reports::server_fns::load_report;
use crate::field_reports::ReportView;
use crate::forms::{ErrorSummary, FieldGroup};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Rating and reopening.
pub const REPORT_ACTION_FORM: &str = "report_action";

#[component]
pub fn ReportPage() -> impl IntoView {
    let t = &use_texts().field_reports;
    let params = use_params_map();
    let data = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_report,
    );
    view! {
        <PageLoader resource=data title=t.board_title render={move |report: ReportView, session| {
            let feedback = session.feedback.form_for(REPORT_ACTION_FORM);
            let card = report.card.clone();
            let title = format!("{} · {}", card.code, card.category);
            let place = [card.street.clone(), card.commune.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            let visitor = report.visitor.clone();
            let code = card.code.clone();
            let stars_error = feedback.message_for("stars");
            let typed_comment = feedback.value("comment");
            let typed_reason = feedback.value("reason");
            let rate_feedback = feedback.clone();
            let reopen_feedback = feedback.clone();
            view! {
                <p><a href=paths::REPORTS_BOARD>{t.board_title}</a></p>
                <PageTitle title=title/>
                <p><StatusTag status=card.status overdue=card.overdue/></p>
                {(!report.public).then(|| view! { <p class="notice notice--info">{t.private_note}</p> })}
                <dl class="summary-list">
                    <div><dt>{t.place}</dt><dd>{place}</dd></div>
                    {report.latitude.zip(report.longitude).map(|(lat, lon)| view! {
                        <div><dt>{t.coordinates}</dt><dd>{format!("{lat:.5}, {lon:.5}")}
                            {report.place_from_photo.then(|| view! { " ("{t.place_from_photo}")" })}</dd></div>
                    })}
                    <div><dt>{t.received_on}</dt><dd>{when(card.received)}</dd></div>
                    <div><dt>{t.due_by}</dt><dd>{when(card.due)}</dd></div>
                    {card.agency.clone().map(|agency| view! { <div><dt>{t.agency}</dt><dd>{agency}</dd></div> })}
                    <div><dt>{t.followers_label}</dt><dd>{card.followers}</dd></div>
                </dl>
                <p class="report-description">{card.description.clone()}</p>
                <Photos photos=report.before_photos.clone() heading=t.photos_before/>
                {report.answer.clone().map(|answer| view! {
                    <section class="section" aria-labelledby="report-answer">
                        <h2 id="report-answer">{t.answer_heading}</h2>
                        <p class="report-answer">{answer}</p>
                        {report.average_rating.map(|avg| view! { <p class="hint">{(t.average)(avg)}</p> })}
                    </section>
                })}
                <Photos photos=report.after_photos.clone() heading=t.photos_after/>
                {report.refusal.clone().map(|(reason, note)| view! {
                    <section class="section">
                        <h2>{t.refused_heading}</h2>
                        <p><strong>{(t.refusal_reason)(reason)}</strong></p>
                        <p>{note}</p>
                    </section>
                })}
                {report.merged_into.clone().map(|master| view! {
                    <p>{t.merged_into}" "<a href=paths::report(&master)>{master.clone()}</a></p>
                })}
                <ErrorSummary form=feedback.clone()/>
                {(visitor.signed_in && !visitor.is_reporter && card.status.is_open()).then(|| view! {
                    <form method="post" action=paths::report_follow(&code) class="inline-form">
                        <button type="submit" class="button button--secondary" name="follow" value=if visitor.follows { "0" } else { "1" }>
                            {if visitor.follows { t.unfollow } else { t.follow }}
                        </button>
                    </form>
                })}
                {visitor.may_rate.then(|| view! {
                    <section class="section" aria-labelledby="report-rate">
                        <h2 id="report-rate">{t.rate_heading}</h2>
                        {visitor.rating.map(|stars| view! { <p>{(t.your_rating)(stars)}</p> })}
                        <form method="post" action=paths::report_rating(&code) novalidate="">
                            <fieldset class="fieldset" id="report-action-stars">
                                <legend class="label">{t.rate_heading}</legend>
                                {stars_error.clone().map(|m| view! { <p class="error-message">{m}</p> })}
                                <div class="radios radios--inline">
                                    {(1..=5i16).map(|n| view! {
                                        <div class="radio">
                                            <input class="radio__input" type="radio" name="stars" value=n.to_string()
                                                id=format!("report-stars-{n}") checked=visitor.rating == Some(n)/>
                                            <label class="radio__label" for=format!("report-stars-{n}")>{(t.stars)(n)}</label>
                                        </div>
                                    }).collect_view()}
                                </div>
                            </fieldset>
                            <FieldGroup name="comment" label=t.comment feedback=rate_feedback.clone()>
                                <textarea class="textarea" id="report-action-comment" name="comment" rows="2">{typed_comment.clone()}</textarea>
                            </FieldGroup>
                            <button type="submit" class="button">{t.rate}</button>
                        </form>
                    </section>
                })}
                {visitor.reopen_until.map(|until| view! {
                    <section class="section" aria-labelledby="report-reopen">
                        <h2 id="report-reopen">{t.reopen_heading}</h2>
                        <p>{(t.reopen_lead)(&when(until))}</p>
                        <form method="post" action=paths::report_reopen(&code) novalidate="">
                            <FieldGroup name="reason" label=t.reopen_reason feedback=reopen_feedback.clone()>
                                <textarea class="textarea" id="report-action-reason" name="reason" rows="3">{typed_reason.clone()}</textarea>
                            </FieldGroup>
                            <button type="submit" class="button button--secondary">{t.reopen}</button>
                        </form>
                    </section>
                })}
                <Timeline entries=report.timeline.clone()/>
            }
        }}/>
    }
}
