//! The authorization code flow (with PKCE and a nonce), as plain
//! navigations that work without JavaScript:
//!
//! - `GET /dang-nhap/dinh-danh/{slug}` (a link on the sign-in page) and
//!   `GET /tai-khoan/dinh-danh/{slug}` (linking, signed in) keep the
//!   waiting sign-in in `identity_sign_ins` and send the browser to the
//!   provider. Links, not form posts: a form's `form-action` policy would
//!   stop the redirect to another origin.
//! - `GET /dang-nhap/dinh-danh/{slug}/ve` takes the provider's answer:
//!   from the browser session that started it, within ten minutes, once.

use super::accounts;
use super::provider::{self, Provider};
use super::refusal::Refusal;
use super::verify::{self, VerifiedIdentity};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::accounts::second_factor;
use crate::accounts::sign_in::{finish, Passed};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::safe_return_path;
use app::accounts::national_identity::settings::redirect_uri;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, Query, State};
use openidconnect::core::CoreAuthenticationFlow;
use openidconnect::{AuthenticationContextClass, CsrfToken, Nonce, PkceCodeChallenge, Scope};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use tower_sessions::Session;

/// The session key holding the state of the sign-in this browser started.
const WAITING_KEY: &str = "identity_sign_in";
/// The session key of a session signed in through a provider: which one,
/// and its ID token, for signing out there too.
pub const SIGNED_IN_KEY: &str = "identity_session";

#[derive(Serialize, Deserialize)]
pub struct ProviderSession {
    pub provider_id: i64,
    pub id_token: String,
}

/// Whether this session signed in through an identity provider.
pub async fn signed_in_through_provider(session: &Session) -> bool {
    matches!(
        session.get::<ProviderSession>(SIGNED_IN_KEY).await,
        Ok(Some(_))
    )
}

/// `GET /dang-nhap/dinh-danh/{slug}?tiep=`: sign in through the provider.
pub async fn start_sign_in(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> HandlerResult {
    let next = query.get("tiep").cloned().unwrap_or_default();
    begin(&state, &session, &asker, &slug, None, next).await
}

/// `GET /tai-khoan/dinh-danh/{slug}`: a signed-in citizen links their
/// account.
pub async fn start_link(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> HandlerResult {
    begin(
        &state,
        &session,
        &asker,
        &slug,
        Some(user.id),
        String::new(),
    )
    .await
}

async fn begin(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    slug: &str,
    linking: Option<i64>,
    next: String,
) -> HandlerResult {
    let provider = match provider::load(state, slug).await {
        Ok(provider) => provider,
        Err(error) => return refuse(state, session, asker, linking, error.into()).await,
    };
    let redirect = redirect_uri(&state.config.public_base_url, slug);
    let client = match provider.client(&redirect) {
        Ok(client) => client,
        Err(error) => return refuse(state, session, asker, linking, error.into()).await,
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge)
        .add_extra_param("ui_locales", asker.lang.code());
    // The crate asks for `openid` itself.
    for scope in provider.scopes.iter().filter(|scope| *scope != "openid") {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    for level in &provider.required_acr {
        request = request.add_auth_context_value(AuthenticationContextClass::new(level.clone()));
    }
    let (url, csrf, nonce) = request.url();
    let state_hash = Sha256::digest(csrf.secret().as_bytes()).to_vec();
    sqlx::query!(
        "INSERT INTO identity_sign_ins (state_hash, provider_id, nonce, pkce_verifier, linking_user_id, next)
         VALUES ($1, $2, $3, $4, $5, $6)",
        state_hash,
        provider.id,
        nonce.secret(),
        verifier.secret(),
        linking,
        next.chars().take(500).collect::<String>(),
    )
    .execute(&state.pool)
    .await?;
    session
        .insert(WAITING_KEY, hex::encode(&state_hash))
        .await?;
    Ok(see_other(url.as_str()))
}

/// The sign-in waiting for this answer, spent.
struct Waiting {
    provider_id: i64,
    nonce: String,
    pkce_verifier: String,
    linking_user_id: Option<i64>,
    next: String,
}

/// `GET /dang-nhap/dinh-danh/{slug}/ve?code=&state=`: the provider's answer.
pub async fn callback(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> HandlerResult {
    let given = query.get("state").map(String::as_str).unwrap_or("");
    let state_hash = Sha256::digest(given.as_bytes()).to_vec();
    // This browser's own sign-in only: an answer carried to another
    // browser (a planted sign-in) finds nothing waiting there.
    let started_here = session.remove::<String>(WAITING_KEY).await?;
    let waiting = if started_here.as_deref() == Some(&hex::encode(&state_hash)) {
        spend(&state, &slug, &state_hash).await?
    } else {
        None
    };
    let Some(waiting) = waiting else {
        return refuse(&state, &session, &asker, None, Refusal::Expired).await;
    };
    let linking = waiting.linking_user_id;
    // A link goes to whoever asked for it, and only while they are the one
    // signed in on this browser.
    if let Some(user_id) = linking {
        let current = session
            .get::<crate::access::sessions::SessionUser>(crate::access::sessions::USER_KEY)
            .await?
            .map(|user| user.user_id);
        if current != Some(user_id) {
            return refuse(&state, &session, &asker, linking, Refusal::Expired).await;
        }
    }
    if let Some(error) = query.get("error") {
        let refusal = if error == "access_denied" {
            Refusal::Cancelled
        } else {
            tracing::warn!(%error, "identity provider answered with an error");
            Refusal::ProviderUnavailable
        };
        return refuse(&state, &session, &asker, linking, refusal).await;
    }
    let code = query.get("code").cloned().unwrap_or_default();
    let identity = match verified(&state, &slug, code, waiting.pkce_verifier, waiting.nonce).await {
        Ok(identity) => identity,
        Err(refusal) => return refuse(&state, &session, &asker, linking, refusal).await,
    };
    match linking {
        Some(user_id) => {
            link(
                &state,
                &session,
                &asker,
                waiting.provider_id,
                user_id,
                identity,
            )
            .await
        }
        None => {
            sign_in(
                &state,
                &session,
                &asker,
                waiting.provider_id,
                identity,
                waiting.next,
            )
            .await
        }
    }
}

/// One callback per sign-in: the row is spent by one conditional UPDATE,
/// so of two parallel replays at most one gets it.
async fn spend(state: &AppState, slug: &str, state_hash: &[u8]) -> anyhow::Result<Option<Waiting>> {
    Ok(sqlx::query_as!(
        Waiting,
        "UPDATE identity_sign_ins s SET used_at = now()
         FROM identity_providers p
         WHERE s.state_hash = $1 AND s.used_at IS NULL
           AND s.created_at > now() - interval '10 minutes'
           AND p.id = s.provider_id AND p.slug = $2
         RETURNING s.provider_id, s.nonce, s.pkce_verifier, s.linking_user_id, s.next",
        state_hash,
        slug,
    )
    .fetch_optional(&state.pool)
    .await?)
}

async fn verified(
    state: &AppState,
    slug: &str,
    code: String,
    pkce_verifier: String,
    nonce: String,
) -> Result<VerifiedIdentity, Refusal> {
    let mut provider: Provider = provider::load(state, slug).await?;
    let redirect = redirect_uri(&state.config.public_base_url, slug);
    verify::exchange(
        &state.pool,
        &mut provider,
        &redirect,
        code,
        pkce_verifier,
        nonce,
    )
    .await
}

async fn sign_in(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    provider_id: i64,
    identity: VerifiedIdentity,
    next: String,
) -> HandlerResult {
    let account = match accounts::sign_in(&state.pool, provider_id, &identity).await? {
        Ok(account) => account,
        Err(refusal) => return refuse(state, session, asker, None, refusal).await,
    };
    if account.created {
        let _ = audit::record(
            &state.pool,
            Some(account.user_id),
            AuditAction::IdentityAccountCreated,
            json!({ "provider_id": provider_id, "acr": identity.acr }),
            asker.ip,
        )
        .await;
    }
    let passed = Passed {
        user_id: account.user_id,
        kind: account.kind,
        remember: false,
        next,
    };
    if second_factor::store::is_enrolled(&state.pool, account.user_id).await? {
        second_factor::sign_in_code::await_code(session, passed).await?;
        return Ok(see_other(paths::SIGN_IN_CODE));
    }
    let mut landing = finish(state, session, asker, &passed, None).await?;
    session
        .insert(
            SIGNED_IN_KEY,
            ProviderSession {
                provider_id,
                id_token: identity.id_token,
            },
        )
        .await?;
    if account.created {
        // A new account has no email yet: the account page asks for one.
        let t = &asker.lang.texts().national_identity;
        feedback::notice(session, NoticeTone::Success, t.account_created).await;
        landing = safe_return_path(&passed.next, paths::ACCOUNT);
    }
    Ok(see_other(&landing))
}

async fn link(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    provider_id: i64,
    user_id: i64,
    identity: VerifiedIdentity,
) -> HandlerResult {
    if let Err(refusal) = accounts::link(&state.pool, provider_id, user_id, &identity).await? {
        return refuse(state, session, asker, Some(user_id), refusal).await;
    }
    let _ = audit::record(
        &state.pool,
        Some(user_id),
        AuditAction::IdentityLinked,
        json!({ "provider_id": provider_id, "acr": identity.acr }),
        asker.ip,
    )
    .await;
    let t = &asker.lang.texts().national_identity;
    feedback::notice(session, NoticeTone::Success, t.linked).await;
    Ok(see_other(paths::ACCOUNT))
}

/// Back to the sign-in page (or the account page for `linking`, the
/// signed-in person linking theirs) with the refusal in the person's words;
/// the reason goes to the audit log.
async fn refuse(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    linking: Option<i64>,
    refusal: Refusal,
) -> HandlerResult {
    let back = if linking.is_some() {
        paths::ACCOUNT
    } else {
        paths::SIGN_IN
    };
    if let Refusal::TokenRefused(detail) = &refusal {
        tracing::warn!(%detail, "an ID token was refused");
    }
    let _ = audit::record(
        &state.pool,
        linking,
        AuditAction::IdentitySignInRefused,
        json!({ "reason": refusal.reason() }),
        asker.ip,
    )
    .await;
    feedback::notice(session, NoticeTone::Error, refusal.message(asker.lang)).await;
    Ok(see_other(back))
}
