//! Single-use links sent by mail: 256 random bits, base64url in the link, only
//! their SHA-256 in the database.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ConfirmEmail,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::ConfirmEmail => "confirm_email",
            Purpose::ResetPassword => "reset_password",
        }
    }
}

pub struct TokenUse {
    pub user_id: i64,
    pub email: Option<String>,
}

fn digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Creates a token for `user_id` valid for `minutes`, and returns it (the only
/// time it exists in clear).
pub async fn issue(
    tx: &mut PgConnection,
    now: DateTime<Utc>,
    user_id: i64,
    purpose: Purpose,
    email: Option<&str>,
    minutes: i32,
) -> sqlx::Result<String> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    sqlx::query!(
        "INSERT INTO account_tokens (user_id, purpose, token_sha256, email, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $6::timestamptz, $6::timestamptz + make_interval(mins => $5))",
        user_id,
        purpose.as_str(),
        digest(&token),
        email,
        minutes,
        now as _,
    )
    .execute(&mut *tx)
    .await?;
    Ok(token)
}

/// The token's user when it is unused and unexpired, without using it.
pub async fn peek(
    pool: &PgPool,
    now: DateTime<Utc>,
    token: &str,
    purpose: Purpose,
) -> sqlx::Result<Option<TokenUse>> {
    let row = sqlx::query!(
        "SELECT user_id, email FROM account_tokens
         WHERE token_sha256 = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        digest(token),
        purpose.as_str(),
        now as _,
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| TokenUse {
        user_id: row.user_id,
        email: row.email,
    }))
}

/// Uses the token: succeeds once, for one request, while it is unexpired.
pub async fn consume(
    tx: &mut PgConnection,
    now: DateTime<Utc>,
    token: &str,
    purpose: Purpose,
) -> sqlx::Result<Option<TokenUse>> {
    let row = sqlx::query!(
        "UPDATE account_tokens SET used_at = $3
         WHERE token_sha256 = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
         RETURNING user_id, email",
        digest(token),
        purpose.as_str(),
        now as _,
    )
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|row| TokenUse {
        user_id: row.user_id,
        email: row.email,
    }))
}

/// How many tokens of `purpose` the user got in the last hour (to stop a form
/// being used to flood someone's mailbox).
pub async fn issued_last_hour(
    pool: &PgPool,
    now: DateTime<Utc>,
    user_id: i64,
    purpose: Purpose,
) -> sqlx::Result<i64> {
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM account_tokens
           WHERE user_id = $1 AND purpose = $2 AND created_at > $3::timestamptz - interval '1 hour'"#,
        user_id,
        purpose.as_str(),
        now as _,
    )
    .fetch_one(pool)
    .await?;
    Ok(count)
}

/// The link a mail carries: `{base}{path}?ma={token}`.
pub fn link(base_url: &str, path: &str, token: &str) -> String {
    format!("{base_url}{path}?ma={token}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_digest_is_not_the_token() {
        let stored = digest("abc");
        assert_eq!(stored.len(), 32);
        assert_ne!(stored, b"abc".to_vec());
    }
}
