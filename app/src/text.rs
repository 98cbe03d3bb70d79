//! Text as the portal stores and compares it: Unicode NFC, trimmed.
//!
//! Vietnamese can be typed with precomposed letters ("ế") or with combining
//! marks ("ê" + U+0301); both look the same, so everything is normalised to NFC
//! before it is stored or searched.

use unicode_normalization::UnicodeNormalization;

/// NFC-normalises and trims `input`, collapsing runs of whitespace into one space.
pub fn normalize(input: &str) -> String {
    input
        .nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word or text as the database's `search_key` makes it: lower case,
/// without diacritics ("Đăng ký" → "dang ky"), so the assistant can mark
/// the words a question matched in a passage it quotes.
pub fn search_key(input: &str) -> String {
    input
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A search query ready for the database: normalised, lower-case, control
/// characters read as spaces (a NUL cannot even reach PostgreSQL's text),
/// at most `MAX_QUERY_CHARS` characters, or `None` when nothing is left to
/// search for.
pub fn search_query(input: &str) -> Option<String> {
    let normalized = normalize(input).to_lowercase();
    let truncated: String = normalized
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_QUERY_CHARS)
        .collect();
    let trimmed = truncated.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Longer queries are cut: no procedure name is this long, and it bounds the work a query can cause.
pub const MAX_QUERY_CHARS: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_in_a_search_are_spaces() {
        assert_eq!(search_query("kết\0hôn\u{1}").as_deref(), Some("kết hôn"));
        assert_eq!(search_query("\0\t"), None);
    }

    #[test]
    fn search_keys_drop_diacritics_however_they_are_written() {
        assert_eq!(search_key("Đăng ký KẾT HÔN"), "dang ky ket hon");
        assert_eq!(
            search_key("Đăng ký".nfd().collect::<String>().as_str()),
            "dang ky"
        );
    }

    #[test]
    fn decomposed_diacritics_become_precomposed() {
        let decomposed = "Đa\u{306}ng ky\u{301} khai sinh";
        assert_eq!(normalize(decomposed), "Đăng ký khai sinh");
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        assert_eq!(normalize("  đăng   ký\tkhai\nsinh "), "đăng ký khai sinh");
    }

    #[test]
    fn search_queries_are_lower_case_nfc() {
        assert_eq!(
            search_query("ĐĂNG KÝ Khai Sinh").as_deref(),
            Some("đăng ký khai sinh")
        );
    }

    #[test]
    fn blank_queries_search_for_nothing() {
        assert_eq!(search_query("   "), None);
    }

    #[test]
    fn long_queries_are_cut() {
        let long = "a".repeat(500);
        assert_eq!(
            search_query(&long).unwrap().chars().count(),
            MAX_QUERY_CHARS
        );
    }
}
