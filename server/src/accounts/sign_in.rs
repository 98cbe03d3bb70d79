//! `POST /dang-nhap`: email or CCCD plus password.

use crate::access::audit::{self, AuditAction};
use crate::access::{feedback, sessions};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::throttle;
use app::access::{safe_return_path, sign_in_address, AccountKind};
use app::accounts::password_hash;
use app::forms::{FormFeedback, NoticeTone};
use axum::extract::State;
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
            "/dang-nhap".to_string()
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

    let key = throttle::account_key(&identifier);
    let pool = &state.pool;
    match throttle::wait_before_attempt(pool, &key, asker.ip).await? {
        0 => {}
        wait => {
            let _ = audit::record(
                pool,
                None,
                AuditAction::SignInThrottled,
                json!({ "wait_seconds": wait }),
                asker.ip,
            )
            .await;
            refused.error("identifier", (texts.too_many_attempts)(wait as u64));
            feedback::form(&session, refused).await;
            return Ok(see_other(&back()));
        }
    }

    let account = find(pool, &identifier).await?;
    let matches = password_hash::verify(
        &password,
        account.as_ref().and_then(|a| a.password_hash.as_deref()),
    )
    .await?;
    let account = match account {
        Some(account) if matches && !account.disabled => account,
        other => {
            let reason = match &other {
                None => "unknown_account",
                Some(account) if account.disabled && matches => "disabled",
                Some(_) => "wrong_password",
            };
            let _ = throttle::record_failure(pool, &key, asker.ip).await;
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

    let _ = throttle::forget_failures(pool, &key).await;
    let limits = sessions::limits_for(account.kind, remember);
    sessions::start(&session, account.id, limits, sessions::now_micros()).await?;
    let _ = audit::record(
        pool,
        Some(account.id),
        AuditAction::SignIn,
        json!({ "remember": remember }),
        asker.ip,
    )
    .await;
    feedback::notice(&session, NoticeTone::Success, texts.signed_in).await;
    let fallback = match account.kind {
        AccountKind::Citizen => "/tai-khoan",
        AccountKind::Official => "/tai-khoan",
    };
    Ok(see_other(&safe_return_path(&next, fallback)))
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
