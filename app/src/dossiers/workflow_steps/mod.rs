//! Quy trình nội bộ: the steps a procedure's dossiers take through the back
//! office, who takes each and how long each may take. The steps are data
//! per procedure version (`workflow_steps`); the states and who may act in
//! them stay the one machine of [`super::workflow`], so a step names a stage
//! of that machine and one of the roles the machine lets act there.
//!
//! Here, in plain Rust: which step a history entry belongs to, and each
//! hand-over timed against its step's budget (slip 06, the dossier page).
//! A step's clock starts when the step is entered, stops while the dossier
//! waits for the applicant's supplement, and resumes with the time it had
//! left.

use super::{Action, DossierStatus};
use crate::access::Role;
use crate::deadlines::WorkingCalendar;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A stage of the state machine that one step of a workflow covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Checking a submitted dossier (until accepted or refused).
    Reception,
    /// Examining it and drafting the result (from acceptance to proposal).
    Processing,
    /// The leader's decision on the proposal.
    Approval,
    /// Releasing the approved result.
    Return,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Reception,
        Stage::Processing,
        Stage::Approval,
        Stage::Return,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Reception => "reception",
            Stage::Processing => "processing",
            Stage::Approval => "approval",
            Stage::Return => "return",
        }
    }

    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.as_str() == text)
    }

    /// The stage a dossier in `status` is at; `None` when the back office
    /// owes nothing now (draft, waiting for the applicant, finished).
    pub fn of(status: DossierStatus) -> Option<Stage> {
        use DossierStatus as S;
        match status {
            S::Submitted => Some(Stage::Reception),
            S::Received | S::Processing => Some(Stage::Processing),
            S::AwaitingApproval => Some(Stage::Approval),
            S::ResultReady => Some(Stage::Return),
            _ => None,
        }
    }

    /// The role that finishes the stage in the state machine (accept,
    /// propose, approve, return): the only role a step of this stage may name.
    pub fn role(self) -> Role {
        match self {
            Stage::Reception | Stage::Return => Role::Reception,
            Stage::Processing => Role::Specialist,
            Stage::Approval => Role::Leader,
        }
    }
}

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
    /// Processing, approval and return together do not take the
    /// procedure's processing time (in working hours).
    BudgetsDisagree { steps: u32, procedure: u32 },
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
    if counted != processing_hours {
        return Err(WorkflowProblem::BudgetsDisagree {
            steps: counted,
            procedure: processing_hours,
        });
    }
    Ok(())
}

/// One entry of a dossier's history, as the timing needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HandOver {
    /// `None` for the submission itself.
    pub action: Option<Action>,
    pub from: Option<DossierStatus>,
    pub to: DossierStatus,
    /// Vietnam local time.
    pub at: NaiveDateTime,
}

/// A hand-over against the step it finished or happened in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timed {
    /// The step it happened in; `None` for the applicant's own steps
    /// (submission, supplement).
    pub stage: Option<Stage>,
    /// When that step was due (its clock's pauses included).
    pub step_due: Option<NaiveDateTime>,
    /// Whether it happened by then; `None` when there was no step clock.
    pub on_time: Option<bool>,
}

/// The step a dossier is in now and when it is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenStep {
    pub stage: Stage,
    /// `None` while its clock is stopped for a supplement.
    pub due: Option<NaiveDateTime>,
}

/// Every hand-over timed, and the step still open after the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepTimeline {
    pub hand_overs: Vec<Timed>,
    pub open: Option<OpenStep>,
}

/// Times a history (oldest first) against the workflow's step budgets.
pub fn time_steps(
    calendar: &WorkingCalendar,
    steps: &[WorkflowStep],
    history: &[HandOver],
) -> StepTimeline {
    let budget = |stage: Stage| {
        steps
            .iter()
            .find(|step| step.stage == stage)
            .map(|step| i64::from(step.budget_hours) * 60)
    };
    // The step in force: its stage and due moment; while paused, the
    // working minutes it had left instead.
    let mut stage: Option<Stage> = None;
    let mut due: Option<NaiveDateTime> = None;
    let mut left_when_paused: Option<i64> = None;
    let mut hand_overs = Vec::with_capacity(history.len());
    for entry in history {
        let applicants_own = matches!(entry.action, None | Some(Action::Supplement));
        if entry.action == Some(Action::Supplement) {
            if let Some(left) = left_when_paused.take() {
                due = Some(calendar.add_working_minutes(entry.at, left));
            }
        }
        let timed = match (applicants_own, stage) {
            (false, Some(current)) => Timed {
                stage: Some(current),
                step_due: due,
                on_time: due.map(|due| entry.at <= due),
            },
            _ => Timed {
                stage: None,
                step_due: None,
                on_time: None,
            },
        };
        hand_overs.push(timed);

        if entry.to == DossierStatus::AwaitingSupplement {
            left_when_paused = due.map(|due| calendar.working_minutes_between(entry.at, due));
            due = None;
            continue;
        }
        let next = Stage::of(entry.to);
        // A new step starts when the stage changes, and again when a leader
        // sends the proposal back: the specialist's step begins anew.
        if next != stage || entry.action == Some(Action::SendBack) {
            stage = next;
            due = next
                .and_then(budget)
                .map(|minutes| calendar.add_working_minutes(entry.at, minutes));
        }
    }
    let open = stage
        .filter(|_| !history.last().is_some_and(|last| last.to.is_final()))
        .map(|stage| OpenStep { stage, due });
    StepTimeline { hand_overs, open }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use DossierStatus as S;

    fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        // December 2026: the 1st is a Tuesday; no holidays.
        NaiveDate::from_ymd_opt(2026, 12, day)
            .unwrap()
            .and_hms_opt(hour, minute, 0)
            .unwrap()
    }

    fn step(stage: Stage, budget_hours: u32) -> WorkflowStep {
        WorkflowStep {
            stage,
            role: stage.role(),
            name: stage.as_str().into(),
            name_en: None,
            budget_hours,
        }
    }

    /// Three working days: half a day to check, two days to examine, half a
    /// day to approve, half a day to return.
    fn three_days() -> Vec<WorkflowStep> {
        vec![
            step(Stage::Reception, 4),
            step(Stage::Processing, 16),
            step(Stage::Approval, 4),
            step(Stage::Return, 4),
        ]
    }

    fn entry(action: Option<Action>, from: Option<S>, to: S, at: NaiveDateTime) -> HandOver {
        HandOver {
            action,
            from,
            to,
            at,
        }
    }

    #[test]
    fn each_hand_over_is_judged_against_its_own_steps_budget() {
        let calendar = WorkingCalendar::new([], []);
        let history = [
            entry(None, Some(S::Draft), S::Submitted, at(1, 9, 0)),
            entry(
                Some(Action::Accept),
                Some(S::Submitted),
                S::Received,
                at(1, 11, 0),
            ),
            entry(
                Some(Action::Assign),
                Some(S::Received),
                S::Processing,
                at(1, 14, 0),
            ),
            // Two working days from acceptance at 11:00 Tuesday: Thursday 11:00.
            entry(
                Some(Action::Propose),
                Some(S::Processing),
                S::AwaitingApproval,
                at(3, 16, 0),
            ),
            entry(
                Some(Action::Approve),
                Some(S::AwaitingApproval),
                S::ResultReady,
                at(4, 8, 30),
            ),
        ];
        let timeline = time_steps(&calendar, &three_days(), &history);
        let judged: Vec<_> = timeline
            .hand_overs
            .iter()
            .map(|timed| (timed.stage, timed.on_time))
            .collect();
        assert_eq!(
            judged,
            [
                (None, None),
                (Some(Stage::Reception), Some(true)),
                (Some(Stage::Processing), Some(true)),
                (Some(Stage::Processing), Some(false)),
                (Some(Stage::Approval), Some(true)),
            ]
        );
        assert_eq!(timeline.hand_overs[3].step_due, Some(at(3, 11, 0)));
        // Approved at 08:30 Friday: the return step has four working hours.
        assert_eq!(
            timeline.open,
            Some(OpenStep {
                stage: Stage::Return,
                due: Some(at(4, 13, 30))
            })
        );
    }

    #[test]
    fn a_supplement_stops_the_steps_clock_and_it_resumes_with_what_was_left() {
        let calendar = WorkingCalendar::new([], []);
        let history = [
            entry(None, Some(S::Draft), S::Submitted, at(1, 9, 0)),
            entry(
                Some(Action::Accept),
                Some(S::Submitted),
                S::Received,
                at(1, 9, 0),
            ),
            entry(
                Some(Action::Assign),
                Some(S::Received),
                S::Processing,
                at(1, 10, 0),
            ),
            // Asked on Tuesday at 17:00 with 7 of 16 hours used…
            entry(
                Some(Action::RequestSupplement),
                Some(S::Processing),
                S::AwaitingSupplement,
                at(1, 17, 0),
            ),
            // …supplied the next Monday at 08:00: 9 working hours remain.
            entry(
                Some(Action::Supplement),
                Some(S::AwaitingSupplement),
                S::Processing,
                at(7, 8, 0),
            ),
            entry(
                Some(Action::Propose),
                Some(S::Processing),
                S::AwaitingApproval,
                at(7, 16, 30),
            ),
        ];
        let timeline = time_steps(&calendar, &three_days(), &history);
        assert_eq!(
            timeline.hand_overs[4].on_time, None,
            "the applicant's own step"
        );
        assert_eq!(timeline.hand_overs[5].step_due, Some(at(8, 9, 0)));
        assert_eq!(timeline.hand_overs[5].on_time, Some(true));
    }

    #[test]
    fn sent_back_the_specialist_gets_a_new_step() {
        let calendar = WorkingCalendar::new([], []);
        let history = [
            entry(None, Some(S::Draft), S::Submitted, at(1, 8, 0)),
            entry(
                Some(Action::Accept),
                Some(S::Submitted),
                S::Received,
                at(1, 8, 0),
            ),
            entry(
                Some(Action::Assign),
                Some(S::Received),
                S::Processing,
                at(1, 8, 0),
            ),
            entry(
                Some(Action::Propose),
                Some(S::Processing),
                S::AwaitingApproval,
                at(2, 8, 0),
            ),
            entry(
                Some(Action::SendBack),
                Some(S::AwaitingApproval),
                S::Processing,
                at(2, 9, 0),
            ),
        ];
        let timeline = time_steps(&calendar, &three_days(), &history);
        assert_eq!(
            timeline.open,
            Some(OpenStep {
                stage: Stage::Processing,
                due: Some(at(4, 9, 0))
            })
        );
    }

    #[test]
    fn a_finished_dossier_has_no_open_step() {
        let calendar = WorkingCalendar::new([], []);
        let history = [
            entry(None, Some(S::Draft), S::Submitted, at(1, 8, 0)),
            entry(
                Some(Action::Refuse),
                Some(S::Submitted),
                S::Refused,
                at(1, 9, 0),
            ),
        ];
        let timeline = time_steps(&calendar, &three_days(), &history);
        assert_eq!(timeline.open, None);
        assert_eq!(timeline.hand_overs[1].on_time, Some(true));
    }

    #[test]
    fn workflows_are_checked_against_the_machine_and_the_processing_time() {
        assert_eq!(check(&three_days(), 24), Ok(()));
        assert_eq!(
            check(&three_days(), 8),
            Err(WorkflowProblem::BudgetsDisagree {
                steps: 24,
                procedure: 8
            })
        );
        let mut steps = three_days();
        steps[2].role = Role::Specialist;
        assert_eq!(
            check(&steps, 24),
            Err(WorkflowProblem::WrongRole(Stage::Approval))
        );
        steps.swap(1, 2);
        assert_eq!(check(&steps, 24), Err(WorkflowProblem::StagesOutOfOrder));
    }
}
