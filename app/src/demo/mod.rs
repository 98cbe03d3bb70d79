//! Pages that exist only in demo mode, for whoever presents the portal.

mod mailbox_page;
pub mod server_fns;
#[cfg(feature = "ssr")]
mod store;

pub use mailbox_page::DemoMailboxPage;

use serde::{Deserialize, Serialize};

/// A message the local SMTP catcher received, decoded for reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaughtMessage {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    /// `22/11/2026 14:05:09` in Vietnam time.
    pub received_at: String,
}
