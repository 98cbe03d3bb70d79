//! `POST /xac-nhan-email` (the button behind the mailed link) and
//! `POST /tai-khoan/gui-lai-xac-nhan` (a new link for a signed-in user).

use super::registration::CONFIRMATION_MINUTES;
use super::tokens::{self, Purpose};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::mail::{outbox, templates};
use crate::state::AppState;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::State;
use tower_sessions::Session;

/// At most this many confirmation mails per account and hour.
const MAX_MAILS_PER_HOUR: i64 = 3;

pub async fn confirm(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: Option<SignedIn>,
    form: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    let after = if user.is_some() {
        "/tai-khoan"
    } else {
        "/dang-nhap"
    };
    let result: anyhow::Result<bool> = async {
        let mut tx = state.pool.begin().await?;
        let Some(used) = tokens::consume(
            &mut tx,
            state.clock.now(),
            form.get("token").trim(),
            Purpose::ConfirmEmail,
        )
        .await?
        else {
            return Ok(false);
        };
        // The link confirms the address it was sent to; if the email has
        // changed since, it confirms nothing.
        let confirmed = sqlx::query!(
            "UPDATE users SET email_confirmed_at = now(), updated_at = now()
             WHERE id = $1 AND lower(email) = lower(coalesce($2, email))",
            used.user_id,
            used.email,
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if confirmed {
            audit::record(
                &mut *tx,
                Some(used.user_id),
                AuditAction::EmailConfirmed,
                serde_json::json!({}),
                asker.ip,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(confirmed)
    }
    .await;
    if result? {
        feedback::notice(&session, NoticeTone::Success, texts.email_confirmed).await;
    } else {
        feedback::notice(&session, NoticeTone::Error, texts.link_invalid).await;
    }
    Ok(see_other(after))
}

pub async fn resend(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    if user.email_confirmed {
        return Ok(see_other(&paths::account()));
    }
    if tokens::issued_last_hour(
        &state.pool,
        state.clock.now(),
        user.id,
        Purpose::ConfirmEmail,
    )
    .await?
        >= MAX_MAILS_PER_HOUR
    {
        // Say the same as on success: the earlier mails are on their way.
        feedback::notice(
            &session,
            NoticeTone::Info,
            (texts.confirmation_resent)(&user.email),
        )
        .await;
        return Ok(see_other(&paths::account()));
    }
    let result: anyhow::Result<()> = async {
        let mut tx = state.pool.begin().await?;
        let token = tokens::issue(
            &mut tx,
            state.clock.now(),
            user.id,
            Purpose::ConfirmEmail,
            Some(&user.email),
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
            &user.email,
            &templates::confirm_email(asker.lang, &user.full_name, &link),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    result?;
    feedback::notice(
        &session,
        NoticeTone::Success,
        (texts.confirmation_resent)(&user.email),
    )
    .await;
    Ok(see_other(&paths::account()))
}
