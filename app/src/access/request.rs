//! The visitor of the request being served, as the server's authentication
//! middleware put it in the request extensions (server only).

use super::policy::{self, Permission};
use super::{SignedInUser, Visitor};
use crate::error::{AppError, AppResult};
use leptos::prelude::use_context;

/// The visitor of the current request; nobody when there is no request
/// (rendering outside a request never has a user).
pub fn current_visitor() -> Visitor {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Visitor>().cloned())
        .unwrap_or_default()
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
