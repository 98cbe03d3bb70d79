//! Fees and online payment. A citizen starts a payment for what their
//! dossier owes ([`start`]); the configured [`gateway::Gateway`] takes the
//! browser to its page; only the gateway's signed word settles the payment
//! ([`notifications`], [`reconcile`], both through [`settle`]), once.
//! Officers record counter payments and refunds ([`counter`]); every
//! settled payment has a receipt ([`receipt`]).

pub mod counter;
mod flags;
pub mod gateway;
pub mod notifications;
pub mod receipt;
mod receipts;
pub mod reconcile;
pub mod sandbox_gateway;
pub mod settle;
pub mod start;
pub mod vnpay;

use crate::config::GatewayChoice;
use crate::state::AppState;
use app::paths;
use axum::routing::{get, post};
use axum::Router;
use gateway::Gateway;

/// The gateway the portal is configured with.
pub fn configured_gateway(state: &AppState) -> Box<dyn Gateway> {
    match &state.config.payments.gateway {
        GatewayChoice::Sandbox(config) => Box::new(sandbox_gateway::SandboxGateway {
            config: config.clone(),
            base_url: state.config.public_base_url.clone(),
        }),
        GatewayChoice::Vnpay(config) => Box::new(vnpay::Vnpay {
            config: config.clone(),
        }),
    }
}

/// The origin of an outside gateway's payment page (`https://host`), which
/// the pay button's redirect leads to: pages must allow it as a form target.
pub fn gateway_origin(config: &crate::config::Config) -> Option<String> {
    match &config.payments.gateway {
        GatewayChoice::Sandbox(_) => None,
        GatewayChoice::Vnpay(vnpay) => {
            let origin =
                crate::access::same_origin::PortalOrigin::from_base_url(&vnpay.payment_url);
            Some(origin.0.to_string())
        }
    }
}

/// The citizen's and the officers' payment forms and documents.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::START_PAYMENT, post(start::start))
        .route(paths::PAYMENT_RECEIPT, get(receipt::download))
        .route(paths::OFFICE_RECORD_PAYMENT, post(counter::record_payment))
        .route(paths::OFFICE_RECORD_REFUND, post(counter::record_refund))
        .route(paths::RESOLVE_FLAG, post(flags::resolve))
}

/// Where gateways call in. Outside the session and same-origin layers:
/// these requests come from the gateway's servers, not a browser, and are
/// believed only for their signatures.
pub fn gateway_callbacks() -> Router<AppState> {
    Router::new()
        .route(paths::SANDBOX_IPN, post(notifications::sandbox_ipn))
        .route(paths::VNPAY_IPN, get(notifications::vnpay_ipn))
}
