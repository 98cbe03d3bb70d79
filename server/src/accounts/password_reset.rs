//! `POST /quen-mat-khau` (mail a reset link) and `POST /dat-lai-mat-khau`
//! (set the new password; every session of the account ends).

use super::tokens::{self, Purpose};
use crate::access::audit::{self, AuditAction};
use crate::access::{feedback, sessions};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::mail::{outbox, templates};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::accounts::identity::{CitizenId, EmailAddress};
use app::accounts::password::{Password, PasswordContext};
use app::accounts::password_hash;
use app::forms::{FormFeedback, NoticeTone};
use app::i18n::Lang;
use app::paths;
use axum::extract::State;
use serde_json::json;
use std::net::IpAddr;
use tower_sessions::Session;

/// A reset link works for 30 minutes.
pub const RESET_MINUTES: i32 = 30;
const MAX_MAILS_PER_HOUR: i64 = 3;

pub async fn request_reset(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    form: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    let typed = form.get("email");
    let email = match EmailAddress::parse(&typed) {
        Ok(email) => email,
        Err(error) => {
            let mut refused = FormFeedback::new("forgot_password");
            refused.keep("email", &typed);
            refused.error("email", error.message(asker.lang));
            feedback::form(&session, refused).await;
            return Ok(see_other(&paths::forgot_password()));
        }
    };
    match throttle::reserve(&state.pool, Kind::ResetRequest, Subject::Anyone, asker.ip).await? {
        Ok(reservation) => reservation.keep(),
        Err(limited) => {
            let mut refused = FormFeedback::new("forgot_password");
            refused.keep("email", &typed);
            refused.error("email", (texts.too_many_requests)(limited.wait_secs as u64));
            feedback::form(&session, refused).await;
            return Ok(see_other(&paths::forgot_password()));
        }
    }
    // Whether or not the account exists, the answer is the same and comes as
    // fast: the lookup and the mail happen after it, so neither the message
    // nor the time taken tells who has an account.
    let (state, lang, ip) = (state.clone(), asker.lang, asker.ip);
    let address = email.as_str().to_string();
    tokio::spawn(async move {
        if let Err(error) = mail_reset_link(&state, lang, ip, &address).await {
            tracing::error!(%error, "could not prepare a password reset mail");
        }
    });
    feedback::notice(
        &session,
        NoticeTone::Info,
        (texts.forgot_sent)(email.as_str()),
    )
    .await;
    Ok(see_other(&paths::sign_in()))
}

/// Mails a reset link if `email` names an enabled account (at most
/// `MAX_MAILS_PER_HOUR` an hour); otherwise nothing.
async fn mail_reset_link(
    state: &AppState,
    lang: Lang,
    ip: Option<IpAddr>,
    email: &str,
) -> anyhow::Result<()> {
    let account = sqlx::query!(
        r#"SELECT id, full_name, email AS "email!" FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL"#,
        email
    )
    .fetch_optional(&state.pool)
    .await?;
    let Some(account) = account else {
        return Ok(());
    };
    let now = state.clock.now();
    if tokens::issued_last_hour(&state.pool, now, account.id, Purpose::ResetPassword).await?
        >= MAX_MAILS_PER_HOUR
    {
        return Ok(());
    }
    let mut tx = state.pool.begin().await?;
    let token = tokens::issue(
        &mut tx,
        now,
        account.id,
        Purpose::ResetPassword,
        None,
        RESET_MINUTES,
    )
    .await?;
    let link = tokens::link(
        &state.config.public_base_url,
        &paths::reset_password(),
        &token,
    );
    outbox::enqueue(
        &mut tx,
        &account.email,
        &templates::reset_password(lang, &account.full_name, &link),
    )
    .await?;
    audit::record(
        &mut *tx,
        Some(account.id),
        AuditAction::PasswordResetRequested,
        json!({}),
        ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn reset(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    form: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    let token = form.get("token").trim().to_string();
    let again = tokens::link("", &paths::reset_password(), &token);
    let Some(used) = tokens::peek(
        &state.pool,
        state.clock.now(),
        &token,
        Purpose::ResetPassword,
    )
    .await?
    else {
        feedback::notice(&session, NoticeTone::Error, texts.link_invalid).await;
        return Ok(see_other(&paths::forgot_password()));
    };
    let user_id = used.user_id;
    let account = sqlx::query!("SELECT email, citizen_id FROM users WHERE id = $1", user_id)
        .fetch_one(&state.pool)
        .await?;
    let (email, citizen_id) = (account.email, account.citizen_id);

    let email = email.and_then(|email| EmailAddress::parse(&email).ok());
    let citizen_id = citizen_id.and_then(|id| CitizenId::parse(&id).ok());
    let new_password = form.get("password");
    let mut refused = FormFeedback::new("reset_password");
    let password = match Password::parse(
        &new_password,
        &PasswordContext::new(email.as_ref(), citizen_id.as_ref()),
    ) {
        Ok(password) if new_password == form.get("password_confirmation") => Some(password),
        Ok(_) => {
            refused.error("password_confirmation", texts.passwords_differ);
            None
        }
        Err(error) => {
            refused.error("password", error.message(asker.lang));
            None
        }
    };
    let Some(password) = password else {
        feedback::form(&session, refused).await;
        return Ok(see_other(&again));
    };
    let hash = password_hash::hash(&password).await?;
    let result: anyhow::Result<bool> = async {
        let mut tx = state.pool.begin().await?;
        // Consumed only now, in the transaction that uses it: two tabs posting
        // the same link cannot both succeed.
        if tokens::consume(&mut tx, state.clock.now(), &token, Purpose::ResetPassword)
            .await?
            .is_none()
        {
            return Ok(false);
        }
        // Following the mailed link proves the address, so it counts as confirmed.
        sqlx::query!(
            "UPDATE users SET password_hash = $2, sessions_valid_after = now(), updated_at = now(),
                    email_confirmed_at = coalesce(email_confirmed_at, now())
             WHERE id = $1",
            user_id,
            hash,
        )
        .execute(&mut *tx)
        .await?;
        // Whoever holds the mailbox is the owner: guesses by others stop
        // slowing them down.
        throttle::lift(&mut *tx, Kind::Password, Subject::Account(user_id)).await?;
        audit::record(
            &mut *tx,
            Some(user_id),
            AuditAction::PasswordReset,
            json!({}),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
    .await;
    if !result? {
        feedback::notice(&session, NoticeTone::Error, texts.link_invalid).await;
        return Ok(see_other(&paths::forgot_password()));
    }
    let _ = sessions::end(&state.pool, &session).await;
    feedback::notice(&session, NoticeTone::Success, texts.password_reset_done).await;
    Ok(see_other(&paths::sign_in()))
}
