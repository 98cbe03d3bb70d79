//! Administration: official accounts, their agency and roles.

pub mod api_tokens;
mod model;
pub mod pages;
pub mod server_fns;
#[cfg(feature = "ssr")]
mod store;

pub use model::{AgencyOption, OfficialDetail, OfficialRow, OfficialsView};
