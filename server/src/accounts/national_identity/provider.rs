//! A configured identity provider, ready for a sign-in: its endpoints (from
//! the issuer's discovery document, or typed in by the administrator), its
//! signing keys, and the client the portal is registered as.
//!
//! What the provider publishes is kept in its row (`discovered`, `jwks`),
//! so a sign-in costs no discovery request and every instance shares it;
//! it is read again after a day, and the keys at once when a token names a
//! key not among them (the provider rotated its keys).

use crate::state::AppState;
use openidconnect::core::{CoreClient, CoreJsonWebKeySet};
use openidconnect::{
    AuthUrl, ClientId, ClientSecret, EndpointNotSet, EndpointSet, IssuerUrl, JsonWebKeySetUrl,
    RedirectUrl, TokenUrl,
};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use std::sync::LazyLock;
use std::time::Duration;

/// The client with an authorization and a token endpoint set.
pub type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
    EndpointNotSet,
>;

/// How long a discovery document is trusted before it is read again.
const DISCOVERY_KEPT_FOR: &str = "1 day";

/// Outgoing requests to providers: no redirects followed (a provider that
/// redirects its token endpoint elsewhere is not followed: the crate's
/// advice against server-side request forgery), and a bound on waiting.
pub static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .expect("the HTTP client builds")
});

/// The endpoints a sign-in uses.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Endpoints {
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    pub end_session_endpoint: Option<String>,
}

/// Which ID token claims carry the identity data.
#[derive(Clone, Debug)]
pub struct ClaimNames {
    pub citizen_id: String,
    pub full_name: String,
    pub birth_date: String,
}

pub struct Provider {
    pub id: i64,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    pub scopes: Vec<String>,
    /// Empty: any level.
    pub required_acr: Vec<String>,
    pub claims: ClaimNames,
    pub endpoints: Endpoints,
    pub jwks: CoreJsonWebKeySet,
}

/// Why a provider cannot be used right now.
#[derive(Debug, thiserror::Error)]
pub enum Unavailable {
    #[error("no provider in use is called {0}")]
    Unknown(String),
    #[error("the provider could not be reached or answered wrongly: {0}")]
    Unreachable(String),
    #[error("the client secret does not open with this portal's key")]
    SecretUnopenable,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The provider called `slug`, if it is in use, with fresh enough endpoints
/// and keys.
pub async fn load(state: &AppState, slug: &str) -> Result<Provider, Unavailable> {
    let row = sqlx::query!(
        r#"SELECT id, issuer, uses_discovery, authorization_endpoint, token_endpoint,
                  jwks_uri, end_session_endpoint, client_id, client_secret_sealed, scopes,
                  required_acr, claim_citizen_id, claim_full_name, claim_birth_date,
                  discovered, jwks,
                  fetched_at IS NOT NULL AND fetched_at > now() - $2::text::interval AS "fresh!"
           FROM identity_providers WHERE slug = $1 AND enabled"#,
        slug,
        DISCOVERY_KEPT_FOR,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(|| Unavailable::Unknown(slug.to_string()))?;
    let client_secret = match &row.client_secret_sealed {
        Some(sealed) => Some(
            state
                .sealing
                .open(&secret_owner(row.id), sealed)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .ok_or(Unavailable::SecretUnopenable)?,
        ),
        None => None,
    };
    let stored = match (&row.discovered, &row.jwks, row.fresh) {
        (Some(endpoints), Some(jwks), true) => {
            serde_json::from_value::<Endpoints>(endpoints.clone())
                .ok()
                .zip(serde_json::from_value::<CoreJsonWebKeySet>(jwks.clone()).ok())
        }
        _ => None,
    };
    let (endpoints, jwks) = match stored {
        Some(known) => known,
        None => {
            let fetched = if row.uses_discovery {
                discover(&row.issuer).await?
            } else {
                let endpoints = Endpoints {
                    authorization_endpoint: row.authorization_endpoint.clone().unwrap_or_default(),
                    token_endpoint: row.token_endpoint.clone().unwrap_or_default(),
                    jwks_uri: row.jwks_uri.clone().unwrap_or_default(),
                    end_session_endpoint: row.end_session_endpoint.clone(),
                };
                let jwks = fetch_jwks(&endpoints.jwks_uri).await?;
                (endpoints, jwks)
            };
            keep(&state.pool, row.id, Some(&fetched.0), &fetched.1).await?;
            fetched
        }
    };
    Ok(Provider {
        id: row.id,
        issuer: row.issuer,
        client_id: row.client_id,
        client_secret,
        scopes: row.scopes.split_whitespace().map(str::to_string).collect(),
        required_acr: row
            .required_acr
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        claims: ClaimNames {
            citizen_id: row.claim_citizen_id,
            full_name: row.claim_full_name,
            birth_date: row.claim_birth_date,
        },
        endpoints,
        jwks,
    })
}

/// The associated data a provider's sealed client secret is bound to.
pub fn secret_owner(provider_id: i64) -> String {
    format!("identity-provider:{provider_id}")
}

impl Provider {
    /// The portal as this provider's client, answering at `redirect`.
    pub fn client(&self, redirect: &str) -> Result<Client, Unavailable> {
        let bad =
            |error: openidconnect::url::ParseError| Unavailable::Unreachable(error.to_string());
        let mut client = CoreClient::new(
            ClientId::new(self.client_id.clone()),
            IssuerUrl::new(self.issuer.clone()).map_err(bad)?,
            self.jwks.clone(),
        )
        .set_auth_uri(AuthUrl::new(self.endpoints.authorization_endpoint.clone()).map_err(bad)?)
        .set_token_uri(TokenUrl::new(self.endpoints.token_endpoint.clone()).map_err(bad)?)
        .set_redirect_uri(RedirectUrl::new(redirect.to_string()).map_err(bad)?);
        if let Some(secret) = &self.client_secret {
            client = client.set_client_secret(ClientSecret::new(secret.clone()));
        }
        Ok(client)
    }

    /// Reads the provider's keys again (a token named a key not among
    /// them) and keeps them for every instance.
    pub async fn refresh_keys(&mut self, pool: &PgPool) -> Result<(), Unavailable> {
        self.jwks = fetch_jwks(&self.endpoints.jwks_uri).await?;
        keep(pool, self.id, None, &self.jwks).await?;
        Ok(())
    }
}

async fn discover(issuer: &str) -> Result<(Endpoints, CoreJsonWebKeySet), Unavailable> {
    let issuer = IssuerUrl::new(issuer.to_string())
        .map_err(|error| Unavailable::Unreachable(error.to_string()))?;
    // Discovery checks that the document names this very issuer.
    let metadata = openidconnect::ProviderMetadataWithLogout::discover_async(issuer, &*HTTP)
        .await
        .map_err(|error| Unavailable::Unreachable(format!("discovery: {error}")))?;
    let endpoints = Endpoints {
        authorization_endpoint: metadata.authorization_endpoint().to_string(),
        token_endpoint: metadata
            .token_endpoint()
            .map(ToString::to_string)
            .ok_or_else(|| Unavailable::Unreachable("no token endpoint".into()))?,
        jwks_uri: metadata.jwks_uri().to_string(),
        end_session_endpoint: metadata
            .additional_metadata()
            .end_session_endpoint
            .as_ref()
            .map(ToString::to_string),
    };
    Ok((endpoints, metadata.jwks().clone()))
}

async fn fetch_jwks(uri: &str) -> Result<CoreJsonWebKeySet, Unavailable> {
    let url = JsonWebKeySetUrl::new(uri.to_string())
        .map_err(|error| Unavailable::Unreachable(error.to_string()))?;
    CoreJsonWebKeySet::fetch_async(&url, &*HTTP)
        .await
        .map_err(|error| Unavailable::Unreachable(format!("keys: {error}")))
}

/// Keeps what was read: the endpoints (when discovered now) and the keys.
async fn keep(
    pool: &PgPool,
    provider_id: i64,
    endpoints: Option<&Endpoints>,
    jwks: &CoreJsonWebKeySet,
) -> Result<(), sqlx::Error> {
    let endpoints = endpoints.map(|endpoints| serde_json::to_value(endpoints).unwrap_or_default());
    let jwks = serde_json::to_value(jwks).unwrap_or_default();
    sqlx::query!(
        "UPDATE identity_providers
         SET discovered = coalesce($2, discovered), jwks = $3,
             fetched_at = CASE WHEN $2::jsonb IS NULL THEN fetched_at ELSE now() END
         WHERE id = $1",
        provider_id,
        endpoints,
        jwks,
    )
    .execute(pool)
    .await?;
    Ok(())
}
