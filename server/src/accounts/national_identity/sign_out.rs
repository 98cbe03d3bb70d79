//! Signing out of the provider too (OpenID Connect RP-Initiated Logout),
//! for a session that signed in through one that offers an end-session
//! endpoint. The portal's sign-out is a form post, and a form's
//! `form-action` policy would stop a redirect to another origin, so the
//! answer is a short page that moves on by itself (a meta refresh, no
//! script) and has a link for whoever it does not move.

use super::flow::{ProviderSession, SIGNED_IN_KEY};
use crate::state::AppState;
use app::i18n::Lang;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use openidconnect::{ClientId, EndSessionUrl, LogoutRequest, PostLogoutRedirectUrl};
use tower_sessions::Session;

/// Where to send the browser to end the provider's session, read before
/// the portal's session is ended.
pub async fn end_session_address(state: &AppState, session: &Session) -> Option<String> {
    let signed_in = session
        .get::<ProviderSession>(SIGNED_IN_KEY)
        .await
        .ok()
        .flatten()?;
    let row = sqlx::query!(
        r#"SELECT client_id, coalesce(discovered->>'end_session_endpoint', end_session_endpoint) AS endpoint
           FROM identity_providers WHERE id = $1"#,
        signed_in.provider_id
    )
    .fetch_optional(&state.pool)
    .await
    .ok()
    .flatten()?;
    let endpoint = EndSessionUrl::new(row.endpoint?).ok()?;
    let back = PostLogoutRedirectUrl::new(format!(
        "{}/",
        state.config.public_base_url.trim_end_matches('/')
    ))
    .ok()?;
    let id_token: openidconnect::core::CoreIdToken = signed_in.id_token.parse().ok()?;
    Some(
        LogoutRequest::from(endpoint)
            .set_id_token_hint(&id_token)
            .set_client_id(ClientId::new(row.client_id))
            .set_post_logout_redirect_uri(back)
            .http_get_url()
            .to_string(),
    )
}

/// The page that moves on to the provider's sign-out.
pub fn moving_on(address: &str, lang: Lang) -> Response {
    let t = &lang.texts().national_identity;
    let address = escape(address);
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"refresh\" content=\"0; url={address}\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/motcua.css\"></head>\
         <body><main class=\"container main\"><h1>{title}</h1><p>{lead}</p>\
         <p><a class=\"button\" href=\"{address}\">{more}</a></p></main></body></html>",
        lang = lang.code(),
        title = t.signing_out_title,
        lead = t.signing_out_lead,
        more = t.signing_out_continue,
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        html,
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
