//! Every way a sign-in through a provider can end without one, each with
//! the sentence the person reads (in their language) and the reason the
//! audit log keeps.

use app::i18n::{Lang, NationalIdentityTexts};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The person turned back at the provider.
    Cancelled,
    /// No sign-in waits for this answer: unknown or tampered state, another
    /// browser's, older than ten minutes, or already answered (a replay).
    Expired,
    /// The provider could not be reached, or its answer made no sense.
    ProviderUnavailable,
    /// The ID token failed a check: signature, issuer, audience, expiry,
    /// nonce. The reason is for the log only.
    TokenRefused(String),
    /// The provider vouched for a lower assurance level than required.
    AssuranceTooLow {
        got: String,
        required: Vec<String>,
    },
    ClaimsMissing,
    /// A new account would take a CCCD another account already has.
    CitizenIdHasAccount,
    /// Linking: the subject is linked to another account already.
    LinkedToAnother,
    /// Linking: this account is linked to another subject already.
    AlreadyLinkedOtherSubject,
    /// Linking: the provider's CCCD is not the account's.
    IdentityMismatch,
    OfficialsCannotLink,
    DisabledAccount,
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        let t: &NationalIdentityTexts = &lang.texts().national_identity;
        match self {
            Refusal::Cancelled => t.cancelled.into(),
            Refusal::Expired => t.expired.into(),
            Refusal::ProviderUnavailable => t.provider_unavailable.into(),
            Refusal::TokenRefused(_) => t.token_refused.into(),
            Refusal::AssuranceTooLow { got, required } => {
                let got = if got.is_empty() { "?" } else { got };
                (t.assurance_too_low)(got, &required.join(" / "))
            }
            Refusal::ClaimsMissing => t.claims_missing.into(),
            Refusal::CitizenIdHasAccount => t.citizen_id_has_account.into(),
            Refusal::LinkedToAnother => t.linked_to_another.into(),
            Refusal::AlreadyLinkedOtherSubject => t.already_linked_other_subject.into(),
            Refusal::IdentityMismatch => t.identity_mismatch.into(),
            Refusal::OfficialsCannotLink => t.officials_cannot_link.into(),
            Refusal::DisabledAccount => t.disabled_account.into(),
        }
    }

    /// The reason as the audit log keeps it.
    pub fn reason(&self) -> &'static str {
        match self {
            Refusal::Cancelled => "cancelled",
            Refusal::Expired => "expired_or_replayed",
            Refusal::ProviderUnavailable => "provider_unavailable",
            Refusal::TokenRefused(_) => "id_token_refused",
            Refusal::AssuranceTooLow { .. } => "assurance_too_low",
            Refusal::ClaimsMissing => "claims_missing",
            Refusal::CitizenIdHasAccount => "citizen_id_has_account",
            Refusal::LinkedToAnother => "linked_to_another",
            Refusal::AlreadyLinkedOtherSubject => "already_linked",
            Refusal::IdentityMismatch => "identity_mismatch",
            Refusal::OfficialsCannotLink => "official",
            Refusal::DisabledAccount => "disabled",
        }
    }
}

impl From<super::provider::Unavailable> for Refusal {
    fn from(error: super::provider::Unavailable) -> Self {
        tracing::warn!(%error, "identity provider unavailable");
        Refusal::ProviderUnavailable
    }
}
