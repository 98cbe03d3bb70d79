//! The draft editor's workflow: the four steps of the back office, each
//! with its names, its working hours and, after reception, the agency that
//! takes it when it is not the receiving one (liên thông). Who takes a step
//! follows from its stage, so it is shown, not asked.

use super::procedure_draft_form::row_input;
use crate::administration::procedures::StepLine;
use crate::forms::FormFeedback;
use crate::i18n::ProcedureContentTexts;
use leptos::prelude::*;

#[component]
pub fn WorkflowRows(
    steps: Vec<StepLine>,
    agencies: Vec<(String, String)>,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    view! {
        <fieldset class="fieldset">
            <legend class="label">{c.workflow}</legend>
            <p class="hint">{c.workflow_hint}</p>
            <input type="hidden" name="steps" value=steps.len().to_string()/>
            {steps.into_iter().enumerate().map(|(index, step)| {
                view! { <StepRow index step agencies=agencies.clone() feedback=feedback.clone() c/> }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn StepRow(
    index: usize,
    step: StepLine,
    agencies: Vec<(String, String)>,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    let key = |part: &str| format!("step.{index}.{part}");
    let error = ["name", "budget_hours", "agency"]
        .iter()
        .find_map(|part| feedback.message_for(&key(part)));
    let class = if error.is_some() {
        "editor-row form-group--error"
    } else {
        "editor-row"
    };
    let heading = (c.stage_heading)(&step.stage);
    let input = |part: &str, label: &str, stored: String, short: bool| {
        row_input(&feedback, key(part), label.to_string(), stored, short)
    };
    view! {
        <div class=class role="group" aria-label=heading>
            <p class="editor-row__heading">{heading}</p>
            {error.map(|message| view! { <p class="error-message">{message}</p> })}
            <input type="hidden" name=key("stage") value=step.stage.clone()/>
            {input("name", c.step_name, step.name.clone(), false)}
            {input("name_en", c.step_name_en, step.name_en.clone(), false)}
            {input("budget_hours", c.budget_hours, step.budget_hours.to_string(), true)}
            // Reception is the receiving agency's own.
            {(step.stage != "reception").then(|| {
                let chosen = super::procedure_draft_form::typed(&feedback, &key("agency"), step.agency.clone());
                let id = crate::forms::field_id(super::procedure_draft_form::DRAFT_FORM, &key("agency"));
                view! {
                    <div class="form-group">
                        <label class="label" for=id.clone()>{c.step_agency}</label>
                        <select class="select" id=id name=key("agency")>
                            <option value="" selected=chosen.is_empty()>{c.receiving_agency}</option>
                            {agencies.iter().map(|(code, name)| view! {
                                <option value=code.clone() selected=*code == chosen>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            })}
        </div>
    }
}
