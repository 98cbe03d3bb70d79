//! What the portal told a user about their dossiers (also sent by mail):
//! listed at `/thong-bao`, counted in the header until opened.

pub mod page;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    /// `dd/mm/yyyy HH:MM`, Vietnam time.
    pub at: String,
    /// Not opened before this visit.
    pub unread: bool,
}
