//! What may happen to a dossier next: the one state machine behind every
//! path that changes a dossier (back-office forms, server functions, the
//! API, the citizen's own supplement or withdrawal). Pure Rust, so it is
//! property-tested on its own and the same everywhere.
//!
//! ```text
//! submitted ──accept──▶ received ──assign──▶ processing ──propose──▶ awaiting_approval
//!   │  └──refuse──▶ refused                    ▲   │                 │  └─approve─▶ result_ready ──return──▶ returned
//!   └──────request supplement──▶ awaiting_supplement ◀─┘             └─send back─▶ processing
//!                              └──supplement──▶ (where it was)
//! any open state ──stop──▶ stopped        submitted ──withdraw──▶ withdrawn
//! accepted and not yet returned ──extend (slip 04)──▶ (same state, a new appointment)
//! ```

use super::DossierStatus;
use crate::access::Role;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Something someone does to a dossier. Stored in `dossier_history.action`
/// as its [`Action::as_str`] name, and read and bound as an `Action` in
/// every query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
pub enum Action {
    /// Reception: the dossier is complete; the clock starts (slip 01).
    Accept,
    /// Reception (before processing) or the assigned specialist: something
    /// is missing (slip 02); the clock stops.
    RequestSupplement,
    /// The applicant sends what was missing; back to where it was.
    Supplement,
    /// Reception: not receivable (slip 03); final.
    Refuse,
    /// Reception or leader: hand to a specialist (again, if already assigned).
    Assign,
    /// The assigned specialist: a draft result, for the leader's decision.
    Propose,
    /// Leader: the result is approved.
    Approve,
    /// Leader: back to the specialist with a note.
    SendBack,
    /// Reception: the result is released to the applicant.
    Return,
    /// Reception or leader: processing stops (slip 05); final.
    Stop,
    /// Reception or leader, when the appointment will be missed: an apology
    /// and a new appointment date (slip 04). The state does not change;
    /// statistics still count the dossier late against the first date.
    Extend,
    /// The applicant, before acceptance.
    Withdraw,
}

/// Who does an action: the applicant themself, or an official in one of
/// these roles at the dossier's agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Applicant,
    Official(&'static [Role]),
}

/// A dossier's place in the machine: its status and, while it waits for a
/// supplement, the status it returns to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowState {
    pub status: DossierStatus,
    pub resumes_to: Option<DossierStatus>,
}

/// An action the dossier's state does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAllowedNow {
    pub action: Action,
    pub status: DossierStatus,
}

impl NotAllowedNow {
    pub fn message(self, lang: Lang) -> String {
        let status = self.status.label(lang);
        let action = self.action.label(lang);
        (lang.texts().back_office.not_allowed_now)(action, status)
    }
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::Accept,
        Action::RequestSupplement,
        Action::Supplement,
        Action::Refuse,
        Action::Assign,
        Action::Propose,
        Action::Approve,
        Action::SendBack,
        Action::Return,
        Action::Extend,
        Action::Stop,
        Action::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::RequestSupplement => "request_supplement",
            Action::Supplement => "supplement",
            Action::Refuse => "refuse",
            Action::Assign => "assign",
            Action::Propose => "propose",
            Action::Approve => "approve",
            Action::SendBack => "send_back",
            Action::Return => "return",
            Action::Stop => "stop",
            Action::Extend => "extend",
            Action::Withdraw => "withdraw",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|action| action.as_str() == text)
    }

    pub fn actor(self) -> Actor {
        const RECEPTION: &[Role] = &[Role::Reception];
        // A leader may ask for a supplement: a second request on a dossier
        // is the leader's decision alone ("hướng dẫn một lần, đầy đủ").
        const SUPPLEMENT_ASKERS: &[Role] = &[Role::Reception, Role::Specialist, Role::Leader];
        const RECEPTION_OR_LEADER: &[Role] = &[Role::Reception, Role::Leader];
        match self {
            Action::Accept | Action::Refuse | Action::Return => Actor::Official(RECEPTION),
            Action::RequestSupplement => Actor::Official(SUPPLEMENT_ASKERS),
            Action::Assign | Action::Stop => Actor::Official(RECEPTION_OR_LEADER),
            // Slip 04 is the processing agency's: its leader signs it.
            Action::Extend => Actor::Official(&[Role::Leader]),
            Action::Propose => Actor::Official(&[Role::Specialist]),
            Action::Approve | Action::SendBack => Actor::Official(&[Role::Leader]),
            Action::Supplement | Action::Withdraw => Actor::Applicant,
        }
    }

    /// Whether the action needs a written reason (shown to the applicant on
    /// its slip, or to the specialist).
    pub fn needs_note(self) -> bool {
        matches!(
            self,
            Action::RequestSupplement
                | Action::Refuse
                | Action::Stop
                | Action::SendBack
                | Action::Extend
        )
    }

    /// The button's words.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Action::Accept, Lang::Vi) => "Tiếp nhận",
            (Action::RequestSupplement, Lang::Vi) => "Yêu cầu bổ sung",
            (Action::Supplement, Lang::Vi) => "Gửi bổ sung",
            (Action::Refuse, Lang::Vi) => "Từ chối tiếp nhận",
            (Action::Assign, Lang::Vi) => "Phân công xử lý",
            (Action::Propose, Lang::Vi) => "Trình phê duyệt",
            (Action::Approve, Lang::Vi) => "Phê duyệt",
            (Action::SendBack, Lang::Vi) => "Trả lại chuyên viên",
            (Action::Return, Lang::Vi) => "Trả kết quả",
            (Action::Stop, Lang::Vi) => "Dừng giải quyết",
            (Action::Extend, Lang::Vi) => "Xin lỗi và hẹn lại ngày trả",
            (Action::Withdraw, Lang::Vi) => "Rút hồ sơ",
            (Action::Accept, Lang::En) => "Accept",
            (Action::RequestSupplement, Lang::En) => "Request a supplement",
            (Action::Supplement, Lang::En) => "Send the supplement",
            (Action::Refuse, Lang::En) => "Refuse",
            (Action::Assign, Lang::En) => "Assign",
            (Action::Propose, Lang::En) => "Propose for approval",
            (Action::Approve, Lang::En) => "Approve",
            (Action::SendBack, Lang::En) => "Send back to the specialist",
            (Action::Return, Lang::En) => "Return the result",
            (Action::Stop, Lang::En) => "Stop processing",
            (Action::Extend, Lang::En) => "Apologise and set a new date",
            (Action::Withdraw, Lang::En) => "Withdraw",
        }
    }
}

impl WorkflowState {
    /// A dossier just submitted.
    pub const SUBMITTED: WorkflowState = WorkflowState {
        status: DossierStatus::Submitted,
        resumes_to: None,
    };

    /// The state after `action`, or why it is not allowed now.
    pub fn apply(self, action: Action) -> Result<WorkflowState, NotAllowedNow> {
        use DossierStatus as S;
        let to = |status| {
            Ok(WorkflowState {
                status,
                resumes_to: None,
            })
        };
        let refused = Err(NotAllowedNow {
            action,
            status: self.status,
        });
        match (self.status, action) {
            (S::Submitted, Action::Accept) => to(S::Received),
            (S::Submitted, Action::Refuse) => to(S::Refused),
            // A supplement asked for before acceptance and never given:
            // the unit refuses the submission (slip 03); it cannot stop a
            // dossier it never accepted.
            (S::AwaitingSupplement, Action::Refuse) if self.resumes_to == Some(S::Submitted) => {
                to(S::Refused)
            }
            (S::Submitted, Action::Withdraw) => to(S::Withdrawn),
            (S::Submitted | S::Received | S::Processing, Action::RequestSupplement) => {
                Ok(WorkflowState {
                    status: S::AwaitingSupplement,
                    resumes_to: Some(self.status),
                })
            }
            (S::AwaitingSupplement, Action::Supplement) => match self.resumes_to {
                Some(status) => to(status),
                None => refused,
            },
            (S::Received | S::Processing, Action::Assign) => to(S::Processing),
            (S::Processing, Action::Propose) => to(S::AwaitingApproval),
            (S::AwaitingApproval, Action::Approve) => to(S::ResultReady),
            (S::AwaitingApproval, Action::SendBack) => to(S::Processing),
            (S::ResultReady, Action::Return) => to(S::Returned),
            // Slip 05 stops an accepted dossier; before acceptance the
            // one-stop unit refuses it (slip 03) instead.
            (_, Action::Stop) if self.is_accepted() => to(S::Stopped),
            (
                S::Received | S::Processing | S::AwaitingApproval | S::ResultReady,
                Action::Extend,
            ) => to(self.status),
            _ => refused,
        }
    }

    /// Accepted by the one-stop unit and not finished: received and on,
    /// or waiting for a supplement asked for after acceptance.
    pub fn is_accepted(self) -> bool {
        use DossierStatus as S;
        match self.status {
            S::Received | S::Processing | S::AwaitingApproval | S::ResultReady => true,
            S::AwaitingSupplement => self.resumes_to.is_some_and(|status| status != S::Submitted),
            _ => false,
        }
    }

    /// The actions allowed now, in the order screens offer them.
    pub fn allowed(self) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|action| self.apply(*action).is_ok())
            .collect()
    }
}

impl DossierStatus {
    /// Submitted and not yet finished: the back office still owes something.
    pub fn is_open(self) -> bool {
        !self.is_final() && self != DossierStatus::Draft
    }
}

/// Replays a recorded history (each entry's action and resulting status)
/// from submission; `None` when an entry does not follow from the one
/// before, which would mean the history and the machine disagree.
pub fn replay(history: &[(Action, DossierStatus)]) -> Option<WorkflowState> {
    history
        .iter()
        .try_fold(WorkflowState::SUBMITTED, |state, (action, recorded)| {
            let next = state.apply(*action).ok()?;
            (next.status == *recorded).then_some(next)
        })
}

#[cfg(test)]
mod tests;
