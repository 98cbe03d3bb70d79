//! The portal's adapter for the sandbox bank (`crate::sandbox_bank`): the
//! same [`Gateway`] contract a real bank's adapter keeps.

use super::gateway::{Answer, Checkout, Gateway, GatewayReport, Outcome, VerifyError};
use crate::config::SandboxConfig;
use crate::sandbox_bank::{self, Report};
use secrecy::ExposeSecret;
use sqlx::PgPool;

pub struct SandboxGateway {
    pub config: SandboxConfig,
    /// The portal's public address: the bank lives under it.
    pub base_url: String,
}

impl SandboxGateway {
    fn read(&self, body: &[u8], signature: &str) -> Result<GatewayReport, VerifyError> {
        if !sandbox_bank::verify(self.config.secret.expose_secret(), body, signature) {
            return Err(VerifyError::BadSignature);
        }
        let report: Report = serde_json::from_slice(body).map_err(|_| VerifyError::Malformed)?;
        Ok(GatewayReport {
            reference: report.reference,
            amount: Some(report.amount),
            currency: report.currency,
            outcome: match report.status.as_str() {
                "success" => Outcome::Paid,
                "pending" => Outcome::Pending,
                _ => Outcome::Failed,
            },
            transaction: Some(report.transaction),
        })
    }
}

impl Gateway for SandboxGateway {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn checkout_url(&self, checkout: &Checkout) -> String {
        let amount = checkout.amount.0;
        let signed = sandbox_bank::checkout_data(
            &checkout.reference,
            amount,
            &checkout.description,
            &checkout.return_url,
        );
        let signature = sandbox_bank::sign(self.config.secret.expose_secret(), signed.as_bytes());
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("ref", &checkout.reference)
            .append_pair("amount", &amount.to_string())
            .append_pair("info", &checkout.description)
            .append_pair("return", &checkout.return_url)
            .append_pair("sig", &signature)
            .finish();
        format!("{}{}?{query}", self.base_url, sandbox_bank::PATH)
    }

    /// The notification is the JSON body; its signature is in the query
    /// string (`?signature=`).
    fn verify(&self, query: &str, body: &[u8]) -> Result<GatewayReport, VerifyError> {
        let signature = form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == "signature")
            .map(|(_, value)| value.into_owned())
            .ok_or(VerifyError::BadSignature)?;
        self.read(body, &signature)
    }

    fn query<'a>(&'a self, pool: &'a PgPool, reference: &'a str) -> Answer<'a> {
        Box::pin(async move {
            let statement =
                sandbox_bank::statement(pool, self.config.secret.expose_secret(), reference)
                    .await?;
            match statement {
                None => Ok(None),
                Some((body, signature)) => Ok(Some(
                    self.read(body.as_bytes(), &signature)
                        .map_err(|error| anyhow::anyhow!("the bank's statement: {error:?}"))?,
                )),
            }
        })
    }
}
