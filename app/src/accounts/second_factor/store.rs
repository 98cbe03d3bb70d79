//! The second factor in the database: the sealed secret, the last step
//! accepted, the recovery codes. Each use is one conditional UPDATE, so of
//! two requests with the same code exactly one passes.

use super::sealing::SealingKey;
use super::{recovery, totp};
use crate::accounts::password_hash;
use crate::error::{AppError, AppResult};
use sqlx::{PgConnection, PgPool};

/// What a sealed secret of `user_id` is bound to.
fn belongs_to(user_id: i64) -> String {
    format!("totp:{user_id}")
}

/// An account's authenticator secret.
pub struct Factor {
    pub secret: Vec<u8>,
    /// A first code from the app was accepted.
    pub confirmed: bool,
    pub last_used_step: i64,
}

/// How a code was accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepted {
    AppCode,
    /// A signed answer from one of the account's passkeys.
    Passkey,
    /// A recovery code, now spent; `left` remain.
    RecoveryCode {
        left: i64,
    },
}

impl Accepted {
    /// As recorded in the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Accepted::AppCode => "totp",
            Accepted::Passkey => "passkey",
            Accepted::RecoveryCode { .. } => "recovery_code",
        }
    }
}

pub async fn load(pool: &PgPool, key: &SealingKey, user_id: i64) -> AppResult<Option<Factor>> {
    let row = sqlx::query!(
        "SELECT secret_sealed, confirmed_at IS NOT NULL AS \"confirmed!\", last_used_step
         FROM totp_factors WHERE user_id = $1",
        user_id
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let secret = key
        .open(&belongs_to(user_id), &row.secret_sealed)
        .map_err(|error| {
            tracing::error!(%error, user_id, "a second-factor secret does not open");
            AppError::Internal
        })?;
    Ok(Some(Factor {
        secret,
        confirmed: row.confirmed,
        last_used_step: row.last_used_step,
    }))
}

/// Whether the account has a second factor: a confirmed app or a passkey.
pub async fn is_enrolled(pool: &PgPool, user_id: i64) -> AppResult<bool> {
    Ok(
        sqlx::query_scalar!("SELECT has_second_factor($1) AS \"x!\"", user_id)
            .fetch_one(pool)
            .await?,
    )
}

/// Starts setting up an app: a new secret, unconfirmed, replacing an
/// earlier unconfirmed one (a confirmed factor is left alone: it is reset
/// by an administrator, never by a second setup).
pub async fn begin(pool: &PgPool, key: &SealingKey, user_id: i64) -> AppResult<()> {
    let sealed = key.seal(&belongs_to(user_id), &totp::new_secret());
    sqlx::query!(
        "INSERT INTO totp_factors (user_id, secret_sealed) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = now()
         WHERE totp_factors.confirmed_at IS NULL",
        user_id,
        sealed
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Sets up a known secret, confirmed (the demo officials', from the seed).
pub async fn enrol_known(
    tx: &mut PgConnection,
    key: &SealingKey,
    user_id: i64,
    secret: &[u8],
) -> AppResult<()> {
    sqlx::query!(
        "INSERT INTO totp_factors (user_id, secret_sealed, confirmed_at) VALUES ($1, $2, now())
         ON CONFLICT (user_id) DO NOTHING",
        user_id,
        key.seal(&belongs_to(user_id), secret)
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Confirms the app being set up with its first code; the recovery codes
/// (shown once) when it was, `None` when the code was not the app's.
pub async fn confirm(
    pool: &PgPool,
    key: &SealingKey,
    user_id: i64,
    typed: &str,
    now_secs: i64,
) -> AppResult<Option<Vec<String>>> {
    if !spend_app_code(pool, key, user_id, typed, now_secs, false).await? {
        return Ok(None);
    }
    Ok(Some(replace_recovery_codes(pool, user_id).await?))
}

/// Checks a code from the app, or a recovery code, and spends it.
pub async fn check(
    pool: &PgPool,
    key: &SealingKey,
    user_id: i64,
    typed: &str,
    now_secs: i64,
) -> AppResult<Option<Accepted>> {
    if let Some(code) = recovery::normalise(typed) {
        return use_recovery_code(pool, user_id, &code).await;
    }
    Ok(spend_app_code(pool, key, user_id, typed, now_secs, true)
        .await?
        .then_some(Accepted::AppCode))
}

/// Whether `typed` is a code of the app (set up already, or being set up
/// when `confirmed` is false) not used before, and spends its step; the
/// first code of an app being set up confirms it.
async fn spend_app_code(
    pool: &PgPool,
    key: &SealingKey,
    user_id: i64,
    typed: &str,
    now_secs: i64,
    confirmed: bool,
) -> AppResult<bool> {
    let Some(factor) = load(pool, key, user_id)
        .await?
        .filter(|f| f.confirmed == confirmed)
    else {
        return Ok(false);
    };
    let Some(step) = totp::matching_step(&factor.secret, typed, now_secs, factor.last_used_step)
    else {
        return Ok(false);
    };
    // The step read above may have been spent since by a parallel request:
    // only the UPDATE that still finds it unspent wins.
    let won = sqlx::query!(
        "UPDATE totp_factors SET last_used_step = $2, confirmed_at = coalesce(confirmed_at, now())
         WHERE user_id = $1 AND (confirmed_at IS NOT NULL) = $3 AND last_used_step < $2",
        user_id,
        step,
        confirmed
    )
    .execute(pool)
    .await?
    .rows_affected();
    Ok(won == 1)
}

async fn use_recovery_code(pool: &PgPool, user_id: i64, code: &str) -> AppResult<Option<Accepted>> {
    let unused = sqlx::query!(
        "SELECT id, code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL ORDER BY id",
        user_id
    )
    .fetch_all(pool)
    .await?;
    for row in unused {
        if !password_hash::verify(code, Some(&row.code_hash)).await? {
            continue;
        }
        let spent = sqlx::query!(
            "UPDATE recovery_codes SET used_at = now() WHERE id = $1 AND used_at IS NULL",
            row.id
        )
        .execute(pool)
        .await?
        .rows_affected();
        if spent != 1 {
            return Ok(None);
        }
        let left = unused_recovery_codes(pool, user_id).await?;
        return Ok(Some(Accepted::RecoveryCode { left }));
    }
    Ok(None)
}

pub async fn unused_recovery_codes(pool: &PgPool, user_id: i64) -> AppResult<i64> {
    Ok(sqlx::query_scalar!(
        "SELECT count(*) AS \"n!\" FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        user_id
    )
    .fetch_one(pool)
    .await?)
}

/// Ten new recovery codes in place of the old ones; returned in clear
/// this once.
pub async fn replace_recovery_codes(pool: &PgPool, user_id: i64) -> AppResult<Vec<String>> {
    let codes = recovery::generate();
    let mut hashes = Vec::with_capacity(codes.len());
    for code in &codes {
        hashes.push(recovery::hash(code).await?);
    }
    let mut tx = pool.begin().await?;
    sqlx::query!("DELETE FROM recovery_codes WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])",
        user_id,
        &hashes
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(codes)
}

/// Removes every factor (the app, the passkeys) and the recovery codes (an
/// administrator's reset for a lost phone or key): the official sets up a
/// new one at their next sign-in. Whether there was anything to remove.
pub async fn remove(tx: &mut PgConnection, user_id: i64) -> sqlx::Result<bool> {
    sqlx::query!("DELETE FROM recovery_codes WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?;
    let passkeys = sqlx::query!("DELETE FROM passkeys WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let apps = sqlx::query!("DELETE FROM totp_factors WHERE user_id = $1", user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    Ok(passkeys + apps > 0)
}
