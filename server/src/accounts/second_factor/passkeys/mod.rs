//! Passkeys (WebAuthn) as an official's second factor, beside the
//! authenticator app: the private key stays on the person's device (a
//! phone, a laptop's fingerprint reader, a security key), the portal keeps
//! the public key and checks a signature over a fresh challenge.
//!
//! Each ceremony is two requests. The browser asks for options
//! (`challenge::options`: a challenge kept in `passkey_challenges`), the
//! person touches their key, and the signed answer comes back in an
//! ordinary form post (hidden fields, filled by `public/passkeys.js`), so
//! refusals and success are redirects like every other form's. Passkeys
//! need JavaScript (the browser's WebAuthn interface is only reachable
//! from it); without it the app's codes and the recovery codes still work.

pub mod challenge;
pub mod check;
pub mod enrolment;
pub mod relying_party;
mod stored;

pub use stored::sweep_challenges;
