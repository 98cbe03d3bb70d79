//! An identity provider as administrators configure it
//! (`/quan-tri/dinh-danh`), and the checks a posted configuration passes
//! before it is stored (`server/src/administration/identity_providers.rs`).
//! The client secret is never part of what a page receives.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A provider's configuration, as typed and as stored (without the secret).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderSettings {
    pub slug: String,
    pub name_vi: String,
    pub name_en: String,
    pub issuer: String,
    pub uses_discovery: bool,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    pub end_session_endpoint: String,
    pub client_id: String,
    pub scopes: String,
    pub required_acr: String,
    pub claim_citizen_id: String,
    pub claim_full_name: String,
    pub claim_birth_date: String,
    pub enabled: bool,
}

impl ProviderSettings {
    /// A new provider's form: the national identity's usual claims.
    pub fn new_form() -> ProviderSettings {
        ProviderSettings {
            uses_discovery: true,
            scopes: "openid profile".into(),
            claim_citizen_id: "so_dinh_danh".into(),
            claim_full_name: "name".into(),
            claim_birth_date: "birthdate".into(),
            enabled: true,
            ..ProviderSettings::default()
        }
    }
}

/// What is wrong with a posted configuration, per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    SlugInvalid,
    NameRequired,
    UrlInvalid,
    EndpointsRequired,
    ClientIdRequired,
    ScopesNeedOpenid,
    ClaimInvalid,
    AcrInvalid,
}

impl Refusal {
    pub fn message(self, t: &crate::i18n::NationalIdentityTexts) -> &'static str {
        match self {
            Refusal::SlugInvalid => t.slug_invalid,
            Refusal::NameRequired => t.name_required,
            Refusal::UrlInvalid => t.url_invalid,
            Refusal::EndpointsRequired => t.endpoints_required,
            Refusal::ClientIdRequired => t.client_id_required,
            Refusal::ScopesNeedOpenid => t.scopes_need_openid,
            Refusal::ClaimInvalid => t.claim_invalid,
            Refusal::AcrInvalid => t.acr_invalid,
        }
    }
}

/// An absolute http(s) address with a host and no fragment. Plain http is
/// accepted because a test provider runs on this machine; the README says
/// a real one is https.
fn is_address(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?']).next().unwrap_or("");
    !host.is_empty()
        && !text.contains('#')
        && text.len() <= 500
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_claim_name(text: &str) -> bool {
    (1..=100).contains(&text.len())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | ':' | '/'))
}

/// Trims every field, squashes the lists' spaces, and says what is wrong.
pub fn check_provider(
    mut posted: ProviderSettings,
) -> (ProviderSettings, Vec<(&'static str, Refusal)>) {
    let squash = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for field in [
        &mut posted.slug,
        &mut posted.name_vi,
        &mut posted.name_en,
        &mut posted.issuer,
        &mut posted.authorization_endpoint,
        &mut posted.token_endpoint,
        &mut posted.jwks_uri,
        &mut posted.end_session_endpoint,
        &mut posted.client_id,
        &mut posted.claim_citizen_id,
        &mut posted.claim_full_name,
        &mut posted.claim_birth_date,
    ] {
        *field = field.trim().to_string();
    }
    posted.issuer = posted.issuer.trim_end_matches('/').to_string();
    posted.scopes = squash(&posted.scopes);
    posted.required_acr = squash(&posted.required_acr);

    let mut refusals = Vec::new();
    let slug_ok = (2..=40).contains(&posted.slug.len())
        && posted
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !posted.slug.starts_with('-');
    if !slug_ok {
        refusals.push(("slug", Refusal::SlugInvalid));
    }
    for (name, value) in [("name_vi", &posted.name_vi), ("name_en", &posted.name_en)] {
        if value.is_empty() || value.chars().count() > 120 {
            refusals.push((name, Refusal::NameRequired));
        }
    }
    if !is_address(&posted.issuer) {
        refusals.push(("issuer", Refusal::UrlInvalid));
    }
    let manual = [
        ("authorization_endpoint", &posted.authorization_endpoint),
        ("token_endpoint", &posted.token_endpoint),
        ("jwks_uri", &posted.jwks_uri),
        ("end_session_endpoint", &posted.end_session_endpoint),
    ];
    for (name, value) in manual {
        if !value.is_empty() && !is_address(value) {
            refusals.push((name, Refusal::UrlInvalid));
        }
    }
    if !posted.uses_discovery && manual[..3].iter().any(|(_, value)| value.is_empty()) {
        refusals.push(("authorization_endpoint", Refusal::EndpointsRequired));
    }
    if posted.client_id.is_empty() || posted.client_id.len() > 200 {
        refusals.push(("client_id", Refusal::ClientIdRequired));
    }
    if !posted.scopes.split(' ').any(|scope| scope == "openid") {
        refusals.push(("scopes", Refusal::ScopesNeedOpenid));
    }
    let acr_ok = posted.required_acr.len() <= 200
        && posted
            .required_acr
            .split(' ')
            .filter(|level| !level.is_empty())
            .all(|level| level.chars().all(|c| c.is_ascii_graphic() && c != '"'));
    if !acr_ok {
        refusals.push(("required_acr", Refusal::AcrInvalid));
    }
    for (name, value) in [
        ("claim_citizen_id", &posted.claim_citizen_id),
        ("claim_full_name", &posted.claim_full_name),
        ("claim_birth_date", &posted.claim_birth_date),
    ] {
        if !is_claim_name(value) {
            refusals.push((name, Refusal::ClaimInvalid));
        }
    }
    (posted, refusals)
}

/// A configured provider on the administrators' page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfiguredProvider {
    pub id: i64,
    pub settings: ProviderSettings,
    pub has_secret: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityProvidersAdmin {
    pub providers: Vec<ConfiguredProvider>,
    /// The portal's public address, for the redirect URIs shown.
    pub public_url: String,
}

/// The redirect URI a provider must have registered for the portal.
pub fn redirect_uri(public_url: &str, slug: &str) -> String {
    format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        crate::paths::identity_callback(slug)
    )
}

#[server(endpoint = "admin/identity-providers")]
pub async fn load_identity_providers_admin() -> Result<IdentityProvidersAdmin, AppError> {
    use crate::access::{require, Permission};
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    require(Permission::ManageCatalogue { province_id })?;
    Ok(IdentityProvidersAdmin {
        providers: store::configured(&pool).await?,
        public_url: use_context::<crate::access::PublicUrl>()
            .map(|url| url.0)
            .unwrap_or_default(),
    })
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::{ConfiguredProvider, ProviderSettings};
    use crate::error::AppResult;
    use sqlx::PgExecutor;

    pub async fn configured<'c>(
        executor: impl PgExecutor<'c>,
    ) -> AppResult<Vec<ConfiguredProvider>> {
        Ok(sqlx::query!(
            r#"SELECT p.id, p.slug, p.name_vi, p.name_en, p.issuer, p.uses_discovery,
                      coalesce(p.authorization_endpoint, '') AS "authorization_endpoint!",
                      coalesce(p.token_endpoint, '') AS "token_endpoint!",
                      coalesce(p.jwks_uri, '') AS "jwks_uri!",
                      coalesce(p.end_session_endpoint, '') AS "end_session_endpoint!",
                      p.client_id, p.scopes, p.required_acr, p.claim_citizen_id,
                      p.claim_full_name, p.claim_birth_date, p.enabled,
                      p.client_secret_sealed IS NOT NULL AS "has_secret!"
               FROM identity_providers p ORDER BY p.id"#
        )
        .fetch_all(executor)
        .await?
        .into_iter()
        .map(|row| ConfiguredProvider {
            id: row.id,
            has_secret: row.has_secret,
            settings: ProviderSettings {
                slug: row.slug,
                name_vi: row.name_vi,
                name_en: row.name_en,
                issuer: row.issuer,
                uses_discovery: row.uses_discovery,
                authorization_endpoint: row.authorization_endpoint,
                token_endpoint: row.token_endpoint,
                jwks_uri: row.jwks_uri,
                end_session_endpoint: row.end_session_endpoint,
                client_id: row.client_id,
                scopes: row.scopes,
                required_acr: row.required_acr,
                claim_citizen_id: row.claim_citizen_id,
                claim_full_name: row.claim_full_name,
                claim_birth_date: row.claim_birth_date,
                enabled: row.enabled,
            },
        })
        .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vneid() -> ProviderSettings {
        ProviderSettings {
            slug: "vneid".into(),
            name_vi: "VNeID".into(),
            name_en: "VNeID".into(),
            issuer: "https://sso.example.gov.vn/".into(),
            client_id: "motcua-quang-ninh".into(),
            ..ProviderSettings::new_form()
        }
    }

    #[test]
    fn a_complete_configuration_passes_trimmed() {
        let (settings, refusals) = check_provider(ProviderSettings {
            scopes: "  openid   profile citizen ".into(),
            required_acr: " LoA2 ".into(),
            ..vneid()
        });
        assert_eq!(refusals, vec![]);
        assert_eq!(
            settings.issuer, "https://sso.example.gov.vn",
            "no trailing slash"
        );
        assert_eq!(settings.scopes, "openid profile citizen");
        assert_eq!(settings.required_acr, "LoA2");
    }

    #[test]
    fn each_wrong_field_is_named() {
        let (_, refusals) = check_provider(ProviderSettings {
            slug: "VNeID!".into(),
            name_en: " ".into(),
            issuer: "sso.example.gov.vn".into(),
            client_id: "".into(),
            scopes: "profile".into(),
            claim_citizen_id: "số định danh".into(),
            ..vneid()
        });
        let fields: Vec<_> = refusals.iter().map(|(field, _)| *field).collect();
        assert_eq!(
            fields,
            [
                "slug",
                "name_en",
                "issuer",
                "client_id",
                "scopes",
                "claim_citizen_id"
            ]
        );
    }

    #[test]
    fn without_discovery_the_three_endpoints_are_needed() {
        let (_, refusals) = check_provider(ProviderSettings {
            uses_discovery: false,
            authorization_endpoint: "https://sso.example.gov.vn/authorize".into(),
            ..vneid()
        });
        assert_eq!(
            refusals,
            vec![("authorization_endpoint", Refusal::EndpointsRequired)]
        );
        let (_, refusals) = check_provider(ProviderSettings {
            uses_discovery: false,
            authorization_endpoint: "https://sso.example.gov.vn/authorize".into(),
            token_endpoint: "https://sso.example.gov.vn/token".into(),
            jwks_uri: "https://sso.example.gov.vn/jwks".into(),
            ..vneid()
        });
        assert_eq!(refusals, vec![]);
    }

    #[test]
    fn the_redirect_uri_is_the_callback_under_the_public_address() {
        assert_eq!(
            redirect_uri("https://dichvucong.quangninh.gov.vn/", "vneid"),
            "https://dichvucong.quangninh.gov.vn/dang-nhap/dinh-danh/vneid/ve"
        );
    }
}
