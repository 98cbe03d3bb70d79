//! `/hoi-dap/dat-cau-hoi`: a signed-in citizen sends a question to the
//! responsible agency, the procedure suggested from its text (the
//! assistant passes an unanswered question on in `?cau-hoi=`).

use crate::forms::{ErrorSummary, FieldGroup};
use crate::i18n::use_texts;
use crate::knowledge::questions::server_fns::load_ask_agency;
use crate::knowledge::questions::AskAgency;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The asking form.
pub const ASK_AGENCY_FORM: &str = "question_ask";

#[component]
pub fn AskAgencyPage() -> impl IntoView {
    let t = &use_texts().questions;
    let query = use_query_map();
    let data = Resource::new(move || query.get().get("cau-hoi"), load_ask_agency);
    view! {
        <PageLoader resource=data title=t.ask_title render={move |ask: AskAgency, session| {
            let feedback = session.feedback.form_for(ASK_AGENCY_FORM);
            let typed = |name: &str, stored: String| if feedback.values.contains_key(name) { feedback.value(name) } else { stored };
            let question = typed("question", ask.question.clone());
            let procedure = typed("procedure", ask.suggested.clone().unwrap_or_default());
            let sector = typed("sector", String::new());
            let described = if feedback.message_for("question").is_some() {
                "question-ask-question-hint question-ask-question-error"
            } else {
                "question-ask-question-hint"
            };
            view! {
                <PageTitle title=t.ask_title lead=(t.ask_lead)(ask.answer_days)/>
                <ErrorSummary form=feedback.clone()/>
                <form method="post" action=paths::ASK_AGENCY novalidate="">
                    <FieldGroup name="question" label=t.question hint=t.question_hint feedback=feedback.clone()>
                        <textarea class="textarea" id="question-ask-question" name="question" rows="5"
                            aria-describedby=described>{question}</textarea>
                    </FieldGroup>
                    <div class="form-group">
                        <label class="label" for="question-ask-procedure">{t.procedure}</label>
                        <p class="hint" id="question-ask-procedure-hint">{t.procedure_hint}</p>
                        <select class="select" id="question-ask-procedure" name="procedure" aria-describedby="question-ask-procedure-hint">
                            <option value="">{t.no_procedure}</option>
                            {ask.procedures.iter().map(|choice| view! {
                                <option value=choice.code.clone() selected=choice.code == procedure>{choice.name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="label" for="question-ask-sector">{t.sector}</label>
                        <select class="select" id="question-ask-sector" name="sector">
                            <option value="">{t.no_sector}</option>
                            {ask.sectors.iter().map(|choice| view! {
                                <option value=choice.code.clone() selected=choice.code == sector>{choice.name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button">{t.send}</button>
                </form>
            }
        }}/>
    }
}
