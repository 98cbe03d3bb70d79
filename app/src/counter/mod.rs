//! Counter filing (tiếp nhận trực tiếp): a reception officer finds a walk-in
//! applicant by their CCCD, or records them, and files a dossier for them
//! through the same e-form, documents, codes and deadlines as online
//! filing; the dossier is accepted there and then (channel `counter`).

pub mod model;
pub mod page;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod store;
pub mod walk_in;

pub use model::{CounterDesk, WalkInApplicant};
