//! The payment page (`/thanh-toan/{reference}`), where the gateway sends the
//! payer back. It shows only what the portal already knows from the
//! gateway's signed word — the browser's return proves nothing — and,
//! while that word has not come, offers a reload link (no timed refresh:
//! WCAG 2.2.1; the outcome also shows on the dossier page).

pub mod flags;
pub mod page;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod store;

use crate::fees::view::PaymentState;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    pub reference: String,
    pub dossier_code: String,
    pub amount: String,
    pub state: PaymentState,
    /// This attempt failed or expired (a newer one may have been started).
    pub failed: bool,
    /// Another attempt can be started from the dossier page.
    pub can_retry: bool,
    pub receipt: Option<crate::fees::view::ReceiptLink>,
}
