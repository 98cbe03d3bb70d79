//! The list of common passwords (`common_passwords.txt`, see
//! `common_passwords.md`) and the search in it.

use std::cmp::Ordering;

use super::normalize;

/// Common passwords: one a line, lower-case, NFC, deduplicated, sorted by
/// byte. Searched in place by [`is_common_password`].
pub(super) static COMMON_PASSWORDS: &str = include_str!("../common_passwords.txt");

/// Whether `candidate` is in the list of common passwords (case-insensitive,
/// surrounding whitespace ignored). Useful for a strength hint as the citizen
/// types; [`Password::parse`](super::Password::parse) applies it.
pub fn is_common_password(candidate: &str) -> bool {
    contains_line(COMMON_PASSWORDS, normalize(candidate).to_lowercase().trim())
}

/// Binary search for the line `needle` in `list`, a text of lines sorted by
/// byte, without splitting it: each step takes the line around the middle
/// byte of the remaining range. `lo` and `hi` are always at line starts (or
/// the end). A `\r` before a line end is ignored, in case of a CRLF checkout.
pub(super) fn contains_line(list: &str, needle: &str) -> bool {
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = bytes[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |i| start + i);
        let line = &list[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        match line.cmp(needle) {
            Ordering::Equal => return true,
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
        }
    }
    false
}
