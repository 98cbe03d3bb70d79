//! Administration: official accounts, their agency and roles; API tokens;
//! the working calendar; procedure versions.

pub mod agencies;
pub mod api_tokens;
pub mod calendar;
pub mod catalogue_exchange;
pub mod eforms;
mod model;
pub mod pages;
pub mod procedures;
pub mod search_words;
pub mod sectors;
pub mod server_fns;
pub mod settings;
#[cfg(feature = "ssr")]
mod store;

pub use model::{AgencyOption, OfficialDetail, OfficialRow, OfficialsView};
