//! One step of a procedure's workflow, and the check of a whole workflow
//! before it is stored.

use super::Stage;
use crate::access::Role;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// One step of a procedure's workflow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowStep {
    pub stage: Stage,
    pub role: Role,
    pub name: String,
    pub name_en: Option<String>,
    /// Working hours the step may take (8 make a working day).
    pub budget_hours: u32,
}

impl WorkflowStep {
    pub fn name(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(name)) => name,
            _ => &self.name,
        }
    }
}

/// What is wrong with a workflow, checked before it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkflowProblem {
    /// Not the four stages, once each, in the machine's order.
    StagesOutOfOrder,
    /// A step names a role that cannot act at its stage.
    WrongRole(Stage),
    /// Processing, approval and return together take longer than the
    /// procedure's processing time (in working hours): the legal time
    /// limit is a ceiling the steps must fit under, not a target.
    BudgetsExceed { steps: u32, procedure: u32 },
}

/// Checks a workflow against the state machine and the procedure's
/// processing time. Reception comes before acceptance, when the legal
/// clock has not started, so its budget is not part of the total.
pub fn check(steps: &[WorkflowStep], processing_hours: u32) -> Result<(), WorkflowProblem> {
    let stages: Vec<Stage> = steps.iter().map(|step| step.stage).collect();
    if stages != Stage::ALL {
        return Err(WorkflowProblem::StagesOutOfOrder);
    }
    if let Some(step) = steps.iter().find(|step| step.role != step.stage.role()) {
        return Err(WorkflowProblem::WrongRole(step.stage));
    }
    let counted: u32 = steps
        .iter()
        .filter(|step| step.stage != Stage::Reception)
        .map(|step| step.budget_hours)
        .sum();
    if counted > processing_hours {
        return Err(WorkflowProblem::BudgetsExceed {
            steps: counted,
            procedure: processing_hours,
        });
    }
    Ok(())
}
