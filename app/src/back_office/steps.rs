//! The workflow as the officials' dossier page shows it: each step, who
//! takes it, its budget, and where the dossier stands.

use crate::dossiers::workflow_steps::{StepTimeline, WorkflowStep};
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepState {
    Done,
    Current,
    /// Not reached (yet, or ever: refused and stopped dossiers end early).
    Later,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    pub name: String,
    pub role: String,
    /// "4 giờ làm việc", "2 ngày làm việc".
    pub budget: String,
    pub state: StepState,
    /// The current step's due moment (`dd/mm/yyyy HH:MM`); none while its
    /// clock is stopped for a supplement.
    pub due: Option<String>,
    pub overdue: bool,
}

/// A budget in the words of a deadline: whole working days when it is
/// some, working hours otherwise.
pub fn budget_words(hours: u32, lang: Lang) -> String {
    match (hours.is_multiple_of(8) && hours > 0, lang) {
        (true, Lang::Vi) => format!("{} ngày làm việc", hours / 8),
        (true, Lang::En) if hours == 8 => "1 working day".to_string(),
        (true, Lang::En) => format!("{} working days", hours / 8),
        (false, Lang::Vi) => format!("{hours} giờ làm việc"),
        (false, Lang::En) if hours == 1 => "1 working hour".to_string(),
        (false, Lang::En) => format!("{hours} working hours"),
    }
}

pub fn step_views(
    steps: &[WorkflowStep],
    timeline: &StepTimeline,
    lang: Lang,
    now: NaiveDateTime,
) -> Vec<StepView> {
    steps
        .iter()
        .map(|step| {
            let open = timeline.open.filter(|open| open.stage == step.stage);
            let reached = timeline
                .hand_overs
                .iter()
                .any(|timed| timed.stage == Some(step.stage));
            let state = match (open, reached) {
                (Some(_), _) => StepState::Current,
                (None, true) => StepState::Done,
                (None, false) => StepState::Later,
            };
            let due = open.and_then(|open| open.due);
            StepView {
                name: step.name_with_agency(lang),
                role: step.role.label(lang).to_string(),
                budget: budget_words(step.budget_hours, lang),
                state,
                due: due.map(|due| due.format("%d/%m/%Y %H:%M").to_string()),
                overdue: due.is_some_and(|due| due < now),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_as_days_when_they_are_whole_days() {
        assert_eq!(budget_words(16, Lang::Vi), "2 ngày làm việc");
        assert_eq!(budget_words(4, Lang::Vi), "4 giờ làm việc");
        assert_eq!(budget_words(8, Lang::En), "1 working day");
        assert_eq!(budget_words(1, Lang::En), "1 working hour");
    }
}
