//! The stages of the state machine a workflow's steps cover.

use crate::access::Role;
use crate::dossiers::DossierStatus;
use serde::{Deserialize, Serialize};

/// A stage of the state machine that one step of a workflow covers.
/// Stored in `workflow_steps.stage` as its [`Stage::as_str`] name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
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
