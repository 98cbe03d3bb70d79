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
        second_factor: Default::default(),
        privacy_consent_current: true,
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
        second_factor: Default::default(),
        privacy_consent_current: false,
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
    let without_consent = SignedInUser {
        privacy_consent_current: false,
        ..citizen(true)
    };
    assert!(
        !permits(&without_consent, Permission::FileDossier),
        "not before agreeing to the privacy notice in force"
    );
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
        handling_agency_id: AGENCY,
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
        handling_agency_id: AGENCY,
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

#[test]
fn each_person_lands_where_their_work_is() {
    assert_eq!(landing_page(&citizen(true)), "/ho-so");
    for role in [Role::Reception, Role::Specialist, Role::Leader] {
        assert_eq!(landing_page(&official(&[(role, &[10])])), "/can-bo");
        assert_eq!(
            landing_page(&official(&[(Role::Manager, &[10]), (role, &[10])])),
            "/can-bo",
            "a manager who also works dossiers starts from the inbox"
        );
    }
    assert_eq!(
        landing_page(&official(&[(Role::Manager, &[10])])),
        "/thong-ke"
    );
    assert_eq!(
        landing_page(&official(&[(Role::Administrator, &[10])])),
        "/quan-tri/nguoi-dung"
    );
    assert_eq!(landing_page(&official(&[])), "/tai-khoan");
}

#[test]
fn only_the_assigned_specialist_of_the_agency_drafts_the_result() {
    let specialist = official(&[(Role::Specialist, &[AGENCY])]);
    assert!(may_draft_result(&specialist, &dossier_of(1, Some(2))));
    assert!(!may_draft_result(&specialist, &dossier_of(1, Some(3))));
    assert!(!may_draft_result(&specialist, &dossier_of(1, None)));
    // Assigned once, but no longer working at the dossier's agency.
    let moved = official(&[(Role::Specialist, &[11])]);
    assert!(!may_draft_result(&moved, &dossier_of(1, Some(2))));
    let mut applicant = citizen(true);
    applicant.id = 2;
    assert!(!may_draft_result(&applicant, &dossier_of(2, Some(2))));
}

#[test]
fn flagged_payments_are_settled_by_a_manager_of_the_dossiers_agency() {
    assert!(may_settle_payment_flag(
        &official(&[(Role::Manager, &[AGENCY])]),
        AGENCY
    ));
    assert!(!may_settle_payment_flag(
        &official(&[(Role::Manager, &[11])]),
        AGENCY
    ));
    for role in [
        Role::Reception,
        Role::Specialist,
        Role::Leader,
        Role::Administrator,
    ] {
        assert!(!may_settle_payment_flag(
            &official(&[(role, &[AGENCY])]),
            AGENCY
        ));
    }
    assert!(!may_settle_payment_flag(&citizen(true), AGENCY));
}

/// The land registration office, which takes a step of the commune's
/// dossiers (liên thông).
const OFFICE: i64 = 20;

#[test]
fn an_agency_taking_a_step_acts_only_while_the_dossier_is_at_its_step() {
    let office_leader = official(&[(Role::Leader, &[OFFICE])]);
    let commune_reception = official(&[(Role::Reception, &[AGENCY])]);
    let at_the_office = DossierOwnership {
        handling_agency_id: OFFICE,
        ..dossier_of(1, None)
    };
    // At the office's step: its leader assigns, the commune's reception
    // no longer does, but still sees the dossier it received.
    assert!(may_act_on_dossier(
        &office_leader,
        Action::Assign,
        &at_the_office
    ));
    assert!(!may_act_on_dossier(
        &commune_reception,
        Action::Assign,
        &at_the_office
    ));
    assert!(may_open_in_back_office(&commune_reception, &at_the_office));
    assert!(may_open_in_back_office(&office_leader, &at_the_office));
    // Back at the commune: the office neither acts nor sees it.
    let back_home = dossier_of(1, None);
    assert!(!may_act_on_dossier(
        &office_leader,
        Action::Approve,
        &back_home
    ));
    assert!(!may_open_in_back_office(&office_leader, &back_home));
    assert!(!may_read_dossier(&office_leader, &back_home));
    // The office's specialist reads the files of a dossier at its step.
    let office_specialist = official(&[(Role::Specialist, &[OFFICE])]);
    let use_at_office = FileUse {
        handling_agency_id: OFFICE,
        ..used(DossierStatus::Processing, false, None)
    };
    assert!(may_read_file(
        &office_specialist,
        &file(1, true, vec![use_at_office])
    ));
    let use_at_home = used(DossierStatus::ResultReady, false, None);
    assert!(!may_read_file(
        &office_specialist,
        &file(1, true, vec![use_at_home])
    ));
}

#[test]
fn field_reports_are_coordinated_by_the_centre_and_handled_by_the_agency_they_went_to() {
    let coordinator = official(&[(Role::Coordinator, &[1])]);
    let ward = official(&[(Role::Specialist, &[10])]);
    let manager = official(&[(Role::Manager, &[1, 10])]);
    assert!(permits(&coordinator, Permission::CoordinateFieldReports));
    assert!(!permits(&ward, Permission::CoordinateFieldReports));
    assert!(permits(
        &ward,
        Permission::HandleFieldReportsOf { agency_id: 10 }
    ));
    assert!(!permits(
        &ward,
        Permission::HandleFieldReportsOf { agency_id: 11 }
    ));
    assert!(!permits(
        &coordinator,
        Permission::HandleFieldReportsOf { agency_id: 10 }
    ));
    assert!(!permits(
        &manager,
        Permission::HandleFieldReportsOf { agency_id: 10 }
    ));
    // Callers are taken at the counter and on the hotline only.
    assert!(permits(&coordinator, Permission::FileFieldReportForCaller));
    assert!(permits(
        &official(&[(Role::Reception, &[10])]),
        Permission::FileFieldReportForCaller
    ));
    assert!(!permits(&ward, Permission::FileFieldReportForCaller));
    assert!(!permits(
        &citizen(true),
        Permission::FileFieldReportForCaller
    ));
}
