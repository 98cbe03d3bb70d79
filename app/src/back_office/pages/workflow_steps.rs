use crate::back_office::steps::{StepState, StepView};
use crate::i18n::use_texts;
use leptos::prelude::*;

/// The procedure's workflow on the officials' dossier page: every step with
/// its role and budget, the current one with its own deadline.
#[component]
pub fn WorkflowSteps(steps: Vec<StepView>) -> impl IntoView {
    let b = &use_texts().back_office;
    view! {
        <section class="section" aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">{b.workflow_heading}</h2>
            <p class="hint">{b.workflow_hint}</p>
            <ol class="workflow-steps">
                {steps.into_iter().map(|step| {
                    let class = match step.state {
                        StepState::Done => "workflow-step workflow-step--done",
                        StepState::Current => "workflow-step workflow-step--current",
                        StepState::Later => "workflow-step",
                    };
                    let current = (step.state == StepState::Current).then_some("step");
                    let deadline = (step.state == StepState::Current).then(|| match step.due.clone() {
                        Some(due) => view! {
                            <p>{format!("{}: ", b.step_due)}<strong>{due}</strong>
                                {step.overdue.then(|| view! { " "<span class="tag tag--red">{b.step_overdue}</span> })}
                            </p>
                        }.into_any(),
                        None => view! { <p>{b.step_paused}</p> }.into_any(),
                    });
                    view! {
                        <li class=class aria-current=current>
                            <p class="workflow-step__name"><strong>{step.name}</strong></p>
                            <p class="hint">{format!("{} · {} · {}", step.role, step.budget, (b.step_state)(step.state))}</p>
                            {deadline}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
