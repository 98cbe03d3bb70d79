//! The devices an account is signed in on (`/tai-khoan/phien`): each
//! session with its browser, address and when it was last used, so a
//! person who signed in on a shared computer, or sees a place they never
//! were, ends it. Sessions are rows of `user_sessions`, written when one
//! starts (`server/src/access/sessions.rs`) and checked on every request.

use crate::error::AppError;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One signed-in session, as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveSession {
    pub id: i64,
    /// The browser's own name for itself (`User-Agent`), as sent.
    pub user_agent: String,
    pub address: Option<String>,
    /// Vietnam time.
    pub signed_in: NaiveDateTime,
    pub last_seen: NaiveDateTime,
    /// The session this page is shown on.
    pub current: bool,
}

/// A browser and a system as people name them ("Chrome trên Windows"),
/// from a `User-Agent`; what cannot be told is "không rõ".
pub fn device_name(user_agent: &str, lang: Lang) -> String {
    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
    const BROWSERS: [(&str, &str); 6] = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("CocCoc", "Cốc Cốc"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];
    // iPhones and Android phones also say "Mac OS X" and "Linux".
    const SYSTEMS: [(&str, &str); 6] = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];
    let find = |names: &[(&str, &'static str)]| {
        names
            .iter()
            .find(|(mark, _)| user_agent.contains(mark))
            .map(|(_, name)| *name)
    };
    let unknown = match lang {
        Lang::Vi => "không rõ",
        Lang::En => "unknown",
    };
    let on = match lang {
        Lang::Vi => "trên",
        Lang::En => "on",
    };
    match (find(&BROWSERS), find(&SYSTEMS)) {
        (Some(browser), Some(system)) => format!("{browser} {on} {system}"),
        (Some(name), None) | (None, Some(name)) => name.to_string(),
        (None, None) => unknown.to_string(),
    }
}

/// The signed-in user's sessions, the one in use first, then the most
/// recently used.
#[server(endpoint = "accounts/sessions")]
pub async fn load_my_sessions() -> Result<Vec<ActiveSession>, AppError> {
    use crate::access::{current_session, require, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    store::active(&crate::database::pool()?, user.id, current_session()).await
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::ActiveSession;
    use crate::error::AppResult;
    use chrono::NaiveDateTime;
    use sqlx::PgExecutor;

    /// `user_id`'s sessions still in force: not ended, not idle beyond
    /// their limit, not older than their end, not from before the
    /// account's sessions were last ended all at once.
    pub async fn active<'c>(
        executor: impl PgExecutor<'c>,
        user_id: i64,
        current: Option<i64>,
    ) -> AppResult<Vec<ActiveSession>> {
        Ok(sqlx::query!(
            r#"SELECT s.id, s.user_agent, s.address,
                      (s.signed_in_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS "signed_in!: NaiveDateTime",
                      (s.last_seen_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS "last_seen!: NaiveDateTime"
               FROM user_sessions s JOIN users u ON u.id = s.user_id
               WHERE s.user_id = $1 AND s.ended_at IS NULL AND s.expires_at > now()
                 AND s.last_seen_at + s.idle_limit > now()
                 AND s.signed_in_at >= u.sessions_valid_after
               ORDER BY s.id = $2 DESC NULLS LAST, s.last_seen_at DESC"#,
            user_id,
            current,
        )
        .fetch_all(executor)
        .await?
        .into_iter()
        .map(|row| ActiveSession {
            current: Some(row.id) == current,
            id: row.id,
            user_agent: row.user_agent,
            address: row.address,
            signed_in: row.signed_in,
            last_seen: row.last_seen,
        })
        .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_and_systems_are_named_as_people_name_them() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Chrome trên Windows",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                "Edge trên Windows",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                "Safari trên iPhone",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                "Chrome trên Android",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0",
                "Firefox trên macOS",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/131.0.0 CocCoc Chrome/125.0.0.0 Safari/537.36",
                "Cốc Cốc trên Windows",
            ),
        ];
        for (agent, name) in cases {
            assert_eq!(device_name(agent, Lang::Vi), name, "{agent}");
        }
        assert_eq!(device_name("curl/8.5.0", Lang::Vi), "không rõ");
        assert_eq!(device_name("", Lang::En), "unknown");
    }
}
