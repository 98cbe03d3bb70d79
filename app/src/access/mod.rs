//! Who is asking, and what they may do: the one authorisation mechanism every
//! page, server function and plain route goes through.
//!
//! The server's authentication middleware turns the session into a
//! [`Visitor`] and puts it in the request; pages and server functions read it
//! with [`current_user`]/[`require_user`], axum handlers with the server's
//! extractor built on the same type. Decisions are made by [`policy`], which
//! is pure: the same rules, tested once, wherever they are asked.

use crate::paths;
mod account;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod refusals;
#[cfg(feature = "ssr")]
mod request;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use account::{AccountKind, Role, RoleGrant, SignedInUser, Visitor};

/// The client address of the request, as the server's middleware determined it
/// (behind a trusted proxy, from `X-Forwarded-For`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientIp(pub Option<std::net::IpAddr>);

/// The `user_sessions` row of the request's session (request extension,
/// server only): which of the listed sessions is the one in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurrentSession(pub Option<i64>);

/// The portal's public address (`MOTCUA_PUBLIC_URL`), for pages that show
/// addresses other systems must register (context, server only).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicUrl(pub String);
pub use policy::{permits, Permission};
#[cfg(feature = "ssr")]
pub use request::{
    client_ip, current_session, current_user, current_visitor, require, require_user,
};

/// `/dang-nhap?tiep=<here>`: the sign-in page, which returns to `here`.
pub fn sign_in_address(here: &str) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("tiep", here)
        .finish();
    format!("{}?{query}", paths::SIGN_IN)
}

/// Where to go after signing in: `next` when it is a path on this site, else
/// `fallback`. Anything else (`//evil.example`, `https://…`) would turn the
/// sign-in page into an open redirect.
pub fn safe_return_path(next: &str, fallback: &str) -> String {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if local {
        next.to_string()
    } else {
        fallback.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_return_path("/tai-khoan?x=1", "/"), "/tai-khoan?x=1");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "",
            "tai-khoan",
        ] {
            assert_eq!(safe_return_path(bad, "/"), "/", "{bad}");
        }
    }
}
