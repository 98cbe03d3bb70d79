//! Signing in through an identity provider (OpenID Connect relying party):
//! above all the national electronic identity (VNeID). The providers are
//! configuration (`server/src/administration/identity_providers.rs`); this
//! is the flow, the checks, and the accounts it reaches.

mod accounts;
pub mod flow;
pub mod provider;
mod refusal;
pub mod sign_out;
pub mod unlink;
mod verify;
