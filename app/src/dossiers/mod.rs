//! Dossiers (hồ sơ): their states, codes and PINs — the common language of
//! filing, tracking, the back office and statistics.

pub mod channel;
pub mod code;
pub mod notice_slips;
pub mod reads;
pub mod status;
pub mod workflow;
pub mod workflow_steps;
#[cfg(feature = "ssr")]
pub mod workflow_store;

pub use channel::Channel;
pub use code::DossierCode;
pub use status::DossierStatus;
pub use workflow::{Action, Actor, WorkflowState};
