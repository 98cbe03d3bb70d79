//! Every authorisation refusal goes into the audit log (rate-limited, see
//! [`app::access::refusals`]): a 403 from any route or page, and any answer
//! a handler marks — a 404 that hides someone else's dossier, file or
//! receipt ([`as_missing`]: a 404 alone cannot tell it from a missing one),
//! a back-office action refused with a notice ([`mark`]).

use crate::errors::HandlerError;
use crate::state::AppState;
use app::access::refusals::{self, Refused};
use app::access::{ClientIp, Visitor};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Marks a response as a refusal of this object.
#[derive(Clone, Debug)]
struct RefusedObject(String);

/// The 404 page, exactly as for a missing `object`, marked so the refusal
/// is audited.
pub fn as_missing(object: impl Into<String>) -> Response {
    mark(HandlerError::not_found().into_response(), object)
}

/// Marks `response` as refusing `object`, so it is audited: for answers
/// that are not an error page, such as a form's redirect back with a notice.
pub fn mark(mut response: Response, object: impl Into<String>) -> Response {
    response
        .extensions_mut()
        .insert(RefusedObject(object.into()));
    response
}

/// Writes the audit entry of a refused request on its way out. Runs inside
/// authentication, which put the visitor and address in the request.
pub async fn audit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let user_id = request
        .extensions()
        .get::<Visitor>()
        .and_then(Visitor::user)
        .map(|user| user.id);
    let ip = request.extensions().get::<ClientIp>().and_then(|ip| ip.0);
    let route = request.uri().path().to_string();
    let response = next.run(request).await;
    let object = match response.extensions().get::<RefusedObject>() {
        Some(RefusedObject(object)) => object.clone(),
        None if response.status() == StatusCode::FORBIDDEN => route.clone(),
        None => return response,
    };
    let refused = Refused {
        user_id,
        ip,
        route: &route,
        object: &object,
        status: response.status().as_u16(),
    };
    // The refusal stands even if it cannot be written down.
    if let Err(error) = refusals::record(&state.pool, &refused).await {
        tracing::error!(%error, "could not audit a refused request");
    }
    response
}
