//! The draft editor's workflow: the four steps of the back office, each
//! with its names and its working hours. Who takes a step follows from its
//! stage, so it is shown, not asked.

use super::procedure_draft_form::row_input;
use crate::administration::procedures::StepLine;
use crate::forms::FormFeedback;
use crate::i18n::ProcedureContentTexts;
use leptos::prelude::*;

#[component]
pub fn WorkflowRows(
    steps: Vec<StepLine>,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    view! {
        <fieldset class="fieldset">
            <legend class="label">{c.workflow}</legend>
            <p class="hint">{c.workflow_hint}</p>
            <input type="hidden" name="steps" value=steps.len().to_string()/>
            {steps.into_iter().enumerate().map(|(index, step)| {
                view! { <StepRow index step feedback=feedback.clone() c/> }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn StepRow(
    index: usize,
    step: StepLine,
    feedback: FormFeedback,
    c: &'static ProcedureContentTexts,
) -> impl IntoView {
    let key = |part: &str| format!("step.{index}.{part}");
    let error = ["name", "budget_hours"]
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
        </div>
    }
}
