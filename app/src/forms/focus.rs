//! Places a form comes back to: after "Lưu nháp" the filing page returns to
//! the field last worked on (with JavaScript, `crate::enhance` remembers
//! it; without, the server picks one).

/// Whether `id` may be put after `#` in a redirect: letters, digits and
/// dashes only, as [`super::field_id`] and the documents' anchors make them.
pub fn is_place(id: &str) -> bool {
    !id.is_empty() && id.len() <= 120 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::is_place;

    #[test]
    fn only_plain_ids_are_places_to_come_back_to() {
        assert!(is_place("filing-child-birth-date"));
        assert!(is_place("tai-lieu-12"));
        for bad in ["", "x#y", "a b", "//evil.example", "a\r\nLocation: x", "ý"] {
            assert!(!is_place(bad), "{bad:?}");
        }
        assert!(!is_place(&"a".repeat(121)));
    }
}
