//! The state machine against the diagram in domain.md, and its rules.

use super::*;
use proptest::prelude::*;
use DossierStatus as S;

fn any_action() -> impl Strategy<Value = Action> {
    proptest::sample::select(Action::ALL.to_vec())
}

/// Every edge of the diagram in `domain.md`, nothing more.
fn drawn(from: S, to: S) -> bool {
    matches!(
        (from, to),
        (S::Submitted, S::Received | S::Refused | S::Withdrawn)
            | (S::AwaitingSupplement, S::Refused)
            | (
                S::Submitted | S::Received | S::Processing,
                S::AwaitingSupplement
            )
            | (
                S::AwaitingSupplement,
                S::Submitted | S::Received | S::Processing
            )
            | (S::Received | S::Processing, S::Processing)
            | (S::Processing, S::AwaitingApproval)
            | (S::AwaitingApproval, S::ResultReady | S::Processing)
            | (S::ResultReady, S::Returned)
    ) || (to == S::Stopped && from.is_open() && from != S::Submitted)
        || (from == to && matches!(from, S::Received | S::AwaitingApproval | S::ResultReady))
}

proptest! {
    #[test]
    fn only_drawn_transitions_happen_and_history_replays(actions in proptest::collection::vec(any_action(), 0..40)) {
        let mut state = WorkflowState::SUBMITTED;
        let mut history = Vec::new();
        for action in actions {
            match state.apply(action) {
                Ok(next) => {
                    prop_assert!(drawn(state.status, next.status), "{:?} --{:?}--> {:?}", state.status, action, next.status);
                    prop_assert!(!state.status.is_final(), "nothing leaves a final state");
                    if action == Action::Supplement {
                        prop_assert_eq!(Some(next.status), state.resumes_to, "back to where it was");
                    }
                    history.push((action, next.status));
                    state = next;
                }
                Err(refusal) => {
                    prop_assert_eq!(refusal.status, state.status);
                    prop_assert!(!state.allowed().contains(&action));
                }
            }
            prop_assert_eq!(replay(&history), Some(state));
        }
    }
}

#[test]
fn only_an_accepted_dossier_can_be_stopped() {
    // Slip 05 (dừng giải quyết) is for accepted dossiers; a submission
    // not yet accepted is refused with slip 03 instead.
    let submitted = WorkflowState::SUBMITTED;
    assert!(submitted.apply(Action::Stop).is_err());
    assert!(submitted.apply(Action::Refuse).is_ok());
    let supplement_before_acceptance = WorkflowState {
        status: S::AwaitingSupplement,
        resumes_to: Some(S::Submitted),
    };
    assert!(supplement_before_acceptance.apply(Action::Stop).is_err());
    assert_eq!(
        supplement_before_acceptance
            .apply(Action::Refuse)
            .map(|state| state.status),
        Ok(S::Refused),
        "a supplement never given before acceptance ends in a refusal"
    );
    let supplement_after_acceptance = WorkflowState {
        status: S::AwaitingSupplement,
        resumes_to: Some(S::Processing),
    };
    assert_eq!(
        supplement_after_acceptance
            .apply(Action::Stop)
            .map(|state| state.status),
        Ok(S::Stopped)
    );
    for accepted in [
        S::Received,
        S::Processing,
        S::AwaitingApproval,
        S::ResultReady,
    ] {
        let state = WorkflowState {
            status: accepted,
            resumes_to: None,
        };
        assert_eq!(
            state.apply(Action::Stop).map(|state| state.status),
            Ok(S::Stopped)
        );
    }
}

#[test]
fn the_full_path_from_submission_to_the_returned_result() {
    let path = [
        (Action::RequestSupplement, S::AwaitingSupplement),
        (Action::Supplement, S::Submitted),
        (Action::Accept, S::Received),
        (Action::Assign, S::Processing),
        (Action::Propose, S::AwaitingApproval),
        (Action::SendBack, S::Processing),
        (Action::Propose, S::AwaitingApproval),
        (Action::Approve, S::ResultReady),
        (Action::Return, S::Returned),
    ];
    assert_eq!(replay(&path).map(|state| state.status), Some(S::Returned));
    assert!(WorkflowState {
        status: S::Returned,
        resumes_to: None
    }
    .allowed()
    .is_empty());
}

#[test]
fn a_history_that_skips_a_step_does_not_replay() {
    assert_eq!(replay(&[(Action::Approve, S::ResultReady)]), None);
    assert_eq!(replay(&[(Action::Accept, S::Processing)]), None);
}

#[test]
fn a_refusal_says_what_and_why_in_words() {
    let refusal = WorkflowState {
        status: S::Returned,
        resumes_to: None,
    }
    .apply(Action::Accept)
    .unwrap_err();
    assert_eq!(
        refusal.message(Lang::Vi),
        "Không thể “Tiếp nhận” khi hồ sơ đang ở trạng thái “Đã trả kết quả”. Hãy tải lại trang để xem trạng thái mới nhất."
    );
}
