//! The rules: may this user do this to this object?
//!
//! Every check in the portal is a [`Permission`] passed to [`check`]; adding a
//! capability means adding a variant here, next to the others, where a
//! reviewer sees the whole policy at once.

use super::{AccountKind, Role, SignedInUser, Visitor};
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
}
