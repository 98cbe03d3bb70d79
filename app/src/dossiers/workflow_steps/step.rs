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
    /// Liên thông: the code of the agency that takes the step when it is
    /// not the agency that receives the dossier; `None`: the receiving one.
    pub agency_code: Option<String>,
    /// That agency's name, for display (not stored from here).
    pub agency_name: Option<String>,
}

impl WorkflowStep {
    pub fn name(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(name)) => name,
            _ => &self.name,
        }
    }

    /// The name, and the agency that takes the step when it is another
    /// than the receiving one: "Thẩm định hồ sơ (Văn phòng Đăng ký đất đai …)".
    pub fn name_with_agency(&self, lang: Lang) -> String {
        match &self.agency_name {
            Some(agency) => format!("{} ({agency})", self.name(lang)),
            None => self.name(lang).to_string(),
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
    /// Reception given to another agency: a dossier is received where it
    /// is filed, by that agency's one-stop unit.
    ReceptionElsewhere,
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
    if steps
        .iter()
        .any(|step| step.stage == Stage::Reception && step.agency_code.is_some())
    {
        return Err(WorkflowProblem::ReceptionElsewhere);
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
