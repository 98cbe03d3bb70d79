use crate::access::Role;
use serde::{Deserialize, Serialize};

/// One official account in the administrator's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialRow {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub agency_name: String,
    pub roles: Vec<Role>,
    pub disabled: bool,
}

/// An agency the administrator may put an official in, indented by depth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyOption {
    pub id: i64,
    pub name: String,
    pub depth: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialsView {
    pub officials: Vec<OfficialRow>,
    pub agencies: Vec<AgencyOption>,
}

/// One official account being edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialDetail {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub agency_id: i64,
    pub roles: Vec<Role>,
    pub disabled: bool,
    /// A confirmed authenticator app is set up.
    pub second_factor: bool,
    pub agencies: Vec<AgencyOption>,
}
