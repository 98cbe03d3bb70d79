//! The visitor of the request being served, as the server's authentication
//! middleware put it in the request extensions (server only).

use super::policy::{self, Permission};
use super::{SignedInUser, Visitor};
use crate::error::{AppError, AppResult};
use leptos::prelude::use_context;

/// What the server's middleware put in the current request's extensions;
/// nothing when there is no request.
fn from_request<T: Clone + Send + Sync + 'static>() -> Option<T> {
    use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<T>().cloned())
}

/// The visitor of the current request; nobody when there is no request
/// (rendering outside a request never has a user).
pub fn current_visitor() -> Visitor {
    from_request::<Visitor>().unwrap_or_default()
}

/// The client address of the current request, when known.
pub fn client_ip() -> Option<std::net::IpAddr> {
    from_request::<super::ClientIp>().and_then(|ip| ip.0)
}

/// The `user_sessions` row of the current request's session, when it has one.
pub fn current_session() -> Option<i64> {
    from_request::<super::CurrentSession>().and_then(|session| session.0)
}

/// The signed-in user of the current request, if any.
pub fn current_user() -> Option<SignedInUser> {
    current_visitor().0
}

/// The signed-in user, or [`AppError::SignInRequired`].
pub fn require_user() -> AppResult<SignedInUser> {
    current_user().ok_or(AppError::SignInRequired)
}

/// The signed-in user if they may do `permission`, else the reason why not.
/// A refusal also sets the response status (401/403), so a server function
/// called over HTTP answers with it; a page turns 401 into a redirect to
/// sign in (see `PageError`).
pub fn require(permission: Permission) -> AppResult<SignedInUser> {
    let visitor = current_visitor();
    policy::check(&visitor, permission)
        .cloned()
        .inspect_err(|error| {
            crate::http_status::set_status(error.status());
        })
}
