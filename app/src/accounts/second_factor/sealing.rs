//! Secrets kept at rest sealed with the portal's secret key
//! (`MOTCUA_SECRET_KEY`): XChaCha20-Poly1305, a random nonce per seal, and
//! what the secret belongs to bound in as associated data, so a sealed
//! value moved to another row or account does not open.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use std::sync::Arc;

const NONCE_BYTES: usize = 24;

/// The key every instance shares (from configuration; never stored in the
/// database beside what it seals).
#[derive(Clone)]
pub struct SealingKey(Arc<XChaCha20Poly1305>);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(..)")
    }
}

/// A sealed value did not open: the wrong key, or it was altered or moved.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("a sealed secret does not open with this key")]
pub struct Unopenable;

impl SealingKey {
    pub fn new(key: [u8; 32]) -> SealingKey {
        SealingKey(Arc::new(XChaCha20Poly1305::new(&key.into())))
    }

    /// `nonce ‖ ciphertext ‖ tag`.
    pub fn seal(&self, belongs_to: &str, secret: &[u8]) -> Vec<u8> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .0
            .encrypt(
                &nonce,
                Payload {
                    msg: secret,
                    aad: belongs_to.as_bytes(),
                },
            )
            .expect("sealing in memory cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        out
    }

    pub fn open(&self, belongs_to: &str, sealed: &[u8]) -> Result<Vec<u8>, Unopenable> {
        if sealed.len() < NONCE_BYTES {
            return Err(Unopenable);
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_BYTES);
        self.0
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: belongs_to.as_bytes(),
                },
            )
            .map_err(|_| Unopenable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_for_its_owner() {
        let key = SealingKey::new([7; 32]);
        let sealed = key.seal("totp:41", b"twenty bytes secret!");
        assert!(!sealed.windows(6).any(|w| w == b"twenty"), "not in clear");
        assert_eq!(
            key.open("totp:41", &sealed).unwrap(),
            b"twenty bytes secret!"
        );
        assert_eq!(key.open("totp:42", &sealed), Err(Unopenable), "moved");
        assert_eq!(
            SealingKey::new([8; 32]).open("totp:41", &sealed),
            Err(Unopenable),
            "another key"
        );
        let mut altered = sealed.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert_eq!(key.open("totp:41", &altered), Err(Unopenable));
        assert_ne!(
            key.seal("totp:41", b"x"),
            key.seal("totp:41", b"x"),
            "fresh nonce"
        );
    }
}
