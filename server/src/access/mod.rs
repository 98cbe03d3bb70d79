//! Request safety: sessions, who is signed in, same-origin checks for every
//! state change, security headers and the audit log (with every refusal). (Throttling rules live in
//! `app::access::throttle`, where server functions reach them too.)
//! Pages and handlers never repeat these; they sit in the router once.

pub mod api_tokens;
pub mod audit;
pub mod authentication;
pub mod client_ip;
pub mod extractors;
pub mod feedback;
pub mod refusals;
pub mod same_origin;
pub mod security_headers;
pub mod sessions;
