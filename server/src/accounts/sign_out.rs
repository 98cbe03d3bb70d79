//! `POST /dang-xuat`: the session is deleted server-side, so its cookie is
//! worthless afterwards, even if someone copied it. A session signed in
//! through an identity provider is then ended at the provider too.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, sessions};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::forms::NoticeTone;
use axum::extract::State;
use tower_sessions::Session;

pub async fn sign_out(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: Option<SignedIn>,
) -> HandlerResult {
    if let Some(SignedIn(user)) = user {
        let _ = audit::record(
            &state.pool,
            Some(user.id),
            AuditAction::SignOut,
            serde_json::json!({}),
            asker.ip,
        )
        .await;
    }
    let provider_sign_out =
        super::national_identity::sign_out::end_session_address(&state, &session).await;
    sessions::end(&state.pool, &session).await?;
    feedback::notice(
        &session,
        NoticeTone::Success,
        asker.lang.texts().accounts.signed_out,
    )
    .await;
    if let Some(address) = provider_sign_out {
        return Ok(super::national_identity::sign_out::moving_on(
            &address, asker.lang,
        ));
    }
    Ok(see_other("/"))
}
