//! `POST /dang-ky`: a citizen creates an account; a confirmation link goes
//! out by mail in the same transaction. An email or CCCD that already has an
//! account gets the same answer, and a mail saying so instead of the link:
//! the form cannot be used to find out who has an account.

use super::tokens::{self, Purpose};
use crate::access::audit::{self, AuditAction};
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::mail::outbox;
use crate::mail::templates::{self, AlreadyRegistered};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::accounts::password_hash;
use app::accounts::registration::{Registration, RegistrationForm};
use app::forms::NoticeTone;
use app::i18n::Lang;
use app::paths;
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
        privacy_consent: posted.get("privacy_consent"),
    };
    let registration = match form.validate(asker.lang, state.clock.today_in_vietnam()) {
        Ok(registration) => registration,
        Err(refused) => {
            feedback::form(&session, refused).await;
            return Ok(see_other(&paths::register()));
        }
    };

    match throttle::reserve(&state.pool, Kind::Registration, Subject::Anyone, asker.ip).await? {
        Ok(reservation) => reservation.keep(),
        Err(limited) => {
            let mut refused = form.typed_values();
            refused.error("email", (texts.too_many_requests)(limited.wait_secs as u64));
            feedback::form(&session, refused).await;
            return Ok(see_other(&paths::register()));
        }
    }
    let already = already_registered(&state, &registration).await?;
    // The same slow hashing whether or not an account is there, and a mail
    // either way: neither the answer nor its time tells who has an account.
    let hash = password_hash::hash(&registration.password).await?;
    let result = match already {
        Some(reason) => mail_already_registered(&state, asker.lang, &registration, reason).await,
        None => create_account(&state, &asker, &registration, &hash).await,
    };
    // Two registrations racing for the same email or CCCD: the unique index
    // decides, and the loser is answered like everyone else.
    match result {
        Err(error) if !crate::database::is_unique_violation(&error) => return Err(error.into()),
        _ => {}
    }
    feedback::notice(
        &session,
        NoticeTone::Success,
        (texts.registered)(registration.email.as_str()),
    )
    .await;
    Ok(see_other(&paths::sign_in()))
}

/// Whether the email or the CCCD of `registration` already has an account.
async fn already_registered(
    state: &AppState,
    registration: &Registration,
) -> sqlx::Result<Option<AlreadyRegistered>> {
    let taken = sqlx::query!(
        r#"SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($1)) AS "email!",
                  EXISTS (SELECT 1 FROM users WHERE citizen_id = $2) AS "citizen_id!",
                  EXISTS (SELECT 1 FROM users WHERE citizen_id = $2 AND password_hash IS NULL) AS "counter_record!""#,
        registration.email.as_str(),
        registration.citizen_id.as_str(),
    )
    .fetch_one(&state.pool)
    .await?;
    Ok(if taken.email {
        Some(AlreadyRegistered::Email)
    } else if taken.counter_record {
        Some(AlreadyRegistered::RecordedAtCounter)
    } else if taken.citizen_id {
        Some(AlreadyRegistered::CitizenId)
    } else {
        None
    })
}

async fn mail_already_registered(
    state: &AppState,
    lang: Lang,
    registration: &Registration,
    reason: AlreadyRegistered,
) -> anyhow::Result<()> {
    let forgot_link = format!("{}/quen-mat-khau", state.config.public_base_url);
    let message =
        templates::already_registered(lang, registration.full_name.as_str(), reason, &forgot_link);
    let mut connection = state.pool.acquire().await?;
    outbox::enqueue(&mut connection, registration.email.as_str(), &message).await?;
    Ok(())
}

async fn create_account(
    state: &AppState,
    asker: &Asker,
    registration: &Registration,
    hash: &str,
) -> anyhow::Result<()> {
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
    let token = tokens::issue(
        &mut tx,
        state.clock.now(),
        user_id,
        Purpose::ConfirmEmail,
        Some(registration.email.as_str()),
        CONFIRMATION_MINUTES,
    )
    .await?;
    let link = tokens::link(
        &state.config.public_base_url,
        &paths::confirm_email(),
        &token,
    );
    let message = templates::confirm_email(asker.lang, registration.full_name.as_str(), &link);
    outbox::enqueue(&mut tx, registration.email.as_str(), &message).await?;
    // The box was ticked (validation refuses the form otherwise): the
    // consent, with the notice's version, is part of the account.
    app::accounts::privacy::store::record(&mut *tx, user_id, "registration", asker.ip).await?;
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
