//! Accounts: who a citizen is and how they sign in.
//!
//! The registration form's fields are parsed once, at the edge, into types that
//! cannot hold an invalid value ([`identity::CitizenId`],
//! [`identity::PhoneNumber`], [`identity::EmailAddress`],
//! [`identity::PersonName`], [`password::Password`]); code that receives one of
//! them never checks it again. Every refusal is a value of an error enum whose
//! `message(lang)` tells the citizen exactly what is wrong, in Vietnamese or
//! English.
//!
//! The rules are pure Rust with no I/O: the same rules run in the browser
//! (instant feedback) and on the server (the authority).

pub mod birth_date;
pub mod corrections;
#[cfg(feature = "ssr")]
pub mod data_deletion;
pub mod identity;
mod model;
pub mod national_identity;
pub mod pages;
pub mod password;
#[cfg(feature = "ssr")]
pub mod password_hash;
pub mod privacy;
pub mod registration;
pub mod second_factor;
pub mod server_fns;
pub mod sessions;
#[cfg(feature = "ssr")]
mod store;

pub use model::MyAccount;
