//! The signed-in user as every part of the portal sees them.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Citizens register themselves; officials are created by an administrator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountKind {
    Citizen,
    Official,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Citizen => "citizen",
            AccountKind::Official => "official",
        }
    }

    pub fn parse(text: &str) -> Option<AccountKind> {
        match text {
            "citizen" => Some(AccountKind::Citizen),
            "official" => Some(AccountKind::Official),
            _ => None,
        }
    }
}

/// What an official may do. One official can hold several roles. Stored
/// in `user_roles.role` and `workflow_steps.role` as its [`Role::as_str`]
/// name, and read and bound as a `Role` in every query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
pub enum Role {
    /// Bộ phận một cửa: receives, checks and returns dossiers.
    Reception,
    /// Chuyên viên: examines dossiers and drafts results.
    Specialist,
    /// Lãnh đạo: approves results.
    Leader,
    /// Quản lý: watches statistics and exports reports.
    Manager,
    /// Quản trị: manages official accounts.
    Administrator,
    /// Thiết kế biểu mẫu: designs the agency's e-forms; publishing one
    /// needs a second designer or administrator.
    FormDesigner,
    /// Biên tập hỏi đáp: writes the knowledge base's articles; publishing
    /// one needs a second editor or administrator.
    Editor,
    /// Điều phối phản ánh: the operations centre (IOC) receives every
    /// field report, forwards, merges or refuses it, and publishes the
    /// agencies' answers; it also takes reports by hotline.
    Coordinator,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Reception,
        Role::Specialist,
        Role::Leader,
        Role::Manager,
        Role::Administrator,
        Role::FormDesigner,
        Role::Editor,
        Role::Coordinator,
    ];

    /// The value stored in `user_roles.role` and sent by forms: the name
    /// sqlx writes and reads (integration test `typed_values`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reception => "reception",
            Role::Specialist => "specialist",
            Role::Leader => "leader",
            Role::Manager => "manager",
            Role::Administrator => "administrator",
            Role::FormDesigner => "form_designer",
            Role::Editor => "editor",
            Role::Coordinator => "coordinator",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Reception, Lang::Vi) => "Tiếp nhận (một cửa)",
            (Role::Specialist, Lang::Vi) => "Chuyên viên xử lý",
            (Role::Leader, Lang::Vi) => "Lãnh đạo phê duyệt",
            (Role::Manager, Lang::Vi) => "Quản lý, thống kê",
            (Role::Administrator, Lang::Vi) => "Quản trị hệ thống",
            (Role::Reception, Lang::En) => "Reception (one-stop shop)",
            (Role::Specialist, Lang::En) => "Specialist",
            (Role::Leader, Lang::En) => "Leader (approval)",
            (Role::Manager, Lang::En) => "Manager (statistics)",
            (Role::Administrator, Lang::En) => "Administrator",
            (Role::FormDesigner, Lang::Vi) => "Thiết kế biểu mẫu điện tử",
            (Role::FormDesigner, Lang::En) => "E-form designer",
            (Role::Editor, Lang::Vi) => "Biên tập hỏi đáp",
            (Role::Editor, Lang::En) => "Knowledge base editor",
            (Role::Coordinator, Lang::Vi) => "Điều phối phản ánh hiện trường",
            (Role::Coordinator, Lang::En) => "Field report coordinator",
        }
    }

    /// Whether the role's scope takes in the agencies below the official's
    /// own. Managers watch, and administrators staff, a whole subtree;
    /// processing roles work in their own agency only.
    pub fn reaches_subordinate_agencies(self) -> bool {
        matches!(
            self,
            Role::Manager | Role::Administrator | Role::FormDesigner | Role::Editor
        )
    }
}

/// A signed-in account, as loaded fresh from the database on each request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedInUser {
    pub id: i64,
    pub kind: AccountKind,
    pub full_name: String,
    pub email: String,
    pub email_confirmed: bool,
    /// Officials only: the agency they belong to.
    pub agency_id: Option<i64>,
    /// Officials only: the agencies their roles reach (their own, and the
    /// subtree below it for roles that reach it), per role. Empty while
    /// a second factor their roles need is not set up or not checked
    /// (`second_factor.pending`).
    pub roles: Vec<RoleGrant>,
    /// The account's second factor and this session's check of it.
    #[serde(default)]
    pub second_factor: crate::accounts::second_factor::SecondFactorState,
    /// Citizens: whether they agreed to the privacy notice in force.
    #[serde(default)]
    pub privacy_consent_current: bool,
}

/// A role and the agencies it reaches for one official.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub agency_ids: Vec<i64>,
}

impl SignedInUser {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|grant| grant.role == role)
    }

    /// Whether `role` reaches `agency_id` for this official.
    pub fn has_role_in(&self, role: Role, agency_id: i64) -> bool {
        self.roles
            .iter()
            .any(|grant| grant.role == role && grant.agency_ids.contains(&agency_id))
    }

    /// Every agency the official's `role` reaches.
    pub fn agencies_for(&self, role: Role) -> &[i64] {
        self.roles
            .iter()
            .find(|grant| grant.role == role)
            .map(|grant| grant.agency_ids.as_slice())
            .unwrap_or(&[])
    }

    /// The agencies whose work the official oversees as a leader or a
    /// manager: the operations view's scope.
    pub fn overseen_agencies(&self) -> Vec<i64> {
        let mut agencies: Vec<i64> = self.agencies_for(Role::Manager).to_vec();
        agencies.extend_from_slice(self.agencies_for(Role::Leader));
        agencies.sort_unstable();
        agencies.dedup();
        agencies
    }

    /// Every agency where the official works dossiers or watches them
    /// (reception, specialist, leader, manager): the back office's scope.
    pub fn back_office_agencies(&self) -> Vec<i64> {
        let mut agencies: Vec<i64> = self
            .roles
            .iter()
            .filter(|grant| grant.role != Role::Administrator)
            .flat_map(|grant| grant.agency_ids.iter().copied())
            .collect();
        agencies.sort_unstable();
        agencies.dedup();
        agencies
    }

    pub fn is_official(&self) -> bool {
        self.kind == AccountKind::Official
    }
}

/// Who is asking: nobody in particular, or a signed-in user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visitor(pub Option<SignedInUser>);

impl Visitor {
    pub fn user(&self) -> Option<&SignedInUser> {
        self.0.as_ref()
    }
}
