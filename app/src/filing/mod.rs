//! Filing online: `/nop-ho-so/{procedure_code}` shows the procedure's e-form
//! (its own, or the standard filing form when it has none), resuming the
//! citizen's draft, and posts to the server's filing handler,
//! which saves the draft or submits the dossier.

mod address_field;
#[cfg(feature = "ssr")]
pub mod answer_files;
pub mod check;
mod choice_fields;
mod date_range_field;
mod document_slots;
pub mod eform_fields;
mod fee_estimate;
pub mod file_field;
mod form_pages;
mod form_text;
mod group_field;
pub mod live_check;
mod model;
pub mod page;
pub mod partly_online;
#[cfg(feature = "ssr")]
pub mod prefill;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod store;
mod suspended;
pub mod upload_progress;
pub mod wallet_page;

/// A missing document's message is filed under `document_<slot id>`, the
/// key of its file input.
pub const DOCUMENT_FIELD_PREFIX: &str = "document_";

pub use form_pages::PAGE_FIELD;

pub use model::{
    document_anchor, filing_path, form_page_path, AddressChoices, AnswerFile, AttachedFile,
    DocumentSlot, FilingView, ProcedureSummary,
};
