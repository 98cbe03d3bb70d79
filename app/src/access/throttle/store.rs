//! Reserving an attempt, settling it, lifting a subject's limit: the SQL.

use super::{wait_secs, Kind, Rule, Subject};
use sha2::{Digest, Sha256};
use sqlx::{PgExecutor, PgPool};
use std::net::IpAddr;

/// An attempt that may go ahead, already counted as a failure until
/// [`Reservation::succeeded`] says otherwise.
#[must_use = "a reservation is settled by `succeeded` or `keep`"]
#[derive(Debug)]
pub struct Reservation {
    kind: Kind,
    subject_key: Vec<u8>,
    ip: Option<String>,
}

/// The attempt may not go ahead for this many seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    pub wait_secs: i64,
}

/// Counts the last hour's attempts on `subject` and from `ip` and, if the
/// limits of `kind` allow one more, records it before the caller checks the
/// secret. Serialised per subject and per address by advisory locks held to
/// the end of the transaction, so concurrent attempts on any instance see each
/// other's reservations.
pub async fn reserve(
    pool: &PgPool,
    kind: Kind,
    subject: Subject<'_>,
    ip: Option<IpAddr>,
) -> sqlx::Result<Result<Reservation, Refused>> {
    let subject_key = subject.key();
    let ip = ip.map(|ip| ip.to_string());
    let mut locks = vec![lock_key(kind, b"subject", &subject_key)];
    if let Some(ip) = &ip {
        locks.push(lock_key(kind, b"address", ip.as_bytes()));
    }
    // Always taken in the same order, so two reservations never deadlock.
    locks.sort_unstable();

    let mut tx = pool.begin().await?;
    for lock in locks {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(lock)
            .execute(&mut *tx)
            .await?;
    }
    // A statement of its own, after the locks: its snapshot sees every
    // reservation committed by whoever held them before.
    let counts = sqlx::query!(
        r#"SELECT
             count(*) FILTER (WHERE subject_key = $2 AND ip IS NOT DISTINCT FROM $3::text::inet) AS "pair!",
             floor(extract(epoch FROM clock_timestamp() - max(attempted_at)
               FILTER (WHERE subject_key = $2 AND ip IS NOT DISTINCT FROM $3::text::inet)))::bigint AS pair_since,
             count(*) FILTER (WHERE subject_key = $2) AS "subject!",
             floor(extract(epoch FROM clock_timestamp() - max(attempted_at)
               FILTER (WHERE subject_key = $2)))::bigint AS subject_since,
             count(*) FILTER (WHERE ip = $3::text::inet) AS "address!",
             floor(extract(epoch FROM clock_timestamp() - max(attempted_at)
               FILTER (WHERE ip = $3::text::inet)))::bigint AS address_since
           FROM guess_attempts
           WHERE kind = $1
             AND attempted_at > clock_timestamp() - interval '1 hour'
             AND (subject_key = $2 OR ip = $3::text::inet)"#,
        kind.as_str(),
        subject_key,
        ip,
    )
    .fetch_one(&mut *tx)
    .await?;
    let limits = kind.limits();
    let wait = [
        (limits.per_pair, counts.pair, counts.pair_since),
        (limits.per_subject, counts.subject, counts.subject_since),
        (limits.per_address, counts.address, counts.address_since),
    ]
    .into_iter()
    .filter_map(
        |(rule, failures, since): (Option<Rule>, i64, Option<i64>)| {
            rule.map(|rule| wait_secs(rule, failures, since.unwrap_or(0)))
        },
    )
    .max()
    .unwrap_or(0);
    if wait > 0 {
        tx.rollback().await?;
        return Ok(Err(Refused { wait_secs: wait }));
    }
    sqlx::query!(
        "INSERT INTO guess_attempts (kind, subject_key, ip) VALUES ($1, $2, $3::text::inet)",
        kind.as_str(),
        subject_key,
        ip,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(Reservation {
        kind,
        subject_key,
        ip,
    }))
}

impl Reservation {
    /// The secret was right: the attempt costs nothing, and this address's
    /// earlier failures on the subject are forgotten.
    pub async fn succeeded(self, pool: &PgPool) -> sqlx::Result<()> {
        sqlx::query!(
            "DELETE FROM guess_attempts
             WHERE kind = $1 AND subject_key = $2 AND ip IS NOT DISTINCT FROM $3::text::inet",
            self.kind.as_str(),
            self.subject_key,
            self.ip,
        )
        .execute(pool)
        .await?;
        Ok(())
    }

    /// The attempt stays counted: the secret was wrong, or the request counts
    /// whatever came of it.
    pub fn keep(self) {}
}

/// Forgets every attempt on `subject`, from any address: after a password
/// reset the account's owner is let straight in.
pub async fn lift(
    executor: impl PgExecutor<'_>,
    kind: Kind,
    subject: Subject<'_>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "DELETE FROM guess_attempts WHERE kind = $1 AND subject_key = $2",
        kind.as_str(),
        subject.key(),
    )
    .execute(executor)
    .await?;
    Ok(())
}

/// Drops attempts too old to matter (run now and then by any instance).
pub async fn prune(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM guess_attempts WHERE attempted_at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(())
}

/// The advisory lock of one subject or one address for one kind.
fn lock_key(kind: Kind, scope: &[u8], value: &[u8]) -> i64 {
    let digest = Sha256::new()
        .chain_update(kind.as_str().as_bytes())
        .chain_update([0])
        .chain_update(scope)
        .chain_update([0])
        .chain_update(value)
        .finalize();
    i64::from_be_bytes(
        digest[..8]
            .try_into()
            .expect("a SHA-256 digest is 32 bytes"),
    )
}
