//! Authenticator-app codes (RFC 6238: HMAC-SHA-1, six digits, 30-second
//! steps, what every authenticator app reads from an `otpauth://` link).
//! A code is matched to its step, so the store can accept each step once.

use rand::RngCore;
use totp_rs::{Algorithm, TOTP};

pub const STEP_SECS: i64 = 30;
/// Bytes of a new secret: 160 bits, as RFC 4226 recommends.
const SECRET_BYTES: usize = 20;
/// Steps either side of now that still pass: one, for a clock a little off
/// and a code typed as it changed.
const SKEW_STEPS: i64 = 1;

/// A fresh random secret.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    secret
}

fn totp(secret: &[u8], account: &str, issuer: &str) -> Option<TOTP> {
    // An issuer cannot hold ':' in an otpauth label.
    let issuer = issuer.replace(':', " ");
    TOTP::new(
        Algorithm::SHA1,
        6,
        SKEW_STEPS as u8,
        STEP_SECS as u64,
        secret.to_vec(),
        Some(issuer),
        account.to_string(),
    )
    .ok()
}

/// The link an authenticator app reads from the QR code.
pub fn setup_link(secret: &[u8], account: &str, issuer: &str) -> String {
    totp(secret, account, issuer)
        .map(|totp| totp.get_url())
        .unwrap_or_default()
}

/// The secret as people type it into an app without a camera: base32 in
/// groups of four.
pub fn typed_secret(secret: &[u8]) -> String {
    let encoded = totp_rs::Secret::Raw(secret.to_vec())
        .to_encoded()
        .to_string();
    encoded
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The step a Unix time falls in.
pub fn step_at(unix_secs: i64) -> i64 {
    unix_secs.div_euclid(STEP_SECS)
}

/// The code of `step` (what the app shows during it).
pub fn code_at_step(secret: &[u8], step: i64) -> String {
    totp(secret, "", "")
        .map(|totp| totp.generate((step.max(0) * STEP_SECS) as u64))
        .unwrap_or_default()
}

/// The step whose code `typed` is, among those near `unix_secs` and later
/// than `last_used` (a code already accepted never passes again); the
/// earliest such, so a later one stays for the next sign-in.
pub fn matching_step(secret: &[u8], typed: &str, unix_secs: i64, last_used: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != 6 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_at(unix_secs);
    let totp = totp(secret, "", "")?;
    (now - SKEW_STEPS..=now + SKEW_STEPS)
        .filter(|&step| step > last_used && step >= 0)
        .find(|&step| {
            let expected = totp.generate((step * STEP_SECS) as u64);
            constant_time_eq(expected.as_bytes(), typed.as_bytes())
        })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B's SHA-1 secret; its eight-digit codes end in
    /// the six digits an app shows.
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn codes_are_rfc_6238s() {
        for (time, eight_digits) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
        ] {
            assert_eq!(
                code_at_step(RFC_SECRET, step_at(time)),
                eight_digits[2..],
                "{time}"
            );
        }
    }

    #[test]
    fn a_code_passes_in_its_step_and_one_either_side_but_not_twice() {
        let time = 1_111_111_109;
        let step = step_at(time);
        let code = code_at_step(RFC_SECRET, step);
        assert_eq!(matching_step(RFC_SECRET, &code, time, 0), Some(step));
        assert_eq!(matching_step(RFC_SECRET, &code, time + 30, 0), Some(step));
        assert_eq!(matching_step(RFC_SECRET, &code, time - 30, 0), Some(step));
        assert_eq!(
            matching_step(RFC_SECRET, &code, time + 60, 0),
            None,
            "too old"
        );
        assert_eq!(matching_step(RFC_SECRET, &code, time, step), None, "used");
        assert_eq!(
            matching_step(
                RFC_SECRET,
                &format!("{} {}", &code[..3], &code[3..]),
                time,
                0
            ),
            Some(step),
            "typed with a space"
        );
        assert_eq!(matching_step(RFC_SECRET, "12345", time, 0), None);
        assert_eq!(matching_step(RFC_SECRET, "abcdef", time, 0), None);
    }

    #[test]
    fn the_setup_link_and_typed_secret_name_the_same_secret() {
        let link = setup_link(RFC_SECRET, "tiepnhan@motcua.example", "Một Cửa: Quảng Ninh");
        assert!(link.starts_with("otpauth://totp/"), "{link}");
        assert!(
            link.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
            "{link}"
        );
        assert!(!link.contains("%3A%20Qu"), "no colon in the issuer: {link}");
        assert_eq!(
            typed_secret(RFC_SECRET),
            "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"
        );
    }
}
