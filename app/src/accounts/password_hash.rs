//! Password hashes: argon2id with at least OWASP's parameters (m = 19 MiB,
//! t = 2, p = 1), stored as PHC strings that carry their own parameters.
//!
//! Hashing is deliberately slow and memory-hungry, so it runs on the blocking
//! pool and at most `MAX_CONCURRENT_HASHES` at once: a burst of sign-ins
//! queues instead of exhausting memory or starving request handling.

use super::password::Password;
use crate::error::{AppError, AppResult};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use tokio::sync::Semaphore;

/// 4 × 19 MiB at most in flight.
const MAX_CONCURRENT_HASHES: usize = 4;
static HASHING: Semaphore = Semaphore::const_new(MAX_CONCURRENT_HASHES);

const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

fn argon2id() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a validated password with a fresh random salt.
pub async fn hash(password: &Password) -> AppResult<String> {
    hash_secret(password.expose_secret().to_owned()).await
}

/// Hashes any other secret a person holds (a recovery code) the same way.
pub async fn hash_secret(secret: String) -> AppResult<String> {
    run_limited(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2id()
            .hash_password(secret.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| {
                tracing::error!(%error, "password hashing failed");
                AppError::Internal
            })
    })
    .await
}

/// Whether `candidate` matches the stored PHC string. With `None` (no such
/// account) a dummy hash is checked anyway, so the answer takes as long
/// whether or not the account exists.
pub async fn verify(candidate: &str, stored: Option<&str>) -> AppResult<bool> {
    let candidate = candidate.to_owned();
    let stored = stored.map(str::to_owned);
    run_limited(move || {
        let phc = stored.as_deref().unwrap_or(DUMMY_HASH);
        let parsed = PasswordHash::new(phc).map_err(|error| {
            tracing::error!(%error, "a stored password hash cannot be parsed");
            AppError::Internal
        })?;
        let matches = argon2id()
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok();
        Ok(matches && stored.is_some())
    })
    .await
}

/// The hash of a random password nobody knows, with the same parameters.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$Qv2dq9qTRXAHgKXc0V7c0nqvMz4n2x0FQbHcWpbXKcI";

async fn run_limited<T: Send + 'static>(
    work: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let _permit = HASHING.acquire().await.map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| AppError::Internal)?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::password::PasswordContext;

    fn password(text: &str) -> Password {
        Password::parse(text, &PasswordContext::default()).unwrap()
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_nothing_else() {
        let stored = hash(&password("hoa sen nở muộn 1975")).await.unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify("hoa sen nở muộn 1975", Some(&stored)).await.unwrap());
        assert!(!verify("hoa sen nở muộn 1976", Some(&stored)).await.unwrap());
    }

    #[tokio::test]
    async fn the_same_password_gets_a_different_salt_each_time() {
        let first = hash(&password("một mật khẩu dài")).await.unwrap();
        let second = hash(&password("một mật khẩu dài")).await.unwrap();
        assert_ne!(first, second);
    }

    #[tokio::test]
    async fn a_missing_account_never_verifies() {
        assert!(!verify("anything at all", None).await.unwrap());
    }

    #[test]
    fn the_dummy_hash_is_well_formed() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
