//! Recovery codes: ten single-use codes for the day the phone is lost,
//! shown once and stored only as argon2id hashes.

use crate::accounts::password_hash;
use crate::error::AppResult;
use rand::Rng;

pub const HOW_MANY: usize = 10;
/// Lower-case letters and digits a reader cannot confuse (no 0/o, 1/l/i).
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Ten characters of 31: about 50 bits, in two groups of five.
const LENGTH: usize = 10;

/// Ten fresh codes, as shown: `abcde-fghjk`.
pub fn generate() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..HOW_MANY)
        .map(|_| {
            let raw: String = (0..LENGTH)
                .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
                .collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect()
}

/// What is hashed and compared: the code's letters and digits, lower-cased
/// (a typed code may have lost its dash or gained capitals and spaces).
pub fn normalise(typed: &str) -> Option<String> {
    let kept: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    (kept.len() == LENGTH && kept.bytes().all(|b| ALPHABET.contains(&b))).then_some(kept)
}

pub async fn hash(code: &str) -> AppResult<String> {
    password_hash::hash_secret(normalise(code).unwrap_or_default()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_distinct_readable_codes() {
        let codes = generate();
        assert_eq!(codes.len(), 10);
        let mut distinct = codes.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 10);
        for code in &codes {
            assert_eq!(code.len(), 11, "{code}");
            assert_eq!(&code[5..6], "-");
            assert!(normalise(code).is_some(), "{code}");
        }
    }

    #[test]
    fn a_code_typed_loosely_still_reads() {
        assert_eq!(normalise(" ABCDE fghjk ").as_deref(), Some("abcdefghjk"));
        assert_eq!(normalise("abcde-fghjk").as_deref(), Some("abcdefghjk"));
        assert_eq!(
            normalise("123456"),
            None,
            "an app's code is not a recovery code"
        );
        assert_eq!(normalise("abcde-fghj0"), None);
    }
}
