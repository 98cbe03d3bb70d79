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
//! Pure Rust with no I/O: the same rules run in the browser (instant feedback)
//! and on the server (the authority).

pub mod identity;
pub mod password;
#[cfg(feature = "ssr")]
pub mod password_hash;
