use serde::{Deserialize, Serialize};

/// The person a reception officer files for, as the counter shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkInApplicant {
    pub id: i64,
    pub full_name: String,
    pub citizen_id: String,
    /// `dd/mm/yyyy`.
    pub date_of_birth: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Whether they can sign in to follow the dossier online (otherwise
    /// they follow it with the code and PIN on slip 01).
    pub has_account: bool,
}

/// `/can-bo/tiep-nhan`: the search, what it found, and what can be filed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterDesk {
    /// The CCCD searched for, as typed; empty before any search.
    pub searched: String,
    /// Why the search could not run (not a CCCD number).
    pub search_error: Option<String>,
    pub applicant: Option<WalkInApplicant>,
    /// The procedures with an e-form that the officer's agencies implement
    /// (code, name).
    pub procedures: Vec<(String, String)>,
}
