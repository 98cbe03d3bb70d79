//! The rules: may this user do this to this object?
//!
//! Every check in the portal is a [`Permission`] passed to [`check`], or, for
//! one dossier or file, a question asked with its owner and agency
//! ([`may_read_dossier`], [`may_act_on_dossier`], [`may_read_file`]): the
//! handler loads those, then asks here. Adding a capability means adding it
//! here, next to the others, where a reviewer sees the whole policy at once.

use super::{AccountKind, Role, SignedInUser, Visitor};
use crate::dossiers::{Action, Actor, DossierStatus};
use crate::error::AppError;

/// Something a request wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// See and change one's own account (profile, password).
    ManageOwnAccount,
    /// File a dossier as a citizen: needs a confirmed email address, so the
    /// portal can reach the applicant.
    FileDossier,
    /// Open the back office at all.
    EnterBackOffice,
    /// File dossiers at the counter for walk-in applicants (reception officers;
    /// which agencies is the reception role's reach).
    FileAtCounter,
    /// List official accounts (of the agencies the administrator reaches).
    ListOfficials,
    /// Create, change or disable an official account of this agency.
    ManageOfficialsOf { agency_id: i64 },
}

/// Whether a signed-in `user` may do `permission`.
pub fn permits(user: &SignedInUser, permission: Permission) -> bool {
    match permission {
        Permission::ManageOwnAccount => true,
        Permission::FileDossier => user.kind == AccountKind::Citizen && user.email_confirmed,
        Permission::EnterBackOffice => {
            user.is_official()
                && [
                    Role::Reception,
                    Role::Specialist,
                    Role::Leader,
                    Role::Manager,
                ]
                .into_iter()
                .any(|role| user.has_role(role))
        }
        Permission::FileAtCounter => user.is_official() && user.has_role(Role::Reception),
        Permission::ListOfficials => user.is_official() && user.has_role(Role::Administrator),
        Permission::ManageOfficialsOf { agency_id } => {
            user.is_official() && user.has_role_in(Role::Administrator, agency_id)
        }
    }
}

/// The user, if the visitor is signed in and may do `permission`; otherwise
/// the error that tells them why not (sign in first, or not allowed).
pub fn check(visitor: &Visitor, permission: Permission) -> Result<&SignedInUser, AppError> {
    let user = visitor.user().ok_or(AppError::SignInRequired)?;
    if permits(user, permission) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whose a dossier is: what the rules about one dossier look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DossierOwnership {
    pub applicant_id: i64,
    /// The agency that handles it.
    pub agency_id: i64,
    /// The specialist it is assigned to, if any.
    pub assignee_id: Option<i64>,
}

/// Whether `user` may see the dossier, its slips, receipts and payments:
/// its applicant, or an official whose back-office roles (reception,
/// specialist, leader, manager) reach its agency. To anyone else it does
/// not exist.
pub fn may_read_dossier(user: &SignedInUser, dossier: &DossierOwnership) -> bool {
    dossier.applicant_id == user.id || works_in_back_office_of(user, dossier.agency_id)
}

/// Whether `user` may follow the dossier as its applicant (the citizen's
/// own dossier page).
pub fn may_follow_as_applicant(user: &SignedInUser, dossier: &DossierOwnership) -> bool {
    dossier.applicant_id == user.id
}

/// Whether `user` may open the dossier in the back office: a role other
/// than administrator at its agency.
pub fn may_open_in_back_office(user: &SignedInUser, dossier: &DossierOwnership) -> bool {
    works_in_back_office_of(user, dossier.agency_id)
}

/// Whether `user` may take `action` on the dossier: the applicant their own
/// actions; an official a role of the action at the dossier's agency, and a
/// specialist only on a dossier assigned to them. The back office's pages
/// offer, and the server allows, exactly this.
pub fn may_act_on_dossier(user: &SignedInUser, action: Action, dossier: &DossierOwnership) -> bool {
    match action.actor() {
        Actor::Applicant => dossier.applicant_id == user.id,
        Actor::Official(roles) => roles.iter().any(|role| {
            user.has_role_in(*role, dossier.agency_id)
                && (*role != Role::Specialist || dossier.assignee_id == Some(user.id))
        }),
    }
}

/// Whose a stored file is, and the dossiers it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOwnership {
    /// Who uploaded it (the applicant, or the officer who scanned it), or
    /// for a result, the applicant it is for.
    pub owner_id: i64,
    /// An upload, rather than a result drafted or attached by an official.
    pub is_upload: bool,
    pub uses: Vec<FileUse>,
}

/// One dossier a file belongs to: attached to it, or its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileUse {
    pub agency_id: i64,
    pub status: DossierStatus,
    /// The reception officer filing a counter draft.
    pub filed_by: Option<i64>,
    pub as_result: bool,
}

/// Whether `user` may open the file: its owner (a result only once it is
/// returned); an official whose back-office roles reach the agency of a
/// submitted dossier it belongs to; the officer still filling the counter
/// draft it was scanned into.
pub fn may_read_file(user: &SignedInUser, file: &FileOwnership) -> bool {
    let owns = file.owner_id == user.id
        && (file.is_upload
            || file
                .uses
                .iter()
                .any(|used| used.as_result && used.status == DossierStatus::Returned));
    owns || file.uses.iter().any(|used| {
        if !used.as_result && used.status == DossierStatus::Draft {
            used.filed_by == Some(user.id)
        } else {
            works_in_back_office_of(user, used.agency_id)
        }
    })
}

/// A role other than administrator reaches `agency_id`: see
/// [`SignedInUser::back_office_agencies`].
fn works_in_back_office_of(user: &SignedInUser, agency_id: i64) -> bool {
    user.roles
        .iter()
        .any(|grant| grant.role != Role::Administrator && grant.agency_ids.contains(&agency_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::RoleGrant;

    fn citizen(confirmed: bool) -> SignedInUser {
        SignedInUser {
            id: 1,
            kind: AccountKind::Citizen,
            full_name: "Nguyễn Văn An".into(),
            email: "an@example.vn".into(),
            email_confirmed: confirmed,
            agency_id: None,
            roles: vec![],
        }
    }

    fn official(roles: &[(Role, &[i64])]) -> SignedInUser {
        SignedInUser {
            id: 2,
            kind: AccountKind::Official,
            full_name: "Trần Thị Bình".into(),
            email: "binh@example.vn".into(),
            email_confirmed: true,
            agency_id: Some(10),
            roles: roles
                .iter()
                .map(|(role, agencies)| RoleGrant {
                    role: *role,
                    agency_ids: agencies.to_vec(),
                })
                .collect(),
        }
    }

    #[test]
    fn nobody_signed_in_is_asked_to_sign_in() {
        let error = check(&Visitor(None), Permission::ManageOwnAccount).unwrap_err();
        assert_eq!(error, AppError::SignInRequired);
    }

    #[test]
    fn only_citizens_with_a_confirmed_email_file_dossiers() {
        assert!(!permits(&citizen(false), Permission::FileDossier));
        assert!(permits(&citizen(true), Permission::FileDossier));
        let reception = official(&[(Role::Reception, &[10])]);
        assert!(!permits(&reception, Permission::FileDossier));
    }

    #[test]
    fn citizens_never_enter_the_back_office() {
        let visitor = Visitor(Some(citizen(true)));
        assert_eq!(
            check(&visitor, Permission::EnterBackOffice).unwrap_err(),
            AppError::Forbidden
        );
        assert!(permits(
            &official(&[(Role::Specialist, &[10])]),
            Permission::EnterBackOffice
        ));
    }

    #[test]
    fn only_reception_officers_file_at_the_counter() {
        assert!(permits(
            &official(&[(Role::Reception, &[10])]),
            Permission::FileAtCounter
        ));
        for other in [
            Role::Specialist,
            Role::Leader,
            Role::Manager,
            Role::Administrator,
        ] {
            assert!(!permits(
                &official(&[(other, &[10])]),
                Permission::FileAtCounter
            ));
        }
        assert!(!permits(&citizen(true), Permission::FileAtCounter));
    }

    #[test]
    fn administrators_manage_officials_only_in_the_agencies_they_reach() {
        let admin = official(&[(Role::Administrator, &[10, 11, 12])]);
        assert!(permits(&admin, Permission::ListOfficials));
        assert!(permits(
            &admin,
            Permission::ManageOfficialsOf { agency_id: 11 }
        ));
        assert!(!permits(
            &admin,
            Permission::ManageOfficialsOf { agency_id: 99 }
        ));
    }

    #[test]
    fn other_roles_do_not_manage_officials() {
        let leader = official(&[(Role::Leader, &[10]), (Role::Manager, &[10, 11])]);
        assert!(!permits(&leader, Permission::ListOfficials));
        assert!(!permits(
            &leader,
            Permission::ManageOfficialsOf { agency_id: 10 }
        ));
    }

    const AGENCY: i64 = 10;

    fn dossier_of(applicant_id: i64, assignee_id: Option<i64>) -> DossierOwnership {
        DossierOwnership {
            applicant_id,
            agency_id: AGENCY,
            assignee_id,
        }
    }

    #[test]
    fn a_dossier_is_seen_by_its_applicant_and_the_back_office_of_its_agency_only() {
        let own = dossier_of(1, None);
        assert!(may_read_dossier(&citizen(true), &own));
        assert!(!may_read_dossier(&citizen(true), &dossier_of(99, None)));
        for role in [
            Role::Reception,
            Role::Specialist,
            Role::Leader,
            Role::Manager,
        ] {
            assert!(may_read_dossier(&official(&[(role, &[AGENCY])]), &own));
            assert!(!may_read_dossier(&official(&[(role, &[11])]), &own));
        }
        // Administrators manage accounts, not dossiers.
        let admin = official(&[(Role::Administrator, &[AGENCY])]);
        assert!(!may_read_dossier(&admin, &own));
    }

    #[test]
    fn the_citizens_page_is_the_applicants_and_the_back_office_page_the_agencys() {
        let own = dossier_of(1, None);
        let reception = official(&[(Role::Reception, &[AGENCY])]);
        assert!(may_follow_as_applicant(&citizen(true), &own));
        assert!(!may_follow_as_applicant(
            &citizen(true),
            &dossier_of(99, None)
        ));
        assert!(!may_follow_as_applicant(&reception, &own));
        assert!(may_open_in_back_office(&reception, &own));
        assert!(!may_open_in_back_office(&citizen(true), &own));
        let elsewhere = official(&[(Role::Leader, &[11])]);
        assert!(!may_open_in_back_office(&elsewhere, &own));
    }

    #[test]
    fn actions_follow_the_role_at_the_agency_and_a_specialist_only_their_own() {
        let reception = official(&[(Role::Reception, &[AGENCY])]);
        let specialist = official(&[(Role::Specialist, &[AGENCY])]);
        let elsewhere = official(&[(Role::Reception, &[11])]);
        let unassigned = dossier_of(1, None);
        assert!(may_act_on_dossier(&reception, Action::Accept, &unassigned));
        assert!(!may_act_on_dossier(&elsewhere, Action::Accept, &unassigned));
        assert!(!may_act_on_dossier(
            &specialist,
            Action::Accept,
            &unassigned
        ));
        // The specialist's id is 2.
        assert!(may_act_on_dossier(
            &specialist,
            Action::Propose,
            &dossier_of(1, Some(2))
        ));
        assert!(!may_act_on_dossier(
            &specialist,
            Action::Propose,
            &dossier_of(1, Some(3))
        ));
        // The applicant's own actions are theirs alone.
        assert!(may_act_on_dossier(
            &citizen(true),
            Action::Withdraw,
            &unassigned
        ));
        assert!(!may_act_on_dossier(
            &citizen(true),
            Action::Withdraw,
            &dossier_of(99, None)
        ));
        assert!(!may_act_on_dossier(
            &reception,
            Action::Withdraw,
            &unassigned
        ));
        assert!(!may_act_on_dossier(
            &citizen(true),
            Action::Accept,
            &unassigned
        ));
    }

    fn used(status: DossierStatus, as_result: bool, filed_by: Option<i64>) -> FileUse {
        FileUse {
            agency_id: AGENCY,
            status,
            filed_by,
            as_result,
        }
    }

    fn file(owner_id: i64, is_upload: bool, uses: Vec<FileUse>) -> FileOwnership {
        FileOwnership {
            owner_id,
            is_upload,
            uses,
        }
    }

    #[test]
    fn an_upload_is_its_owners_and_a_result_only_once_returned() {
        let citizen = citizen(true);
        assert!(may_read_file(&citizen, &file(1, true, vec![])));
        assert!(!may_read_file(&citizen, &file(99, true, vec![])));
        let ready = used(DossierStatus::ResultReady, true, None);
        assert!(!may_read_file(&citizen, &file(1, false, vec![ready])));
        let returned = used(DossierStatus::Returned, true, None);
        assert!(may_read_file(&citizen, &file(1, false, vec![returned])));
    }

    #[test]
    fn officials_see_files_of_submitted_dossiers_in_scope_and_drafts_they_file() {
        let reception = official(&[(Role::Reception, &[AGENCY])]);
        let elsewhere = official(&[(Role::Reception, &[11])]);
        let attached = file(1, true, vec![used(DossierStatus::Received, false, None)]);
        assert!(may_read_file(&reception, &attached));
        assert!(!may_read_file(&elsewhere, &attached));
        let result = file(1, false, vec![used(DossierStatus::ResultReady, true, None)]);
        assert!(may_read_file(&reception, &result));
        // A counter draft: only the officer filling it (id 2), even in scope.
        let draft = |filed_by| file(1, true, vec![used(DossierStatus::Draft, false, filed_by)]);
        assert!(may_read_file(&reception, &draft(Some(2))));
        assert!(!may_read_file(&reception, &draft(Some(3))));
        assert!(!may_read_file(&reception, &draft(None)));
    }
}
