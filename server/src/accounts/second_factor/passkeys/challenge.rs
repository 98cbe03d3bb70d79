//! `POST /tai-khoan/khoa-truy-cap/thu-thach`: the options a browser hands
//! to its WebAuthn interface, with a fresh challenge kept until the answer
//! comes back in a form post. `purpose=register` adds a passkey to the
//! signed-in official's account; `purpose=authenticate` checks one, for the
//! signed-in person or for whoever is between the password and the second
//! step of signing in. Answers JSON: `{challenge, options}`, or
//! `{message}` in the person's language with a 4xx status.

use super::stored::{self, Purpose};
use crate::access::extractors::SignedIn;
use crate::accounts::second_factor::sign_in_code;
use crate::errors::HandlerResult;
use crate::forms::{Asker, Posted};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use tower_sessions::Session;
use webauthn_rs::prelude::Uuid;

/// What WebAuthn calls the user handle: stable for the account, so an
/// authenticator keeps one passkey per account, and nothing personal.
fn user_handle(user_id: i64) -> Uuid {
    const PORTAL: u64 = u64::from_be_bytes(*b"motcua\0\0");
    Uuid::from_u64_pair(PORTAL, user_id as u64)
}

fn refused(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "message": message }))).into_response()
}

pub async fn options(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: Option<SignedIn>,
    form: Posted,
) -> HandlerResult {
    let s = &asker.lang.texts().second_factor;
    let Some(relying_party) = state.passkeys.as_deref() else {
        return Ok(refused(StatusCode::NOT_FOUND, s.passkeys_unavailable));
    };
    let pool = &state.pool;
    let (challenge, options) = match form.get("purpose").as_str() {
        "register" => {
            let Some(SignedIn(user)) = user else {
                return Ok(refused(StatusCode::UNAUTHORIZED, s.sign_in_expired));
            };
            if !user.is_official() {
                return Ok(refused(StatusCode::FORBIDDEN, s.officials_only));
            }
            if let Err(message) = super::enrolment::may_change_factors(&state, &asker, &user) {
                return Ok(refused(StatusCode::FORBIDDEN, message));
            }
            let excluded = stored::passkeys_of(pool, user.id)
                .await?
                .iter()
                .map(|passkey| passkey.cred_id().clone())
                .collect();
            let (options, ceremony) = relying_party
                .start_passkey_registration(
                    user_handle(user.id),
                    &user.email,
                    &user.full_name,
                    Some(excluded),
                )
                .map_err(|error| anyhow::anyhow!("passkey registration options: {error}"))?;
            let id = stored::keep_challenge(pool, user.id, Purpose::Register, &ceremony).await?;
            (
                id,
                serde_json::to_value(options).map_err(anyhow::Error::from)?,
            )
        }
        "authenticate" => {
            let user_id = match user {
                Some(SignedIn(user)) => user.id,
                None => match sign_in_code::waiting(&session).await? {
                    Some(user_id) => user_id,
                    None => return Ok(refused(StatusCode::UNAUTHORIZED, s.sign_in_expired)),
                },
            };
            let passkeys = stored::passkeys_of(pool, user_id).await?;
            if passkeys.is_empty() {
                return Ok(refused(StatusCode::NOT_FOUND, s.no_passkeys));
            }
            let (options, ceremony) = relying_party
                .start_passkey_authentication(&passkeys)
                .map_err(|error| anyhow::anyhow!("passkey authentication options: {error}"))?;
            let id =
                stored::keep_challenge(pool, user_id, Purpose::Authenticate, &ceremony).await?;
            (
                id,
                serde_json::to_value(options).map_err(anyhow::Error::from)?,
            )
        }
        _ => return Ok(refused(StatusCode::BAD_REQUEST, s.passkey_refused)),
    };
    Ok(Json(json!({ "challenge": challenge, "options": options })).into_response())
}
