//! `POST /dang-ky`: a citizen creates an account; a confirmation link goes
//! out by mail in the same transaction.

use super::tokens::{self, Purpose};
use crate::access::audit::{self, AuditAction};
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::mail::{outbox, templates};
use crate::state::AppState;
use app::accounts::password_hash;
use app::accounts::registration::RegistrationForm;
use app::forms::NoticeTone;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

/// A confirmation link works for two days.
pub const CONFIRMATION_MINUTES: i32 = 48 * 60;

pub async fn register(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    posted: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().accounts;
    let form = RegistrationForm {
        full_name: posted.get("full_name"),
        citizen_id: posted.get("citizen_id"),
        date_of_birth: posted.get("date_of_birth"),
        email: posted.get("email"),
        phone: posted.get("phone"),
        password: posted.get("password"),
        password_confirmation: posted.get("password_confirmation"),
    };
    let registration = match form.validate(asker.lang, state.clock.today_in_vietnam()) {
        Ok(registration) => registration,
        Err(refused) => {
            feedback::form(&session, refused).await;
            return Ok(see_other("/dang-ky"));
        }
    };

    let taken = sqlx::query!(
        r#"SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($1)) AS "email!",
                  EXISTS (SELECT 1 FROM users WHERE citizen_id = $2) AS "citizen_id!",
                  EXISTS (SELECT 1 FROM users WHERE citizen_id = $2 AND password_hash IS NULL) AS "counter_record!""#,
        registration.email.as_str(),
        registration.citizen_id.as_str(),
    )
    .fetch_one(&state.pool)
    .await?;
    if taken.email || taken.citizen_id {
        let mut refused = form.typed_values();
        if taken.counter_record {
            refused.error("citizen_id", texts.citizen_id_recorded_at_counter);
        } else if taken.citizen_id {
            refused.error("citizen_id", texts.citizen_id_taken);
        }
        if taken.email {
            refused.error("email", texts.email_taken);
        }
        feedback::form(&session, refused).await;
        return Ok(see_other("/dang-ky"));
    }

    let hash = password_hash::hash(&registration.password).await?;
    let result: anyhow::Result<()> = async {
        let mut tx = state.pool.begin().await?;
        let user_id = sqlx::query_scalar!(
            "INSERT INTO users (kind, full_name, email, citizen_id, date_of_birth, phone, password_hash)
             VALUES ('citizen', $1, $2, $3, $4, $5, $6) RETURNING id",
            registration.full_name.as_str(),
            registration.email.as_str(),
            registration.citizen_id.as_str(),
            registration.date_of_birth as _,
            registration.phone.as_str(),
            hash,
        )
        .fetch_one(&mut *tx)
        .await?;
        let token = tokens::issue(&mut tx, state.clock.now(), user_id, Purpose::ConfirmEmail, Some(registration.email.as_str()), CONFIRMATION_MINUTES).await?;
        let link = tokens::link(&state.config.public_base_url, "/xac-nhan-email", &token);
        let message = templates::confirm_email(asker.lang, registration.full_name.as_str(), &link);
        outbox::enqueue(&mut tx, registration.email.as_str(), &message).await?;
        audit::record(
            &mut *tx,
            Some(user_id),
            AuditAction::Registered,
            json!({ "citizen_id": registration.citizen_id.masked() }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    if let Err(error) = result {
        // Two registrations racing for the same email or CCCD: the unique
        // index decides; the loser sees the same message as above.
        if crate::database::is_unique_violation(&error) {
            feedback::notice(&session, NoticeTone::Error, texts.email_taken).await;
            return Ok(see_other("/dang-ky"));
        }
        return Err(error.into());
    }
    feedback::notice(
        &session,
        NoticeTone::Success,
        (texts.registered)(registration.email.as_str()),
    )
    .await;
    Ok(see_other("/dang-nhap"))
}
