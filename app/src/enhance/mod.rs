//! The interactive parts of pages, as small islands that add to the
//! server-rendered HTML what JavaScript can: a field checked as the citizen
//! leaves it, questions that follow the answers, upload progress, the error
//! summary's links putting the focus in the field, figures read again in
//! place, the assistant's conversation going on in place, the field
//! report's place picked on a map.
//!
//! Each island renders nothing of its own: once hydrated it listens on the
//! page's elements and changes them as the server would have rendered them.
//! The pages' view code, the interface texts and the e-forms' validator
//! stay on the server, which is what keeps the browser bundle small
//! (measured in `bench/README.md`, "Browser bundle"); the e-forms' rule
//! evaluator (`crate::eforms::logic`) is the one part of the form logic the
//! browser runs, the same code the server obeys. Without JavaScript none of
//! this runs and every page works as forms that post.

mod conversation;
#[cfg(feature = "hydrate")]
mod dom;
mod filing_form;
pub mod map_picker;
mod refresh;
mod summary;
mod uploads;

pub use conversation::{ConversationInPlace, ASK_REGION_ID, STATUS_ID};
pub use filing_form::FilingFormEnhancer;
pub use refresh::RefreshInPlace;
pub use summary::ErrorSummaryFocus;
pub use uploads::{UploadProgressEnhancer, PERCENT_PLACEHOLDER};
