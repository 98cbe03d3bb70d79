//! Refused requests in the audit log (server only): someone else's dossier
//! or file, a page or action their roles do not allow, a wrong tracking
//! PIN. Each is written with who, from where, the route and the object —
//! but at most [`ENTRIES_PER_MINUTE`] per actor (the user, else the
//! address) and minute, so nobody can flood the log by asking again and
//! again. The count is kept in PostgreSQL (`audit_refusal_counts`), shared
//! by every instance; what it holds above the limit was not written.

use sqlx::PgPool;
use std::net::IpAddr;

/// Audit entries written per actor and minute; further refusals are counted.
pub const ENTRIES_PER_MINUTE: i32 = 10;

/// One refused request.
#[derive(Clone, Debug)]
pub struct Refused<'a> {
    pub user_id: Option<i64>,
    pub ip: Option<IpAddr>,
    /// The path asked for.
    pub route: &'a str,
    /// What was refused, e.g. `dossier 000.00.12.H34-261204-0001`, `file 42`.
    pub object: &'a str,
    /// The status answered (403, or 404 where someone else's object looks
    /// missing).
    pub status: u16,
}

/// Counts the refusal and, within the limit, writes its audit entry.
pub async fn record(pool: &PgPool, refused: &Refused<'_>) -> sqlx::Result<()> {
    let actor = match (refused.user_id, refused.ip) {
        (Some(user_id), _) => format!("user:{user_id}"),
        (None, Some(ip)) => format!("ip:{ip}"),
        (None, None) => "unknown".to_string(),
    };
    let count = sqlx::query_scalar!(
        "INSERT INTO audit_refusal_counts (actor, minute, refused)
         VALUES ($1, date_trunc('minute', now()), 1)
         ON CONFLICT (actor, minute) DO UPDATE SET refused = audit_refusal_counts.refused + 1
         RETURNING refused",
        actor
    )
    .fetch_one(pool)
    .await?;
    if count > ENTRIES_PER_MINUTE {
        return Ok(());
    }
    let detail = serde_json::json!({
        "route": refused.route,
        "object": refused.object,
        "status": refused.status,
        // The last one written this minute: more are only counted.
        "limit_reached": count == ENTRIES_PER_MINUTE,
    });
    sqlx::query!(
        "INSERT INTO audit_log (user_id, action, detail, ip) VALUES ($1, 'access_refused', $2, $3::text::inet)",
        refused.user_id,
        detail,
        refused.ip.map(|ip| ip.to_string()),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Drops the counts of minutes older than a day: only the current minute's
/// decides anything (run now and then by any instance).
pub async fn prune(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM audit_refusal_counts WHERE minute < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(())
}

/// [`record`] for the page or server function being served: who, from
/// where and the route are the request's.
pub async fn record_for_request(pool: &PgPool, object: &str, status: u16) -> sqlx::Result<()> {
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    let Some(parts) = parts else {
        return Ok(());
    };
    let refused = Refused {
        user_id: parts
            .extensions
            .get::<super::Visitor>()
            .and_then(super::Visitor::user)
            .map(|user| user.id),
        ip: parts
            .extensions
            .get::<super::ClientIp>()
            .and_then(|ip| ip.0),
        route: parts.uri.path(),
        object,
        status,
    };
    record(pool, &refused).await
}
