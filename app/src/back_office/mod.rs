//! The back office (`/can-bo`): officials receive, process, approve and
//! return dossiers of the agencies their roles reach. Changes go through
//! the server's actions (`server/src/back_office/actions/`); these pages
//! read and offer only what the official may do now
//! ([`crate::access::policy::may_act_on_dossier`]).

pub mod model;
pub mod pages;
pub mod server_fns;
pub mod steps;
#[cfg(feature = "ssr")]
pub mod store;
