//! The browser bundle: which files it is (named by their content), and the
//! small script that loads it only on pages with interactive parts.
//!
//! Pages are complete HTML from the server; only `#[island]` components need
//! code in the browser. A page without islands downloads no WebAssembly at
//! all, and with JavaScript off nothing is fetched: there is no preload link,
//! only a module script, which a browser without scripting ignores.

mod files;
mod script;

pub use files::BundleFiles;
pub use script::{inline_script, BundleScript};
