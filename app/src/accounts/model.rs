//! What the account pages show.

use crate::access::Role;
use serde::{Deserialize, Serialize};

/// The signed-in user's own account, as `/tai-khoan` shows it. The full CCCD
/// is shown only here, to its owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub full_name: String,
    pub email: String,
    pub email_confirmed: bool,
    pub citizen_id: Option<String>,
    /// `15/03/1990`.
    pub date_of_birth: Option<String>,
    pub phone: Option<String>,
    pub agency_name: Option<String>,
    pub roles: Vec<Role>,
    /// Officials: whether they get the morning digest of due-soon and
    /// overdue dossiers.
    pub wants_daily_digest: bool,
    /// False for an account made at a first sign-in through the national
    /// identity: its changes are not asked for a password it never had.
    pub has_password: bool,
}
