//! Sessions in PostgreSQL (tower-sessions), so any instance serves any request.
//!
//! A session holds only a [`SessionUser`] (who, since when, last seen) and
//! one-time page feedback. Timeouts are enforced on every request by
//! [`super::authentication`], not only by cookie expiry, which a client controls.

use app::access::AccountKind;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// The session key of the signed-in user.
pub const USER_KEY: &str = "user";

/// Who is signed in on this session and its clocks, in Unix microseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub user_id: i64,
    pub signed_in_at: i64,
    pub last_seen: i64,
    pub idle_limit: i64,
    pub absolute_limit: i64,
    /// Its row in `user_sessions`, which lists it and ends it (none for a
    /// session started before sessions had rows).
    #[serde(default)]
    pub row: Option<i64>,
    /// When this session last checked the account's second factor, by the
    /// portal's clock in Unix seconds (`None`: not in this session).
    #[serde(default)]
    pub second_factor_at: Option<i64>,
}

impl SessionUser {
    /// Idle for longer than its idle limit, or older than its absolute limit.
    pub fn has_expired(&self, now: i64) -> bool {
        now - self.last_seen > self.idle_limit || now - self.signed_in_at > self.absolute_limit
    }
}

/// How long a session may sit idle, and live at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    pub idle: std::time::Duration,
    pub absolute: std::time::Duration,
    /// Whether the cookie outlives the browser (only "remember me").
    pub persistent: bool,
}

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;

/// Officials: 30 minutes idle and one working day at most, whatever they ask
/// (their sessions reach personal data of many citizens). Citizens: two hours
/// idle and a day at most; "remember me" keeps them signed in on that device
/// for 30 days.
pub fn limits_for(kind: AccountKind, remember: bool) -> SessionLimits {
    let secs = std::time::Duration::from_secs;
    match (kind, remember) {
        (AccountKind::Official, _) => SessionLimits {
            idle: secs(30 * MINUTE),
            absolute: secs(10 * HOUR),
            persistent: false,
        },
        (AccountKind::Citizen, false) => SessionLimits {
            idle: secs(2 * HOUR),
            absolute: secs(DAY),
            persistent: false,
        },
        (AccountKind::Citizen, true) => SessionLimits {
            idle: secs(30 * DAY),
            absolute: secs(30 * DAY),
            persistent: true,
        },
    }
}

/// The cookie name: `__Host-` in production over HTTPS, so the browser only
/// accepts it from this exact origin, over TLS, for the whole site.
pub fn cookie_name(production: bool, secure: bool) -> &'static str {
    if production && secure {
        "__Host-motcua_session"
    } else {
        "motcua_session"
    }
}

pub fn layer(pool: PgPool, production: bool, secure: bool) -> SessionManagerLayer<PostgresStore> {
    SessionManagerLayer::new(PostgresStore::new(pool))
        .with_name(cookie_name(production, secure))
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnSessionEnd)
}

pub fn now_micros() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

/// Where a session was started from, as its owner will see it listed.
pub struct Device<'a> {
    pub user_agent: &'a str,
    pub address: Option<std::net::IpAddr>,
}

impl<'a> From<&'a crate::forms::Asker> for Device<'a> {
    fn from(asker: &'a crate::forms::Asker) -> Self {
        Device {
            user_agent: &asker.user_agent,
            address: asker.ip,
        }
    }
}

/// Starts a signed-in session: a new session id first (an id planted before
/// sign-in is worth nothing after it), then its row in `user_sessions` (what
/// lists and ends it), then the user and their limits, and when the
/// second factor was last checked (at this sign-in, or in the session it
/// replaces).
pub async fn start(
    pool: &PgPool,
    session: &Session,
    user_id: i64,
    limits: SessionLimits,
    signed_in_at: i64,
    device: Device<'_>,
    second_factor_at: Option<i64>,
) -> anyhow::Result<()> {
    let row = sqlx::query_scalar!(
        "INSERT INTO user_sessions (user_id, user_agent, address, signed_in_at, last_seen_at,
                                    idle_limit, expires_at)
         VALUES ($1, $2, $3, to_timestamp($4::float8 / 1000000), now(),
                 make_interval(secs => $5::float8), to_timestamp($4::float8 / 1000000) + make_interval(secs => $6::float8))
         RETURNING id",
        user_id,
        device.user_agent,
        device.address.map(|address| address.to_string()),
        signed_in_at as f64,
        limits.idle.as_secs_f64(),
        limits.absolute.as_secs_f64(),
    )
    .fetch_one(pool)
    .await?;
    session.cycle_id().await?;
    session.set_expiry(Some(if limits.persistent {
        Expiry::OnInactivity(time::Duration::seconds(limits.idle.as_secs() as i64))
    } else {
        Expiry::OnSessionEnd
    }));
    session
        .insert(
            USER_KEY,
            SessionUser {
                user_id,
                signed_in_at,
                last_seen: signed_in_at,
                idle_limit: limits.idle.as_micros() as i64,
                absolute_limit: limits.absolute.as_micros() as i64,
                row: Some(row),
                second_factor_at,
            },
        )
        .await?;
    Ok(())
}

/// Records that this session has just checked the second factor (at
/// setup, for a role granted later, or before a sensitive action).
pub async fn record_second_factor(session: &Session, at_secs: i64) -> anyhow::Result<()> {
    if let Some(mut user) = session.get::<SessionUser>(USER_KEY).await? {
        user.second_factor_at = Some(at_secs);
        session.insert(USER_KEY, user).await?;
    }
    Ok(())
}

/// Ends the session: deleted server-side, so replaying its cookie finds
/// nothing, and its row marked ended by its owner.
pub async fn end(pool: &PgPool, session: &Session) -> anyhow::Result<()> {
    if let Some(SessionUser {
        row: Some(row),
        user_id,
        ..
    }) = session.get::<SessionUser>(USER_KEY).await?
    {
        sqlx::query!(
            "UPDATE user_sessions SET ended_at = now(), ended_by = $2 WHERE id = $1 AND ended_at IS NULL",
            row,
            user_id
        )
        .execute(pool)
        .await?;
    }
    session.flush().await?;
    Ok(())
}

/// How long a session's row stays listed in a person's data after the
/// session's end (the audit log keeps the sign-ins for good).
const SESSION_ROWS_KEPT: &str = "90 days";

/// Deletes expired sessions now and then, and session rows 90 days past
/// their end; any instance may do it, and two at once do no harm.
pub fn spawn_expired_session_cleanup(pool: PgPool) {
    use tower_sessions::ExpiredDeletion;
    let rows = pool.clone();
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(tokio::time::Duration::from_secs(HOUR));
        loop {
            every_hour.tick().await;
            if let Err(error) = sqlx::query!(
                "DELETE FROM user_sessions WHERE expires_at < now() - $1::text::interval",
                SESSION_ROWS_KEPT
            )
            .execute(&rows)
            .await
            {
                tracing::warn!(%error, "old session rows were not deleted");
            }
        }
    });
    tokio::spawn(async move {
        let store = PostgresStore::new(pool);
        if let Err(error) = store
            .continuously_delete_expired(tokio::time::Duration::from_secs(HOUR))
            .await
        {
            tracing::warn!(%error, "expired session cleanup stopped");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officials_time_out_sooner_than_citizens() {
        let official = limits_for(AccountKind::Official, true);
        let citizen = limits_for(AccountKind::Citizen, false);
        assert_eq!(official.idle.as_secs(), 30 * 60);
        assert!(!official.persistent, "officials are never remembered");
        assert!(citizen.idle > official.idle);
        assert!(limits_for(AccountKind::Citizen, true).persistent);
    }

    #[test]
    fn sessions_expire_when_idle_or_too_old() {
        const MINUTE: i64 = 60_000_000;
        let limits = limits_for(AccountKind::Official, false);
        let session = SessionUser {
            user_id: 1,
            signed_in_at: 0,
            last_seen: 0,
            idle_limit: limits.idle.as_micros() as i64,
            absolute_limit: limits.absolute.as_micros() as i64,
            row: None,
            second_factor_at: None,
        };
        assert!(!session.has_expired(29 * MINUTE));
        assert!(
            session.has_expired(31 * MINUTE),
            "30 minutes idle ends an official's session"
        );
        let active = SessionUser {
            last_seen: 599 * MINUTE,
            ..session
        };
        assert!(!active.has_expired(600 * MINUTE));
        assert!(
            active.has_expired(601 * MINUTE),
            "ten hours is the most, however active"
        );
    }

    #[test]
    fn the_host_prefix_is_used_only_where_browsers_accept_it() {
        assert_eq!(cookie_name(true, true), "__Host-motcua_session");
        assert_eq!(cookie_name(true, false), "motcua_session");
        assert_eq!(cookie_name(false, true), "motcua_session");
    }
}
