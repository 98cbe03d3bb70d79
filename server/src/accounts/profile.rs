//! `POST /tai-khoan/lien-he` (email, phone) and `POST /tai-khoan/mat-khau`.
//! Both ask for the current password again: a session left open on a shared
//! computer must not be enough to take the account over.

use super::registration::CONFIRMATION_MINUTES;
use super::tokens::{self, Purpose};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, sessions};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::mail::{outbox, templates};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::access::{AccountKind, SignedInUser};
use app::accounts::identity::{CitizenId, EmailAddress, PhoneNumber};
use app::accounts::password::{Password, PasswordContext};
use app::accounts::password_hash;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

/// Checks the current password, within the account's password limits (the
/// same as signing in: it is the same secret). An account with no password
/// (made at a first sign-in through the national identity) passes when this
/// session signed in through the provider: that sign-in was the proof.
async fn current_password_ok(
    state: &AppState,
    session: &Session,
    asker: &Asker,
    user: &SignedInUser,
    typed: &str,
) -> anyhow::Result<Result<(), String>> {
    let texts = &asker.lang.texts().accounts;
    let stored = sqlx::query_scalar!("SELECT password_hash FROM users WHERE id = $1", user.id)
        .fetch_one(&state.pool)
        .await?;
    if stored.is_none() && super::national_identity::flow::signed_in_through_provider(session).await
    {
        return Ok(Ok(()));
    }
    let subject = Subject::Account(user.id);
    let reservation =
        match throttle::reserve(&state.pool, Kind::Password, subject, asker.ip).await? {
            Ok(reservation) => reservation,
            Err(limited) => return Ok(Err((texts.too_many_attempts)(limited.wait_secs as u64))),
        };
    if password_hash::verify(typed, stored.as_deref()).await? {
        reservation.succeeded(&state.pool).await?;
        Ok(Ok(()))
    } else {
        reservation.keep();
        Ok(Err(texts.wrong_current_password.to_string()))
    }
}

pub async fn change_contact(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    let typed_email = form.get("email");
    let typed_phone = form.get("phone");
    let mut refused = FormFeedback::new("contact");
    refused.keep("email", &typed_email);
    refused.keep("phone", &typed_phone);

    let email = EmailAddress::parse(&typed_email)
        .map_err(|error| refused.error("email", error.message(asker.lang)))
        .ok();
    // Officials may leave the phone empty; citizens are reached by it.
    let phone = if typed_phone.trim().is_empty() && user.kind == AccountKind::Official {
        Some(None)
    } else {
        PhoneNumber::parse(&typed_phone)
            .map(Some)
            .map_err(|error| refused.error("phone", error.message(asker.lang)))
            .ok()
    };
    if let Err(message) = current_password_ok(
        &state,
        &session,
        &asker,
        &user,
        &form.get("current_password"),
    )
    .await?
    {
        refused.error("current_password", message);
    }
    let (Some(email), Some(phone), false) = (email, phone, refused.has_errors()) else {
        feedback::form(&session, refused).await;
        return Ok(see_other(&paths::account()));
    };

    let email_changed = !email.as_str().eq_ignore_ascii_case(&user.email);
    let result: anyhow::Result<()> = async {
        let mut tx = state.pool.begin().await?;
        sqlx::query!(
            "UPDATE users SET email = $2, phone = $3, updated_at = now(),
                    email_confirmed_at = CASE WHEN $4 THEN NULL ELSE email_confirmed_at END
             WHERE id = $1",
            user.id,
            email.as_str(),
            phone.as_ref().map(PhoneNumber::as_str),
            email_changed,
        )
        .execute(&mut *tx)
        .await?;
        if email_changed {
            let token = tokens::issue(
                &mut tx,
                state.clock.now(),
                user.id,
                Purpose::ConfirmEmail,
                Some(email.as_str()),
                CONFIRMATION_MINUTES,
            )
            .await?;
            let link = tokens::link(
                &state.config.public_base_url,
                &paths::confirm_email(),
                &token,
            );
            outbox::enqueue(
                &mut tx,
                email.as_str(),
                &templates::confirm_email(asker.lang, &user.full_name, &link),
            )
            .await?;
        }
        audit::record(
            &mut *tx,
            Some(user.id),
            AuditAction::ContactChanged,
            json!({ "email_changed": email_changed }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    match result {
        Ok(()) if email_changed => {
            feedback::notice(
                &session,
                NoticeTone::Success,
                (texts.email_change_pending)(email.as_str()),
            )
            .await;
        }
        Ok(()) => feedback::notice(&session, NoticeTone::Success, texts.contact_saved).await,
        Err(error) if crate::database::is_unique_violation(&error) => {
            refused.error("email", texts.email_taken);
            feedback::form(&session, refused).await;
        }
        Err(error) => return Err(error.into()),
    }
    Ok(see_other(&paths::account()))
}

pub async fn change_password(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    let mut refused = FormFeedback::new("password");
    if let Err(message) = current_password_ok(
        &state,
        &session,
        &asker,
        &user,
        &form.get("current_password"),
    )
    .await?
    {
        refused.error("current_password", message);
    }
    let citizen_id = sqlx::query_scalar!("SELECT citizen_id FROM users WHERE id = $1", user.id)
        .fetch_one(&state.pool)
        .await
        .ok()
        .flatten()
        .and_then(|id| CitizenId::parse(&id).ok());
    let email = EmailAddress::parse(&user.email).ok();
    let new_password = form.get("password");
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
    let (Some(password), false) = (password, refused.has_errors()) else {
        feedback::form(&session, refused).await;
        return Ok(see_other(&paths::account()));
    };
    let hash = password_hash::hash(&password).await?;
    let result: anyhow::Result<i64> = async {
        let mut tx = state.pool.begin().await?;
        // Every other session ends; this one is restarted just after.
        let valid_after = sqlx::query_scalar!(
            "UPDATE users SET password_hash = $2, sessions_valid_after = now(), updated_at = now()
             WHERE id = $1 RETURNING sessions_valid_after",
            user.id,
            hash,
        )
        .fetch_one(&mut *tx)
        .await?;
        audit::record(
            &mut *tx,
            Some(user.id),
            AuditAction::PasswordChanged,
            json!({}),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        Ok((valid_after.unix_timestamp_nanos() / 1_000) as i64)
    }
    .await;
    let valid_after = result?;
    let remember = session
        .expiry()
        .is_some_and(|expiry| !matches!(expiry, tower_sessions::Expiry::OnSessionEnd));
    let limits = sessions::limits_for(user.kind, remember);
    sessions::start(
        &state.pool,
        &session,
        user.id,
        limits,
        valid_after,
        (&asker).into(),
        // A new password is no new check of the second factor, nor does it
        // undo the last one.
        user.second_factor.checked_at,
    )
    .await?;
    feedback::notice(&session, NoticeTone::Success, texts.password_changed).await;
    Ok(see_other(&paths::account()))
}
