//! What the portal needs of a payment gateway, whichever it is: where to
//! send the payer, how to check what the gateway says, and how to ask it
//! about a payment. The portal believes only what [`Gateway::verify`]
//! accepts; the browser coming back proves nothing.

use app::money::Vnd;
use chrono::NaiveDateTime;
use sqlx::PgPool;
use std::future::Future;
use std::pin::Pin;

/// An order handed to the gateway.
pub struct Checkout {
    pub reference: String,
    pub amount: Vnd,
    /// What the payer reads on the gateway's page ("Lệ phí hồ sơ …").
    pub description: String,
    /// Where the gateway sends the browser back.
    pub return_url: String,
    pub client_ip: String,
    /// Vietnam local time.
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Paid,
    Failed,
    /// The gateway has no answer yet (only from a query).
    Pending,
}

/// What a gateway says about one payment, once its signature checked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayReport {
    pub reference: String,
    /// In đồng; `None` when it is not a whole number of đồng.
    pub amount: Option<i64>,
    pub currency: String,
    pub outcome: Outcome,
    /// The gateway's own transaction number.
    pub transaction: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// Not signed by the gateway: nothing in it is believed.
    BadSignature,
    /// Signed, but not something the portal can read.
    Malformed,
}

pub type Answer<'a> =
    Pin<Box<dyn Future<Output = anyhow::Result<Option<GatewayReport>>> + Send + 'a>>;

pub trait Gateway: Send + Sync {
    /// Stored with each payment (`sandbox`, `vnpay`).
    fn name(&self) -> &'static str;

    /// The gateway's page for this order, with the order signed into it.
    fn checkout_url(&self, checkout: &Checkout) -> String;

    /// Reads and checks a notification as it arrived (query string and body).
    fn verify(&self, query: &str, body: &[u8]) -> Result<GatewayReport, VerifyError>;

    /// Asks the gateway how a payment stands, for reconciliation; `None`
    /// when this gateway cannot be asked (its notifications are then the
    /// only word, and a payment nobody confirms expires).
    fn query<'a>(&'a self, pool: &'a PgPool, reference: &'a str) -> Answer<'a>;
}
