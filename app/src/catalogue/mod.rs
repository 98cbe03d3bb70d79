//! The procedure catalogue (danh mục thủ tục hành chính): what citizens browse
//! and search before they file anything.

pub mod components;
pub mod model;
pub mod pages;
pub mod query;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod store;
