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
    /// portal can reach the applicant, and consent to the privacy notice in
    /// force (asked again when a new version is published).
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
    /// Change the working calendar (days off, make-up days, confirming a
    /// year): it is the province's, so an administrator whose reach takes in
    /// the province (the root agency) only.
    ManageWorkingCalendar { province_id: i64 },
    /// Draft, publish and suspend procedure versions: the catalogue is the
    /// province's, so an administrator whose reach takes in the province.
    ManageCatalogue { province_id: i64 },
    /// Design, save and publish the e-forms an agency owns (the province's
    /// own forms: `agency_id` is the province): its form designers and the
    /// administrators whose reach takes it in.
    DesignFormsOf { agency_id: i64 },
    /// Write, review and publish the knowledge base's articles an agency
    /// owns (the province's own: `agency_id` is the province): its editors
    /// and the administrators whose reach takes it in.
    EditArticlesOf { agency_id: i64 },
    /// Answer the questions people send an agency (`/can-bo/cau-hoi`): its
    /// one-stop staff, specialists and leaders, and the editors and
    /// administrators whose reach takes it in.
    AnswerQuestionsOf { agency_id: i64 },
    /// Receive every field report (the operations centre): see who
    /// reported, forward, merge, refuse, publish answers.
    CoordinateFieldReports,
    /// Handle the field reports forwarded to an agency: its one-stop
    /// staff, specialists and leaders (never who reported).
    HandleFieldReportsOf { agency_id: i64 },
    /// File a field report for a caller: counter officers and the
    /// coordinators (who take the hotline's calls).
    FileFieldReportForCaller,
}

/// Whether a signed-in `user` may do `permission`.
pub fn permits(user: &SignedInUser, permission: Permission) -> bool {
    match permission {
        Permission::ManageOwnAccount => true,
        Permission::FileDossier => {
            user.kind == AccountKind::Citizen
                && user.email_confirmed
                && user.privacy_consent_current
        }
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
        Permission::DesignFormsOf { agency_id } => {
            user.is_official()
                && (user.has_role_in(Role::FormDesigner, agency_id)
                    || user.has_role_in(Role::Administrator, agency_id))
        }
        Permission::EditArticlesOf { agency_id } => {
            user.is_official()
                && (user.has_role_in(Role::Editor, agency_id)
                    || user.has_role_in(Role::Administrator, agency_id))
        }
        Permission::AnswerQuestionsOf { agency_id } => {
            user.is_official()
                && [
                    Role::Reception,
                    Role::Specialist,
                    Role::Leader,
                    Role::Editor,
                    Role::Administrator,
                ]
                .into_iter()
                .any(|role| user.has_role_in(role, agency_id))
        }
        Permission::CoordinateFieldReports => {
            user.is_official() && user.has_role(Role::Coordinator)
        }
        Permission::HandleFieldReportsOf { agency_id } => {
            user.is_official()
                && [Role::Reception, Role::Specialist, Role::Leader]
                    .into_iter()
                    .any(|role| user.has_role_in(role, agency_id))
        }
        Permission::FileFieldReportForCaller => {
            user.is_official()
                && (user.has_role(Role::Reception) || user.has_role(Role::Coordinator))
        }
        Permission::ManageWorkingCalendar { province_id }
        | Permission::ManageCatalogue { province_id } => {
            user.is_official() && user.has_role_in(Role::Administrator, province_id)
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
        Err(refusal_for(user))
    }
}

/// Why `user` may not: their roles wait for their second factor, or they
/// simply may not.
pub fn refusal_for(user: &SignedInUser) -> AppError {
    if user.second_factor.pending.is_some() {
        AppError::SecondFactorRequired
    } else {
        AppError::Forbidden
    }
}

/// Where `user` lands after signing in when they were going nowhere in
/// particular: an official who works dossiers (reception, specialist,
/// leader) on their inbox; a manager without such a role on the
/// statistics; an administrator on the officials list; a form designer on
/// the e-forms; an editor on the articles; a citizen on their
/// dossiers ("Hồ sơ của tôi").
pub fn landing_page(user: &SignedInUser) -> &'static str {
    use crate::paths;
    if !user.is_official() {
        return paths::DOSSIERS;
    }
    if user.second_factor.pending.is_some() {
        return paths::SECOND_FACTOR;
    }
    let works_dossiers = [Role::Reception, Role::Specialist, Role::Leader]
        .into_iter()
        .any(|role| user.has_role(role));
    if works_dossiers {
        paths::INBOX
    } else if user.has_role(Role::Manager) {
        paths::STATISTICS
    } else if user.has_role(Role::Administrator) {
        paths::OFFICIALS
    } else if user.has_role(Role::FormDesigner) {
        paths::FORMS_ADMIN
    } else if user.has_role(Role::Editor) {
        paths::ARTICLES_ADMIN
    } else if user.has_role(Role::Coordinator) {
        paths::REPORT_QUEUE
    } else {
        paths::ACCOUNT
    }
}

/// Whose a dossier is: what the rules about one dossier look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DossierOwnership {
    pub applicant_id: i64,
    /// The agency that received it (whose dossier it is in the register
    /// and the statistics).
    pub agency_id: i64,
    /// The agency whose workflow step it is at now: the receiving agency,
    /// or another one for a step taken elsewhere (liên thông,
    /// `dossiers.handling_agency_id`).
    pub handling_agency_id: i64,
    /// The specialist it is assigned to, if any.
    pub assignee_id: Option<i64>,
}

impl DossierOwnership {
    /// Whether a back-office role of `user` reaches the receiving agency or
    /// the agency whose step the dossier is at.
    fn reached_by(&self, user: &SignedInUser) -> bool {
        works_in_back_office_of(user, self.agency_id)
            || works_in_back_office_of(user, self.handling_agency_id)
    }
}

/// Whether `user` may see the dossier, its slips, receipts and payments:
/// its applicant, or an official whose back-office roles (reception,
/// specialist, leader, manager) reach the agency that received it or the
/// agency whose step it is at. To anyone else it does not exist.
pub fn may_read_dossier(user: &SignedInUser, dossier: &DossierOwnership) -> bool {
    dossier.applicant_id == user.id || dossier.reached_by(user)
}

/// Whether `user` may follow the dossier as its applicant (the citizen's
/// own dossier page).
pub fn may_follow_as_applicant(user: &SignedInUser, dossier: &DossierOwnership) -> bool {
    dossier.applicant_id == user.id
}

/// Whether `user` may open the dossier in the back office: a role other
/// than administrator at the agency that received it or at the one whose
/// step it is at (an agency taking a later step sees it from then on).
pub fn may_open_in_back_office(user: &SignedInUser, dossier: &DossierOwnership) -> bool {
    dossier.reached_by(user)
}

/// Whether `user` may take `action` on the dossier: the applicant their own
/// actions; an official a role of the action at the agency whose step the
/// dossier is at, and a specialist only on a dossier assigned to them. The
/// back office's pages offer, and the server allows, exactly this.
pub fn may_act_on_dossier(user: &SignedInUser, action: Action, dossier: &DossierOwnership) -> bool {
    match action.actor() {
        Actor::Applicant => dossier.applicant_id == user.id,
        Actor::Official(roles) => roles.iter().any(|role| {
            user.has_role_in(*role, dossier.handling_agency_id)
                && (*role != Role::Specialist || dossier.assignee_id == Some(user.id))
        }),
    }
}

/// Whether `user` may attach the draft result of the dossier: the
/// specialist it is assigned to, while a back-office role of theirs still
/// reaches the agency whose step it is at.
pub fn may_draft_result(user: &SignedInUser, dossier: &DossierOwnership) -> bool {
    dossier.assignee_id == Some(user.id)
        && works_in_back_office_of(user, dossier.handling_agency_id)
}

/// Whether `user` may settle a flagged payment of a dossier of `agency_id`:
/// a manager of that agency.
pub fn may_settle_payment_flag(user: &SignedInUser, agency_id: i64) -> bool {
    user.is_official() && user.has_role_in(Role::Manager, agency_id)
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
    /// The agency whose step the dossier is at (liên thông).
    pub handling_agency_id: i64,
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
                || works_in_back_office_of(user, used.handling_agency_id)
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
mod tests;
