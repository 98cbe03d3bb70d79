//! The words the catalogue's search reads questions with
//! (`/quan-tri/tu-ngu-tim-kiem`): colloquial phrases and what they mean
//! ("lấy vợ" → "kết hôn"), and filler words a question need not match
//! ("muốn", "cần", "gì"). Province administrators keep them; a change is
//! audited and read by the next search on every instance. An editor tries
//! a question to see how the portal reads it.

pub mod server_fns;

use serde::{Deserialize, Serialize};

/// One colloquial phrase and what it means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynonymRow {
    /// As the editor wrote it.
    pub typed: String,
    /// The key it is matched by (no diacritics): what "remove" posts.
    pub phrase: String,
    pub means: String,
}

/// `/quan-tri/tu-ngu-tim-kiem`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchWords {
    pub synonyms: Vec<SynonymRow>,
    pub fillers: Vec<String>,
    pub may_edit: bool,
    /// The question tried (`?thu=`) and how the portal reads it (empty:
    /// nothing but filler words).
    pub tried: Option<(String, String)>,
}

/// The longest phrase or meaning an editor may write.
pub const WORDS_LIMIT: usize = 200;

/// Why a phrase, meaning or filler word is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordsRefusal {
    Missing,
    TooLong,
    /// A filler word is one word.
    NotOneWord,
    Taken,
}

/// The refusals of a new phrase and its meaning, each with its field.
pub fn check_synonym(phrase: &str, means: &str) -> Vec<(&'static str, WordsRefusal)> {
    let mut refused = Vec::new();
    for (field, value) in [("phrase", phrase), ("means", means)] {
        if value.trim().is_empty() {
            refused.push((field, WordsRefusal::Missing));
        } else if value.chars().count() > WORDS_LIMIT {
            refused.push((field, WordsRefusal::TooLong));
        }
    }
    refused
}

/// The refusal of a new filler word, if any.
pub fn check_filler(word: &str) -> Option<WordsRefusal> {
    let word = word.trim();
    if word.is_empty() {
        Some(WordsRefusal::Missing)
    } else if word.split_whitespace().count() > 1 {
        Some(WordsRefusal::NotOneWord)
    } else if word.chars().count() > 40 {
        Some(WordsRefusal::TooLong)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_needs_a_meaning_and_a_filler_is_one_word() {
        assert!(check_synonym("lấy vợ", "kết hôn").is_empty());
        assert_eq!(
            check_synonym(" ", "kết hôn"),
            [("phrase", WordsRefusal::Missing)]
        );
        assert_eq!(
            check_synonym("sổ đỏ", &"x".repeat(WORDS_LIMIT + 1)),
            [("means", WordsRefusal::TooLong)]
        );
        assert_eq!(check_filler("muốn"), None);
        assert_eq!(check_filler("bao nhiêu"), Some(WordsRefusal::NotOneWord));
        assert_eq!(check_filler(""), Some(WordsRefusal::Missing));
    }
}
