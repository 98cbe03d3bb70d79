//! A version's workflow (quy trình nội bộ) as the draft editor takes it:
//! the four steps of the back office's one state machine, each with its
//! name and the working hours it may take. Who takes a step follows from
//! its stage (the machine lets only that role finish it), so the editor
//! does not offer a choice that would be refused.

use super::FieldRefusal;
use crate::dossiers::workflow_steps::{self, Stage, WorkflowProblem, WorkflowStep};
use serde::{Deserialize, Serialize};

/// One step as edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepLine {
    /// `reception`, `processing`, `approval` or `return`.
    pub stage: String,
    pub name: String,
    /// Empty when the English name is not given.
    pub name_en: String,
    /// Working hours; -1 when what was typed is not a number.
    pub budget_hours: i32,
    /// Liên thông: the code of the agency that takes the step; empty for
    /// the agency that receives the dossier.
    pub agency: String,
}

/// The most a step may be given: a year of working days.
const BUDGET_LIMIT: i32 = 365 * 8;

/// The refusals of the steps as typed (names, numbers).
pub fn check_steps(steps: &[StepLine], text_limit: usize) -> Vec<(String, FieldRefusal)> {
    let mut refused = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        let key = |part: &str| format!("step.{index}.{part}");
        // Reception is the receiving agency's own; the editor offers no
        // other.
        if step.stage == "reception" && !step.agency.is_empty() {
            refused.push((key("agency"), FieldRefusal::UnknownChoice));
        }
        if step.name.is_empty() {
            refused.push((key("name"), FieldRefusal::Missing));
        } else if step.name.chars().count() > text_limit
            || step.name_en.chars().count() > text_limit
        {
            refused.push((key("name"), FieldRefusal::TooLong));
        }
        if !(0..=BUDGET_LIMIT).contains(&step.budget_hours) {
            refused.push((key("budget_hours"), FieldRefusal::Budget));
        }
    }
    refused
}

/// The working hours a processing time allows: a working day is 8 hours,
/// a same-day procedure has at most one working day.
pub fn processing_hours(time_unit: &str, time_value: i32) -> u32 {
    let value = u32::try_from(time_value).unwrap_or(0);
    match time_unit {
        "working_days" => value * 8,
        "same_day" => 8,
        _ => value,
    }
}

/// The workflow as the state machine's steps, when every stage is known.
pub fn as_steps(steps: &[StepLine]) -> Option<Vec<WorkflowStep>> {
    steps
        .iter()
        .map(|line| {
            let stage = Stage::parse(&line.stage)?;
            Some(WorkflowStep {
                stage,
                role: stage.role(),
                name: line.name.clone(),
                name_en: (!line.name_en.is_empty()).then(|| line.name_en.clone()),
                budget_hours: u32::try_from(line.budget_hours).ok()?,
                agency_code: (!line.agency.is_empty()).then(|| line.agency.clone()),
                agency_name: None,
            })
        })
        .collect()
}

/// Whether the workflow may be published with a processing time of
/// `time_unit`/`time_value`: the four steps in order, the return of the
/// result among them, and the steps after acceptance fitting within the
/// legal time limit.
pub fn check_workflow(
    steps: &[StepLine],
    time_unit: &str,
    time_value: i32,
) -> Result<(), WorkflowProblem> {
    let steps = as_steps(steps).ok_or(WorkflowProblem::StagesOutOfOrder)?;
    workflow_steps::check(&steps, processing_hours(time_unit, time_value))
}
