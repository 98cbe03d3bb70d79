//! API tokens: how another system reads the reports as a manager without a
//! browser session. An administrator issues a token for a manager's account
//! (`/quan-tri/ma-api`); the token is shown once and only its SHA-256 is
//! kept. A request to the reports API carrying `Authorization: Bearer
//! mc_…` acts as that account, with its current roles and scope, until the
//! token is revoked or the account disabled.

use app::access::Visitor;
use axum::http::{header, HeaderMap};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::PgPool;

/// Every token starts so, which lets secret scanners recognise a leaked one.
const PREFIX: &str = "mc_";

/// The paths that take a token instead of a session: the reports, nothing
/// else (a token cannot file, act on a dossier or change an account).
pub fn accepted_at(path: &str) -> bool {
    path.starts_with("/api/v1/reports/")
}

/// A fresh token and the hash to store for it.
pub fn generate() -> (String, Vec<u8>) {
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let token = format!(
        "{PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret)
    );
    let hash = hash(&token);
    (token, hash)
}

/// A token's 256 random bits need no slow hash: SHA-256 cannot be
/// searched back to them.
fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The visitor a request's bearer token stands for: its owner, or nobody
/// when the token is missing, malformed, unknown or revoked.
pub async fn visitor(pool: &PgPool, headers: &HeaderMap) -> anyhow::Result<Visitor> {
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| token.starts_with(PREFIX))
    else {
        return Ok(Visitor(None));
    };
    // Marks it used (at most once a minute, to keep reads cheap) and names
    // its owner in one statement.
    let owner = sqlx::query_scalar!(
        "WITH token AS (SELECT id, user_id FROM api_tokens
                        WHERE token_hash = $1 AND revoked_at IS NULL AND purpose = 'reports'),
              touched AS (UPDATE api_tokens t SET last_used_at = now() FROM token
                          WHERE t.id = token.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute'))
         SELECT user_id FROM token",
        hash(token)
    )
    .fetch_optional(pool)
    .await?;
    let Some(owner) = owner else {
        return Ok(Visitor(None));
    };
    Ok(Visitor(
        super::authentication::load_user(pool, owner, None).await?,
    ))
}

/// Who an Open311 `api_key` stands for: the token's label (the system
/// that holds it) and its owner, when it is a live Open311 key. Marked
/// used at most once a minute, as bearer tokens are: a busy system's
/// parallel posts do not queue on the token's row.
pub async fn open311_owner(
    pool: &PgPool,
    key: &str,
) -> anyhow::Result<Option<(String, app::access::SignedInUser)>> {
    if !key.starts_with(PREFIX) {
        return Ok(None);
    }
    let token = sqlx::query!(
        r#"WITH token AS (SELECT id, label, user_id FROM api_tokens
                          WHERE token_hash = $1 AND revoked_at IS NULL AND purpose = 'open311'),
                touched AS (UPDATE api_tokens t SET last_used_at = now() FROM token
                            WHERE t.id = token.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute'))
           SELECT label AS "label!", user_id AS "user_id!" FROM token"#,
        hash(key)
    )
    .fetch_optional(pool)
    .await?;
    let Some(token) = token else {
        return Ok(None);
    };
    Ok(super::authentication::load_user(pool, token.user_id, None)
        .await?
        .map(|owner| (token.label, owner)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_only_as_their_hash() {
        let (first, first_hash) = generate();
        let (second, _) = generate();
        assert!(first.starts_with("mc_") && first.len() == 3 + 43, "{first}");
        assert_ne!(first, second);
        assert_eq!(first_hash, hash(&first));
        assert_eq!(first_hash.len(), 32);
    }

    #[test]
    fn only_the_reports_take_a_token() {
        assert!(accepted_at("/api/v1/reports/bieu-06"));
        assert!(!accepted_at("/api/v1/dossiers/x"));
        assert!(!accepted_at("/can-bo"));
    }
}
