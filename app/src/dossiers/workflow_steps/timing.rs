//! A dossier's history timed step by step against the workflow's budgets.

use super::{Stage, WorkflowStep};
use crate::deadlines::WorkingCalendar;
use crate::dossiers::{Action, DossierStatus};
use chrono::NaiveDateTime;

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
