//! `POST /dang-nhap`: email or CCCD plus password.

use super::second_factor;
use crate::access::audit::{self, AuditAction};
use crate::access::{authentication, feedback, sessions};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::access::{policy, safe_return_path, sign_in_address, AccountKind};
use app::accounts::password_hash;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use sqlx::PgPool;
use tower_sessions::Session;

struct Credentials {
    id: i64,
    /// `None` for a walk-in applicant recorded at the counter: no password
    /// matches until they set one.
    password_hash: Option<String>,
    disabled: bool,
}

pub async fn sign_in(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    form: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    let identifier = form.get("identifier").trim().to_string();
    let password = form.get("password");
    let next = form.get("tiep");
    let remember = form.get("remember") == "on";
    let back = || {
        if next.is_empty() {
            paths::sign_in()
        } else {
            sign_in_address(&next)
        }
    };

    let mut refused = FormFeedback::new("sign_in");
    refused.keep("identifier", &identifier);
    refused.keep("tiep", &next);
    if remember {
        refused.keep("remember", "on");
    }
    if identifier.is_empty() {
        refused.error("identifier", texts.identifier_required);
    }
    if password.is_empty() {
        refused.error("password", texts.password_required);
    }
    if refused.has_errors() {
        feedback::form(&session, refused).await;
        return Ok(see_other(&back()));
    }

    let pool = &state.pool;
    // The account first: its limit is the same whether it is named by email
    // or by CCCD. An identifier naming no account is limited on its own.
    let account = find(pool, &identifier).await?;
    let subject = match &account {
        Some(account) => Subject::Account(account.id),
        None => Subject::UnknownIdentifier(&identifier),
    };
    let reservation = match throttle::reserve(pool, Kind::Password, subject, asker.ip).await? {
        Ok(reservation) => reservation,
        Err(limited) => {
            let _ = audit::record(
                pool,
                account.map(|account| account.id),
                AuditAction::SignInThrottled,
                json!({ "wait_seconds": limited.wait_secs }),
                asker.ip,
            )
            .await;
            refused.error(
                "identifier",
                (texts.too_many_attempts)(limited.wait_secs as u64),
            );
            feedback::form(&session, refused).await;
            return Ok(see_other(&back()));
        }
    };
    let matches = password_hash::verify(
        &password,
        account.as_ref().and_then(|a| a.password_hash.as_deref()),
    )
    .await?;
    let account = match account {
        Some(account) if matches && !account.disabled => account,
        other => {
            reservation.keep();
            let reason = match &other {
                None => "unknown_account",
                Some(account) if account.disabled && matches => "disabled",
                Some(_) => "wrong_password",
            };
            let _ = audit::record(
                pool,
                other.map(|account| account.id),
                AuditAction::SignInFailed,
                json!({ "reason": reason }),
                asker.ip,
            )
            .await;
            refused.error("identifier", texts.wrong_credentials);
            feedback::form(&session, refused).await;
            return Ok(see_other(&back()));
        }
    };

    let _ = reservation.succeeded(pool).await;
    // An account with a second factor is not signed in yet: the code comes
    // first, on the next page, before any session exists.
    if second_factor::store::is_enrolled(pool, account.id).await? {
        second_factor::sign_in_code::await_code(&session, account.id, remember, &next).await?;
        return Ok(see_other(paths::SIGN_IN_CODE));
    }
    let target = finish(
        &state,
        &session,
        &asker,
        account.id,
        Finish {
            remember,
            next: &next,
            second_factor: None,
        },
    )
    .await?;
    Ok(see_other(&target))
}

/// How a sign-in ends: "remember me", where to go, and the second factor
/// it checked (how, and when by the portal's clock).
pub struct Finish<'a> {
    pub remember: bool,
    pub next: &'a str,
    pub second_factor: Option<(&'static str, i64)>,
}

/// Starts the signed-in session once every step has passed, records it,
/// and says where to go: where they were going; otherwise where their work
/// is (inbox, statistics, their dossiers).
pub async fn finish(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    user_id: i64,
    how: Finish<'_>,
) -> anyhow::Result<String> {
    let pool = &state.pool;
    let texts = &asker.lang.texts().accounts;
    let kind = sqlx::query_scalar!("SELECT kind FROM users WHERE id = $1", user_id)
        .fetch_one(pool)
        .await?;
    let kind = AccountKind::parse(&kind).unwrap_or(AccountKind::Citizen);
    let limits = sessions::limits_for(kind, how.remember);
    sessions::start(
        pool,
        session,
        user_id,
        limits,
        sessions::now_micros(),
        asker.into(),
    )
    .await?;
    if let Some((_, at)) = how.second_factor {
        sessions::record_second_factor(session, at).await?;
    }
    let _ = audit::record(
        pool,
        Some(user_id),
        AuditAction::SignIn,
        json!({
            "remember": how.remember,
            "second_factor": how.second_factor.map(|(method, _)| method),
        }),
        asker.ip,
    )
    .await;
    feedback::notice(session, NoticeTone::Success, texts.signed_in).await;
    let current = session
        .get::<sessions::SessionUser>(sessions::USER_KEY)
        .await?;
    let fallback = match authentication::load_user(pool, user_id, current.as_ref()).await? {
        Some(user) => policy::landing_page(&user),
        None => paths::ACCOUNT,
    };
    Ok(safe_return_path(how.next, fallback))
}

/// The account an identifier names: twelve digits (spaces allowed) are a
/// CCCD, anything else an email address.
async fn find(pool: &PgPool, identifier: &str) -> sqlx::Result<Option<Credentials>> {
    let digits: String = identifier.chars().filter(|c| !c.is_whitespace()).collect();
    let by_citizen_id = digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit());
    let row = sqlx::query!(
        r#"SELECT id, password_hash, disabled_at IS NOT NULL AS "disabled!"
           FROM users
           WHERE CASE WHEN $2 THEN citizen_id = $1 ELSE lower(email) = lower($1) END"#,
        if by_citizen_id {
            digits
        } else {
            identifier.to_string()
        },
        by_citizen_id,
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| Credentials {
        id: row.id,
        password_hash: row.password_hash,
        disabled: row.disabled,
    }))
}
