//! The sandbox bank: a payment gateway of its own inside the portal, so the
//! whole payment flow runs on one machine. It behaves like a real one from
//! the portal's point of view — a checkout page under its own path where
//! the payer chooses success, failure or cancel; the browser sent back to
//! the portal; a signed server-to-server notification delivered over HTTP
//! after a configurable delay, as many times as configured; and a query
//! for reconciliation — and it keeps its own tables (`sandbox_gateway_*`).
//!
//! Its signature: HMAC-SHA256 with the shared secret, hex, over the exact
//! bytes signed (the checkout fields joined by `|`, or a notification's
//! JSON body).

mod checkout;
pub mod delivery;
mod statement;

pub use statement::statement;

use crate::config::{GatewayChoice, SandboxConfig};
use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;
use hmac::{Hmac, Mac};
use secrecy::ExposeSecret;
use sha2::Sha256;

/// Where the bank lives.
pub const PATH: &str = "/cong-thanh-toan-thu-nghiem";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(PATH, get(checkout::page))
        .route(&format!("{PATH}/xac-nhan"), post(checkout::decide))
}

/// The bank's settings, when it is the configured gateway.
fn settings(state: &AppState) -> Option<&SandboxConfig> {
    match &state.config.payments.gateway {
        GatewayChoice::Sandbox(sandbox) => Some(sandbox),
        GatewayChoice::Vnpay(_) => None,
    }
}

fn secret(state: &AppState) -> Option<&str> {
    settings(state).map(|sandbox| sandbox.secret.expose_secret())
}

/// The bank's signature over `data`.
pub fn sign(secret: &str, data: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(data);
    hex::encode(mac.finalize().into_bytes())
}

/// Whether `signature` is the bank's over `data`, compared in constant time.
pub fn verify(secret: &str, data: &[u8], signature: &str) -> bool {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(data);
    match hex::decode(signature.trim()) {
        Ok(given) => mac.verify_slice(&given).is_ok(),
        Err(_) => false,
    }
}

/// The fields of a checkout as they are signed.
pub fn checkout_data(reference: &str, amount: i64, info: &str, return_url: &str) -> String {
    format!("{reference}|{amount}|{info}|{return_url}")
}

/// What the bank says of one order, as notification and statement carry it.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub reference: String,
    pub amount: i64,
    pub currency: String,
    /// `pending`, `success`, `failure` or `cancel`.
    pub status: String,
    pub transaction: String,
}
