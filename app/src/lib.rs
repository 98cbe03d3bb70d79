// Leptos view types nest deeply; the compiler needs more room to lay them out.
#![recursion_limit = "256"]

//! Một Cửa, the web application: pages, components and server functions,
//! plus the domain rules that both the server and the browser run.
//!
//! Everything here compiles for both halves; database access sits behind the
//! `ssr` feature and the WebAssembly entry point behind `hydrate`.

pub mod access;
pub mod accounts;
pub mod administration;
mod app;
pub mod assistant;
pub mod back_office;
pub mod bundle;
pub mod catalogue;
pub mod clock;
pub mod collation;
pub mod counter;
#[cfg(feature = "ssr")]
pub mod database;
pub mod deadlines;
pub mod demo;
pub mod dossiers;
pub mod eforms;
pub mod enhance;
pub mod error;
pub mod fees;
pub mod field_reports;
pub mod filing;
pub mod forms;
mod http_status;
pub mod i18n;
pub mod knowledge;
mod layout;
pub mod money;
pub mod notifications;
pub mod paths;
pub mod payments;
pub mod ratings;
pub mod session_view;
pub mod statistics;
pub mod text;
pub mod tracking;

pub use app::{shell, App};

/// Entry point of the WebAssembly bundle, called before the page's islands
/// are hydrated one by one (`bundle/load_islands.js`).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
