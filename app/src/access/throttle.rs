//! Slows password guessing down, with state in PostgreSQL so every instance
//! counts the same failures.
//!
//! Per account: five free failures within an hour, then each further attempt
//! must wait 30 s, 60 s, 120 s … after the last failure, at most 15 minutes.
//! Per address: thirty free failures an hour, then the same doubling up to an
//! hour. The waits are bounded and failures are forgotten after an hour, so an
//! attacker can slow a real citizen down but never lock them out, and the
//! password reset link always works.

use sha2::{Digest, Sha256};
use sqlx::PgPool;
use std::net::IpAddr;

#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub free_failures: i64,
    pub first_wait_secs: i64,
    pub max_wait_secs: i64,
}

pub const PER_ACCOUNT: Rule = Rule {
    free_failures: 5,
    first_wait_secs: 30,
    max_wait_secs: 15 * 60,
};

pub const PER_ADDRESS: Rule = Rule {
    free_failures: 30,
    first_wait_secs: 30,
    max_wait_secs: 60 * 60,
};

/// Seconds still to wait after `failures` failures in the window, the last
/// one `since_last_secs` ago; 0 when an attempt may go ahead.
pub fn wait_secs(rule: Rule, failures: i64, since_last_secs: i64) -> i64 {
    if failures < rule.free_failures {
        return 0;
    }
    let doublings = (failures - rule.free_failures).min(20) as u32;
    let wait = rule
        .first_wait_secs
        .saturating_mul(1_i64 << doublings)
        .min(rule.max_wait_secs);
    (wait - since_last_secs).max(0)
}

/// What is stored instead of the identifier a failed attempt used: a hash, so
/// the table never holds an email or a CCCD.
pub fn account_key(identifier: &str) -> Vec<u8> {
    let normalised: String = identifier
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Sha256::digest(normalised.as_bytes()).to_vec()
}

/// Seconds to wait before this attempt may go ahead (0: go ahead).
pub async fn wait_before_attempt(
    pool: &PgPool,
    key: &[u8],
    ip: Option<IpAddr>,
) -> sqlx::Result<i64> {
    let row = sqlx::query!(
        r#"SELECT
             (SELECT count(*) FROM sign_in_failures
               WHERE account_key = $1 AND failed_at > now() - interval '1 hour') AS "account_failures!",
             (SELECT extract(epoch FROM now() - max(failed_at))::bigint FROM sign_in_failures
               WHERE account_key = $1 AND failed_at > now() - interval '1 hour') AS account_since,
             (SELECT count(*) FROM sign_in_failures
               WHERE ip = $2::text::inet AND failed_at > now() - interval '1 hour') AS "address_failures!",
             (SELECT extract(epoch FROM now() - max(failed_at))::bigint FROM sign_in_failures
               WHERE ip = $2::text::inet AND failed_at > now() - interval '1 hour') AS address_since"#,
        key,
        ip.map(|ip| ip.to_string()),
    )
    .fetch_one(pool)
    .await?;
    let account = wait_secs(
        PER_ACCOUNT,
        row.account_failures,
        row.account_since.unwrap_or(0),
    );
    let address = wait_secs(
        PER_ADDRESS,
        row.address_failures,
        row.address_since.unwrap_or(0),
    );
    Ok(account.max(address))
}

pub async fn record_failure(pool: &PgPool, key: &[u8], ip: Option<IpAddr>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO sign_in_failures (account_key, ip) VALUES ($1, $2::text::inet)",
        key,
        ip.map(|ip| ip.to_string()),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// A successful sign-in wipes the account's slate.
pub async fn forget_failures(pool: &PgPool, key: &[u8]) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM sign_in_failures WHERE account_key = $1", key)
        .execute(pool)
        .await?;
    Ok(())
}

/// Drops failures too old to matter (run now and then by any instance).
pub async fn prune(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM sign_in_failures WHERE failed_at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_failures_cost_nothing() {
        assert_eq!(wait_secs(PER_ACCOUNT, 4, 0), 0);
    }

    #[test]
    fn waits_double_and_stop_growing() {
        assert_eq!(wait_secs(PER_ACCOUNT, 5, 0), 30);
        assert_eq!(wait_secs(PER_ACCOUNT, 6, 0), 60);
        assert_eq!(wait_secs(PER_ACCOUNT, 7, 10), 110);
        assert_eq!(wait_secs(PER_ACCOUNT, 500, 0), 15 * 60, "never a lock-out");
    }

    #[test]
    fn time_since_the_last_failure_counts() {
        assert_eq!(wait_secs(PER_ACCOUNT, 5, 30), 0);
        assert_eq!(wait_secs(PER_ADDRESS, 31, 59), 1);
    }

    #[test]
    fn the_key_ignores_case_and_spaces_and_hides_the_identifier() {
        assert_eq!(account_key(" An@Example.VN "), account_key("an@example.vn"));
        assert_eq!(account_key("001 099 012 345"), account_key("001099012345"));
        assert_eq!(account_key("an@example.vn").len(), 32);
    }
}
