//! Payment settings: which gateway takes online payments, and how long a
//! started payment may stay unconfirmed.

use super::{parse_count, ConfigError};
use secrecy::SecretString;

#[derive(Debug, Clone)]
pub struct PaymentSettings {
    pub gateway: GatewayChoice,
    /// `MOTCUA_PAYMENT_EXPIRY_MINUTES` (default 15): a payment not confirmed
    /// by then is expired by reconciliation.
    pub expiry_minutes: i64,
}

/// `MOTCUA_PAYMENT_GATEWAY`: `sandbox` (default; not in production) or `vnpay`.
#[derive(Debug, Clone)]
pub enum GatewayChoice {
    Sandbox(SandboxConfig),
    Vnpay(VnpayConfig),
}

/// The built-in sandbox bank.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// `MOTCUA_SANDBOX_GATEWAY_SECRET`: what it signs notifications with.
    pub secret: SecretString,
    /// `MOTCUA_SANDBOX_GATEWAY_DELAY_MS` (default 1500): how long after the
    /// payer's choice its notification arrives.
    pub delay_ms: u64,
    /// `MOTCUA_SANDBOX_GATEWAY_DELIVERIES` (default 2): how many times it is
    /// delivered; more than one shows that repeats change nothing.
    pub deliveries: u32,
}

/// `MOTCUA_VNPAY_TMN_CODE`, `MOTCUA_VNPAY_HASH_SECRET`, `MOTCUA_VNPAY_URL`.
#[derive(Debug, Clone)]
pub struct VnpayConfig {
    pub tmn_code: String,
    pub secret: SecretString,
    pub payment_url: String,
}

const VNPAY_SANDBOX_URL: &str = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html";

pub fn read(
    get: &impl Fn(&str) -> Option<String>,
    production: bool,
) -> Result<PaymentSettings, ConfigError> {
    let gateway = match get("MOTCUA_PAYMENT_GATEWAY").as_deref().map(str::trim) {
        None | Some("sandbox") if production => return Err(ConfigError::SandboxInProduction),
        None | Some("sandbox") => GatewayChoice::Sandbox(SandboxConfig {
            secret: SecretString::from(
                get("MOTCUA_SANDBOX_GATEWAY_SECRET")
                    .unwrap_or_else(|| "motcua-sandbox-gateway".into()),
            ),
            delay_ms: parse_count(
                "MOTCUA_SANDBOX_GATEWAY_DELAY_MS",
                get("MOTCUA_SANDBOX_GATEWAY_DELAY_MS"),
                1500,
            )?,
            deliveries: parse_count(
                "MOTCUA_SANDBOX_GATEWAY_DELIVERIES",
                get("MOTCUA_SANDBOX_GATEWAY_DELIVERIES"),
                2,
            )?
            .clamp(1, 5) as u32,
        }),
        Some("vnpay") => {
            let (Some(tmn_code), Some(secret)) = (
                get("MOTCUA_VNPAY_TMN_CODE"),
                get("MOTCUA_VNPAY_HASH_SECRET"),
            ) else {
                return Err(ConfigError::VnpayIncomplete);
            };
            GatewayChoice::Vnpay(VnpayConfig {
                tmn_code: tmn_code.trim().to_string(),
                secret: SecretString::from(secret.trim()),
                payment_url: get("MOTCUA_VNPAY_URL").unwrap_or_else(|| VNPAY_SANDBOX_URL.into()),
            })
        }
        Some(other) => {
            return Err(ConfigError::BadChoice {
                name: "MOTCUA_PAYMENT_GATEWAY",
                allowed: "sandbox, vnpay",
                value: other.into(),
            })
        }
    };
    Ok(PaymentSettings {
        gateway,
        expiry_minutes: parse_count(
            "MOTCUA_PAYMENT_EXPIRY_MINUTES",
            get("MOTCUA_PAYMENT_EXPIRY_MINUTES"),
            15,
        )?
        .max(1) as i64,
    })
}
