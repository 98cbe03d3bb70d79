//! Officials' second factor: an authenticator app's six-digit codes
//! (RFC 6238) or passkeys (WebAuthn), with ten single-use recovery codes
//! for a lost phone or key.
//!
//! Who must have one: the roles that accept, approve, sign, publish or
//! administer ([`required_by`]). Until such an official has set one up, or
//! checked it in this session, their roles are withheld: the session is
//! signed in, but reaches nothing beyond their own account and the page
//! that sets the factor up (`server/src/access/authentication.rs`). An
//! official who has one is asked for a code at every sign-in, before any
//! session exists. Sensitive actions (publishing a procedure version,
//! issuing an API token, disabling an account) ask again when the last
//! check is older than [`STEP_UP_AFTER_SECS`].

use crate::access::Role;
use serde::{Deserialize, Serialize};

pub mod page_data;
pub mod passkeys;
#[cfg(feature = "ssr")]
pub mod recovery;
#[cfg(feature = "ssr")]
pub mod sealing;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod totp;

/// How long a check of the second factor vouches for a sensitive action.
pub const STEP_UP_AFTER_SECS: i64 = 15 * 60;

/// Whether holding `role` requires a second factor: the roles that accept
/// dossiers (reception), approve and sign results (leaders), administer,
/// publish e-forms or articles, or publish answers to field reports.
/// Specialists draft and managers read; a password alone is their bar.
pub fn required_by(role: Role) -> bool {
    match role {
        Role::Reception
        | Role::Leader
        | Role::Administrator
        | Role::FormDesigner
        | Role::Editor
        | Role::Coordinator => true,
        Role::Specialist | Role::Manager => false,
    }
}

/// What stands between a signed-in official and their roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PendingFactor {
    /// Their roles need a second factor and they have none yet.
    EnrolFirst,
    /// They have one, but this session has not checked it (a role that
    /// needs it was granted after they signed in).
    CheckFirst,
}

/// The second factor as one request sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorState {
    /// A confirmed authenticator app or a passkey is set up on the account.
    pub enrolled: bool,
    /// Among the factors, at least one passkey (forms that ask for the
    /// factor offer it).
    pub passkey: bool,
    /// When this session last checked it (the portal's clock, Unix seconds).
    pub checked_at: Option<i64>,
    /// Set when the official's roles are withheld until they act.
    pub pending: Option<PendingFactor>,
}

impl SecondFactorState {
    /// Whether a sensitive action must ask for a code first: the account
    /// has a factor and this session has not checked it in the last 15
    /// minutes. (An account without one has nothing to ask for; every
    /// role that reaches a sensitive action requires one.)
    pub fn needs_step_up(&self, now_secs: i64) -> bool {
        self.enrolled
            && self
                .checked_at
                .is_none_or(|at| now_secs - at > STEP_UP_AFTER_SECS)
    }
}

/// Which pending state, if any, an account's roles and session give.
pub fn pending(roles: &[Role], enrolled: bool, checked: bool) -> Option<PendingFactor> {
    if checked || !roles.iter().copied().any(required_by) {
        None
    } else if enrolled {
        Some(PendingFactor::CheckFirst)
    } else {
        Some(PendingFactor::EnrolFirst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_that_accept_approve_publish_or_administer_need_a_second_factor() {
        let needing: Vec<Role> = Role::ALL.into_iter().filter(|&r| required_by(r)).collect();
        assert_eq!(
            needing,
            [
                Role::Reception,
                Role::Leader,
                Role::Administrator,
                Role::FormDesigner,
                Role::Editor,
                Role::Coordinator
            ]
        );
    }

    #[test]
    fn an_official_needing_a_factor_enrols_or_checks_it_before_their_roles_count() {
        let reception = [Role::Reception];
        assert_eq!(
            pending(&reception, false, false),
            Some(PendingFactor::EnrolFirst)
        );
        assert_eq!(
            pending(&reception, true, false),
            Some(PendingFactor::CheckFirst)
        );
        assert_eq!(pending(&reception, true, true), None);
        assert_eq!(
            pending(&[Role::Specialist, Role::Manager], false, false),
            None
        );
        assert_eq!(pending(&[], false, false), None, "citizens");
    }

    #[test]
    fn a_check_vouches_for_sensitive_actions_for_fifteen_minutes() {
        let checked = SecondFactorState {
            enrolled: true,
            passkey: false,
            checked_at: Some(1_000),
            pending: None,
        };
        assert!(!checked.needs_step_up(1_000 + 15 * 60));
        assert!(checked.needs_step_up(1_000 + 15 * 60 + 1));
        let never = SecondFactorState {
            enrolled: true,
            ..Default::default()
        };
        assert!(never.needs_step_up(0));
        assert!(
            !SecondFactorState::default().needs_step_up(0),
            "no factor, nothing to ask"
        );
    }
}
