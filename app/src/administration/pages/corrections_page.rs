//! `/quan-tri/yeu-cau-chinh-sua`: the citizens' requests to correct their
//! data that this administrator may answer (account requests for the
//! province's administrators, dossier requests for those reaching the
//! dossier's agency). Each is answered by a plain form: corrected, or not
//! with the reason.

use crate::accounts::corrections::{load_correction_queue, QueuedRequest};
use crate::forms::{field_id, ErrorSummary, FieldGroup, FormFeedback};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// An answer's form name.
pub fn answer_form(id: i64) -> String {
    format!("correction_answer_{id}")
}

#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let c = &use_texts().corrections;
    let data = Resource::new(|| (), |_| load_correction_queue());
    view! {
        <PageLoader resource=data title=c.queue_title render={move |queue: Vec<QueuedRequest>, session| view! {
            <PageTitle title=c.queue_title lead=c.queue_lead/>
            {queue.is_empty().then(|| view! { <p>{c.queue_empty}</p> })}
            {queue.into_iter().map(|request| {
                let feedback = session.feedback.form_for(&answer_form(request.id));
                view! { <QueuedItem request feedback/> }
            }).collect_view()}
        }}/>
    }
}

#[component]
fn QueuedItem(request: QueuedRequest, feedback: FormFeedback) -> impl IntoView {
    let c = &use_texts().corrections;
    let heading = format!("correction-{}", request.id);
    let heading_id = heading.clone();
    let described = heading.clone();
    let form = answer_form(request.id);
    let about = match (&request.dossier_code, &request.agency_name) {
        (Some(code), Some(agency)) => format!("{} {code} ({agency})", c.about_dossier),
        (Some(code), None) => format!("{} {code}", c.about_dossier),
        _ => c.about_account.to_string(),
    };
    let who = match &request.citizen_id_end {
        Some(end) => format!("{} (CCCD …{end})", request.asked_by),
        None => request.asked_by.clone(),
    };
    let answer_id = field_id(&form, "answer");
    let outcome = feedback.value("outcome");
    view! {
        <section class="section" aria-labelledby=heading>
            <h2 id=heading_id>{about}</h2>
            <dl class="summary-list">
                <div><dt>{c.asked_by}</dt><dd>{who}</dd></div>
                <div><dt>{c.details}</dt><dd>{request.details.clone()}</dd></div>
            </dl>
            <p class="hint">{(c.sent_on)(&request.sent_on)}</p>
            <ErrorSummary form=feedback.clone()/>
            <form method="post" action=paths::answer_correction(request.id) novalidate="">
                <fieldset class="fieldset">
                    <legend class="label">{c.outcome}</legend>
                    <div class="radio">
                        <input class="radio__input" type="radio" id=format!("{form}-corrected") name="outcome" value="corrected"
                            checked=outcome != "refused"/>
                        <label class="radio__label" for=format!("{form}-corrected")>{c.mark_corrected}</label>
                    </div>
                    <div class="radio">
                        <input class="radio__input" type="radio" id=format!("{form}-refused") name="outcome" value="refused"
                            checked=outcome == "refused"/>
                        <label class="radio__label" for=format!("{form}-refused")>{c.mark_refused}</label>
                    </div>
                </fieldset>
                <FieldGroup name="answer" label=c.answer hint=c.answer_hint feedback=feedback.clone()>
                    <textarea class="textarea" id=answer_id.clone() name="answer" rows="3" maxlength="2000"
                        aria-describedby=format!("{answer_id}-hint")>{feedback.value("answer")}</textarea>
                </FieldGroup>
                <button type="submit" class="button" aria-describedby=described>{c.save_answer}</button>
            </form>
        </section>
    }
}
