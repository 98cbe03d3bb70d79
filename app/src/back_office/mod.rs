//! The back office (`/can-bo`): officials receive, process, approve and
//! return dossiers of the agencies their roles reach. Changes go through
//! the server's one transition service; these pages read and offer only
//! what the official may do now.

pub mod model;
pub mod pages;
pub mod server_fns;
pub mod steps;
#[cfg(feature = "ssr")]
pub mod store;

use crate::access::{Role, SignedInUser};
use crate::dossiers::{Action, Actor};

/// Whether the official may do `action` on a dossier of `agency_id`
/// assigned to `assignee_id`: a role of the action at that agency, and for
/// a specialist, the dossier must be theirs. The pages offer, and the
/// server allows, exactly this.
pub fn may_do(
    user: &SignedInUser,
    action: Action,
    agency_id: i64,
    assignee_id: Option<i64>,
) -> bool {
    match action.actor() {
        Actor::Applicant => false,
        Actor::Official(roles) => roles.iter().any(|role| {
            user.has_role_in(*role, agency_id)
                && (*role != Role::Specialist || assignee_id == Some(user.id))
        }),
    }
}
