//! Turns the session into the request's [`Visitor`], freshly checked against
//! the database on every request: a disabled account, a password reset on
//! another device, or an idle or too-old session all end here at once, on
//! every instance.

use super::sessions::{now_micros, SessionUser, USER_KEY};
use crate::state::AppState;
use app::access::{AccountKind, Role, RoleGrant, SignedInUser, Visitor};
use app::accounts::second_factor::{self, SecondFactorState};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use sqlx::PgPool;
use tower_sessions::Session;

/// How often at most a session's "last seen" is written back: often enough
/// for the idle timeout, rarely enough not to write on every request.
const LAST_SEEN_RESOLUTION_MICROS: i64 = 60 * 1_000_000;

pub async fn authenticate(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    // Static files are the same for everyone and should stay cacheable.
    if is_static(request.uri().path()) {
        return next.run(request).await;
    }
    let loaded = match load_visitor(&state.pool, &session).await {
        Ok((Visitor(None), _)) if super::api_tokens::accepted_at(request.uri().path()) => {
            super::api_tokens::visitor(&state.pool, request.headers())
                .await
                .map(|visitor| (visitor, None))
        }
        loaded => loaded,
    };
    let (visitor, session_row) = loaded.unwrap_or_else(|error| {
        // Without a database nothing personal can be served; carry on as
        // a visitor so public pages still answer.
        tracing::error!(%error, "could not load the signed-in user");
        (Visitor(None), None)
    });
    let signed_in = visitor.user().is_some();
    request
        .extensions_mut()
        .insert(app::access::CurrentSession(session_row));
    request.extensions_mut().insert(visitor);
    let (parts, body) = request.into_parts();
    let ip = super::client_ip::client_ip(&parts, state.config.trusted_proxy);
    let mut request = Request::from_parts(parts, body);
    request.extensions_mut().insert(app::access::ClientIp(ip));
    if request.method() == Method::GET && wants_html(&request) {
        let feedback = super::feedback::take(&session).await;
        request.extensions_mut().insert(feedback);
        if let Ok(Some(key)) = session
            .get::<String>(crate::assistant::CONVERSATION_KEY)
            .await
        {
            request
                .extensions_mut()
                .insert(app::assistant::ConversationKey(key));
        }
    }
    let mut response = next.run(request).await;
    // Nothing personal may be kept by a shared computer's cache or a proxy.
    // A response that names itself `private` has said what its browser may
    // keep (a map tile: the same picture for everyone, which tile services
    // require their clients to keep), and no proxy keeps it.
    if (signed_in && !names_itself_private(&response))
        || response.headers().contains_key(header::SET_COOKIE)
    {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Bundles, stylesheets and the icon. (Blank forms are not: a draft's is
/// for its administrators only.)
fn is_static(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg" || path == "/health"
}

/// Whether the handler set `Cache-Control: private…` itself.
fn names_itself_private(response: &Response) -> bool {
    response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.trim_start().starts_with("private"))
}

fn wants_html(request: &Request) -> bool {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// The session's visitor, and its `user_sessions` row when it has one.
async fn load_visitor(pool: &PgPool, session: &Session) -> anyhow::Result<(Visitor, Option<i64>)> {
    let Some(mut session_user) = session.get::<SessionUser>(USER_KEY).await? else {
        return Ok((Visitor(None), None));
    };
    let now = now_micros();
    if session_user.has_expired(now) {
        session.flush().await?;
        return Ok((Visitor(None), None));
    }
    let Some(user) = load_user(pool, session_user.user_id, Some(&session_user)).await? else {
        session.flush().await?;
        return Ok((Visitor(None), None));
    };
    if now - session_user.last_seen >= LAST_SEEN_RESOLUTION_MICROS {
        session_user.last_seen = now;
        session.insert(USER_KEY, session_user).await?;
        if let Some(row) = session_user.row {
            sqlx::query!(
                "UPDATE user_sessions SET last_seen_at = now() WHERE id = $1",
                row
            )
            .execute(pool)
            .await?;
        }
    }
    Ok((Visitor(Some(user)), session_user.row))
}

/// The account `user_id` with its roles and scope, or `None` when it is
/// disabled or, for a session, when it was ended: by its owner or an
/// administrator (its `user_sessions` row), or with all of the account's
/// sessions since it started (password reset or change). API tokens have
/// no session and pass `None`.
pub async fn load_user(
    pool: &PgPool,
    user_id: i64,
    session: Option<&SessionUser>,
) -> sqlx::Result<Option<SignedInUser>> {
    let row = sqlx::query!(
        r#"SELECT u.kind, u.full_name, coalesce(u.email, '') AS "email!", u.agency_id,
                  u.email_confirmed_at IS NOT NULL AS "email_confirmed!",
                  (u.disabled_at IS NULL
                   AND ($2::float8 IS NULL OR u.sessions_valid_after <= to_timestamp($2::float8 / 1000000))
                   AND ($3::int8 IS NULL OR EXISTS (SELECT 1 FROM user_sessions s
                                                    WHERE s.id = $3 AND s.user_id = u.id AND s.ended_at IS NULL))) AS "valid!",
                  ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role) AS "roles!: Vec<Role>",
                  has_second_factor(u.id) AS "second_factor!",
                  EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id) AS "passkey!",
                  EXISTS (SELECT 1 FROM privacy_consents c
                          WHERE c.user_id = u.id
                            AND c.notice_version = (SELECT max(version) FROM privacy_notices)) AS "privacy_consent!",
                  ARRAY(WITH RECURSIVE below AS (
                            SELECT id FROM agencies WHERE id = u.agency_id
                            UNION ALL
                            SELECT a.id FROM agencies a JOIN below b ON a.parent_id = b.id)
                        SELECT id FROM below) AS "subtree!"
           FROM users u WHERE u.id = $1"#,
        user_id,
        session.map(|session| session.signed_in_at as f64),
        session.and_then(|session| session.row),
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row.filter(|row| row.valid) else {
        return Ok(None);
    };
    let kind = AccountKind::parse(&row.kind).unwrap_or(AccountKind::Citizen);
    // A session (not an API token) of an official whose roles need a second
    // factor gets them only once it has checked one.
    let checked_at = session.and_then(|session| session.second_factor_at);
    let pending = match (session, kind) {
        (Some(_), AccountKind::Official) => {
            second_factor::pending(&row.roles, row.second_factor, checked_at.is_some())
        }
        _ => None,
    };
    let roles = row
        .roles
        .iter()
        .map(|&role| RoleGrant {
            role,
            agency_ids: match row.agency_id {
                Some(_) if role.reaches_subordinate_agencies() => row.subtree.clone(),
                Some(own) => vec![own],
                None => Vec::new(),
            },
        })
        .filter(|_| pending.is_none())
        .collect();
    Ok(Some(SignedInUser {
        id: user_id,
        kind,
        second_factor: SecondFactorState {
            enrolled: row.second_factor,
            passkey: row.passkey,
            checked_at,
            pending,
        },
        full_name: row.full_name,
        email: row.email,
        email_confirmed: row.email_confirmed,
        agency_id: row.agency_id,
        roles,
        privacy_consent_current: row.privacy_consent,
    }))
}
