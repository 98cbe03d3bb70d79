//! The provider's answer, checked: the code exchanged (with the PKCE
//! verifier) for tokens, and the ID token verified as OpenID Connect Core
//! §3.1.3.7 asks — signature by one of the provider's keys (read again
//! once when the token names an unknown key), issuer, audience, expiry,
//! nonce — then the assurance level the portal requires, then the identity
//! claims the administrator named.

use super::provider::{Provider, HTTP};
use super::refusal::Refusal;
use app::accounts::identity::{CitizenId, PersonName};
use base64::Engine;
use chrono::NaiveDate;
use openidconnect::core::{CoreIdToken, CoreIdTokenVerifier, CoreJwsSigningAlgorithm};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, IssuerUrl, Nonce,
    PkceCodeVerifier, SignatureVerificationError, TokenResponse,
};
use sqlx::PgPool;

/// Who the provider says signed in, every check passed.
#[derive(Debug, Clone)]
pub struct VerifiedIdentity {
    pub subject: String,
    pub citizen_id: Option<CitizenId>,
    pub full_name: Option<PersonName>,
    pub birth_date: Option<NaiveDate>,
    pub acr: Option<String>,
    /// Kept for the provider's sign-out (`id_token_hint`).
    pub id_token: String,
}

pub async fn exchange(
    pool: &PgPool,
    provider: &mut Provider,
    redirect: &str,
    code: String,
    pkce_verifier: String,
    nonce: String,
) -> Result<VerifiedIdentity, Refusal> {
    let client = provider.client(redirect)?;
    let response = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier))
        .request_async(&*HTTP)
        .await
        .map_err(|error| Refusal::TokenRefused(format!("token endpoint: {error}")))?;
    let id_token = response
        .id_token()
        .ok_or_else(|| Refusal::TokenRefused("no id_token in the token response".into()))?
        .clone();
    let nonce = Nonce::new(nonce);
    let subject = match check(provider, &id_token, &nonce) {
        Err(ClaimsVerificationError::SignatureVerification(
            SignatureVerificationError::NoMatchingKey,
        )) => {
            // A key the portal has not seen: the provider may have rotated
            // its keys. Read them once more, and only once.
            provider.refresh_keys(pool).await?;
            check(provider, &id_token, &nonce)
        }
        other => other,
    }
    .map_err(|error| Refusal::TokenRefused(error.to_string()))?;

    let claims = payload(&id_token)?;
    let text = |name: &str| {
        claims
            .get(name)
            .and_then(|value| value.as_str())
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_string)
    };
    let acr = text("acr");
    if !provider.required_acr.is_empty()
        && !acr
            .as_ref()
            .is_some_and(|acr| provider.required_acr.contains(acr))
    {
        return Err(Refusal::AssuranceTooLow {
            got: acr.unwrap_or_default(),
            required: provider.required_acr.clone(),
        });
    }
    Ok(VerifiedIdentity {
        subject,
        citizen_id: text(&provider.claims.citizen_id).and_then(|id| CitizenId::parse(&id).ok()),
        full_name: text(&provider.claims.full_name).and_then(|name| PersonName::parse(&name).ok()),
        birth_date: text(&provider.claims.birth_date)
            .and_then(|date| NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()),
        acr,
        id_token: id_token.to_string(),
    })
}

/// The crate's checks with the keys known now; the subject if they pass.
fn check(
    provider: &Provider,
    id_token: &CoreIdToken,
    nonce: &Nonce,
) -> Result<String, ClaimsVerificationError> {
    let issuer = IssuerUrl::new(provider.issuer.clone())
        .map_err(|error| ClaimsVerificationError::Other(error.to_string()))?;
    let client_id = ClientId::new(provider.client_id.clone());
    let verifier = match &provider.client_secret {
        Some(secret) => CoreIdTokenVerifier::new_confidential_client(
            client_id,
            ClientSecret::new(secret.clone()),
            issuer,
            provider.jwks.clone(),
        ),
        None => CoreIdTokenVerifier::new_public_client(client_id, issuer, provider.jwks.clone()),
    }
    .set_allowed_algs([
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        CoreJwsSigningAlgorithm::RsaSsaPssSha256,
        CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    ]);
    let claims = id_token.claims(&verifier, nonce)?;
    Ok(claims.subject().to_string())
}

/// The ID token's claims as JSON, to read the ones the administrator
/// named (the token's signature has been checked by then).
fn payload(id_token: &CoreIdToken) -> Result<serde_json::Map<String, serde_json::Value>, Refusal> {
    let compact = id_token.to_string();
    let body = compact
        .split('.')
        .nth(1)
        .ok_or_else(|| Refusal::TokenRefused("not a compact JWS".into()))?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|error| Refusal::TokenRefused(error.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|error| Refusal::TokenRefused(error.to_string()))
}
