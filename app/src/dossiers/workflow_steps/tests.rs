use super::*;
use crate::access::Role;
use crate::deadlines::WorkingCalendar;
use crate::dossiers::{Action, DossierStatus};
use chrono::{NaiveDate, NaiveDateTime};
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
        agency_code: None,
        agency_name: None,
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
    // Steps that finish before the legal limit leave the office slack.
    assert_eq!(check(&three_days(), 25), Ok(()));
    assert_eq!(
        check(&three_days(), 23),
        Err(WorkflowProblem::BudgetsExceed {
            steps: 24,
            procedure: 23
        })
    );
    assert_eq!(
        check(&three_days(), 8),
        Err(WorkflowProblem::BudgetsExceed {
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
