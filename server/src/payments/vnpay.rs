//! The VNPay adapter (API version 2.1.0). The payer's browser goes to
//! VNPay's payment page with the order in `vnp_*` parameters; VNPay calls
//! the IPN address with the outcome. Both directions are signed the same
//! way: HMAC-SHA512 with the merchant's secret over the `vnp_*` parameters
//! (without the hash itself) sorted by name and joined as `k=v&…`, each
//! name and value URL-encoded as in VNPay's own samples (spaces as `+`).

use super::gateway::{Answer, Checkout, Gateway, GatewayReport, Outcome, VerifyError};
use crate::config::VnpayConfig;
use hmac::{Hmac, Mac};
use secrecy::ExposeSecret;
use sha2::Sha512;
use sqlx::PgPool;
use std::collections::BTreeMap;

pub struct Vnpay {
    pub config: VnpayConfig,
}

/// The signature of `params` (every `vnp_*` but the hash fields).
pub fn sign(secret: &str, params: &BTreeMap<String, String>) -> String {
    let data = signing_data(params);
    let mut mac =
        Hmac::<Sha512>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(data.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// `k=v&…` over the sorted parameters that are signed.
fn signing_data(params: &BTreeMap<String, String>) -> String {
    params
        .iter()
        .filter(|(key, value)| {
            key.starts_with("vnp_")
                && !value.is_empty()
                && key.as_str() != "vnp_SecureHash"
                && key.as_str() != "vnp_SecureHashType"
        })
        .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Compares in constant time, so the answer's timing says nothing of the
/// right signature.
fn same_signature(expected: &str, given: &str) -> bool {
    let (expected, given) = (expected.as_bytes(), given.to_ascii_lowercase().into_bytes());
    expected.len() == given.len()
        && expected
            .iter()
            .zip(&given)
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

impl Gateway for Vnpay {
    fn name(&self) -> &'static str {
        "vnpay"
    }

    fn checkout_url(&self, checkout: &Checkout) -> String {
        let mut params = BTreeMap::new();
        let mut put = |key: &str, value: String| {
            params.insert(key.to_string(), value);
        };
        put("vnp_Version", "2.1.0".into());
        put("vnp_Command", "pay".into());
        put("vnp_TmnCode", self.config.tmn_code.clone());
        // VNPay counts in hundredths of a đồng.
        put("vnp_Amount", (checkout.amount.0 * 100).to_string());
        put("vnp_CurrCode", "VND".into());
        put("vnp_TxnRef", checkout.reference.clone());
        put("vnp_OrderInfo", checkout.description.clone());
        put("vnp_OrderType", "other".into());
        put("vnp_Locale", "vn".into());
        put("vnp_ReturnUrl", checkout.return_url.clone());
        put("vnp_IpAddr", checkout.client_ip.clone());
        put(
            "vnp_CreateDate",
            checkout.created_at.format("%Y%m%d%H%M%S").to_string(),
        );
        put(
            "vnp_ExpireDate",
            checkout.expires_at.format("%Y%m%d%H%M%S").to_string(),
        );
        let hash = sign(self.config.secret.expose_secret(), &params);
        format!(
            "{}?{}&vnp_SecureHash={hash}",
            self.config.payment_url,
            signing_data(&params)
        )
    }

    fn verify(&self, query: &str, _body: &[u8]) -> Result<GatewayReport, VerifyError> {
        let params: BTreeMap<String, String> = form_urlencoded::parse(query.as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        let given = params
            .get("vnp_SecureHash")
            .ok_or(VerifyError::BadSignature)?;
        if !same_signature(&sign(self.config.secret.expose_secret(), &params), given) {
            return Err(VerifyError::BadSignature);
        }
        let field = |name: &str| params.get(name).cloned().unwrap_or_default();
        if field("vnp_TmnCode") != self.config.tmn_code {
            return Err(VerifyError::Malformed);
        }
        let amount = field("vnp_Amount")
            .parse::<i64>()
            .map_err(|_| VerifyError::Malformed)?;
        let paid = field("vnp_ResponseCode") == "00" && field("vnp_TransactionStatus") == "00";
        Ok(GatewayReport {
            reference: field("vnp_TxnRef"),
            // Hundredths of a đồng: a fraction of a đồng can match no order.
            amount: (amount % 100 == 0).then_some(amount / 100),
            currency: "VND".into(),
            outcome: if paid { Outcome::Paid } else { Outcome::Failed },
            transaction: Some(field("vnp_TransactionNo")).filter(|number| !number.is_empty()),
        })
    }

    /// VNPay's query API (querydr) is not wired in: its IPN is the only
    /// word, and a payment it never confirms expires.
    fn query<'a>(&'a self, _pool: &'a PgPool, _reference: &'a str) -> Answer<'a> {
        Box::pin(async { Ok(None) })
    }
}
