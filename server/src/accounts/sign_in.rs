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
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::PgPool;
use tower_sessions::Session;

struct Credentials {
    id: i64,
    kind: AccountKind,
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
    let passed = Passed {
        user_id: account.id,
        kind: account.kind,
        remember,
        next,
    };
    // An account with a second factor is not signed in yet: the code comes
    // first, on the next page, before any session exists.
    if second_factor::store::is_enrolled(pool, account.id).await? {
        second_factor::sign_in_code::await_code(&session, passed).await?;
        return Ok(see_other(paths::SIGN_IN_CODE));
    }
    Ok(see_other(
        &finish(&state, &session, &asker, &passed, None).await?,
    ))
}

/// Who is signing in, once their password was right: all a sign-in needs
/// to finish ("remember me", where they were going).
#[derive(Serialize, Deserialize)]
pub struct Passed {
    pub user_id: i64,
    pub kind: AccountKind,
    pub remember: bool,
    pub next: String,
}

/// Starts the signed-in session once every step has passed (with the
/// second factor it checked: how, and when by the portal's clock), records
/// it, and says where to go: where they were going; otherwise where their
/// work is (inbox, statistics, their dossiers).
pub async fn finish(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    passed: &Passed,
    second_factor: Option<(&'static str, i64)>,
) -> anyhow::Result<String> {
    let pool = &state.pool;
    let texts = &asker.lang.texts().accounts;
    sessions::start(
        pool,
        session,
        passed.user_id,
        sessions::limits_for(passed.kind, passed.remember),
        sessions::now_micros(),
        asker.into(),
        second_factor.map(|(_, at)| at),
    )
    .await?;
    let _ = audit::record(
        pool,
        Some(passed.user_id),
        AuditAction::SignIn,
        json!({
            "remember": passed.remember,
            "second_factor": second_factor.map(|(method, _)| method),
        }),
        asker.ip,
    )
    .await;
    feedback::notice(session, NoticeTone::Success, texts.signed_in).await;
    let fallback = landing(pool, session, passed.user_id).await?;
    Ok(safe_return_path(&passed.next, fallback))
}

/// Where `user_id`'s work is, as this session now lets them reach it.
pub async fn landing(
    pool: &PgPool,
    session: &Session,
    user_id: i64,
) -> anyhow::Result<&'static str> {
    let current = session
        .get::<sessions::SessionUser>(sessions::USER_KEY)
        .await?;
    Ok(
        match authentication::load_user(pool, user_id, current.as_ref()).await? {
            Some(user) => policy::landing_page(&user),
            None => paths::ACCOUNT,
        },
    )
}

/// The account an identifier names: twelve digits (spaces allowed) are a
/// CCCD, anything else an email address.
async fn find(pool: &PgPool, identifier: &str) -> sqlx::Result<Option<Credentials>> {
    let digits: String = identifier.chars().filter(|c| !c.is_whitespace()).collect();
    let by_citizen_id = digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit());
    let row = sqlx::query!(
        r#"SELECT id, kind, password_hash, disabled_at IS NOT NULL AS "disabled!"
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
        kind: AccountKind::parse(&row.kind).unwrap_or(AccountKind::Citizen),
        password_hash: row.password_hash,
        disabled: row.disabled,
    }))
}
