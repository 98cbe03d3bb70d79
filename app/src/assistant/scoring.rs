//! How well a source answers a question, from the question's words (as the
//! search reads them: colloquial phrases replaced, filler words dropped).
//!
//! Each word weighs by how rare it is in the knowledge base (a word in
//! every procedure, like "đăng ký", says little), and counts fully when it
//! is in the source's title (an article's question, a procedure's name),
//! half when only in its text; a typo still matches a word one or two
//! letters away. Neighbouring words found together as a pair ("giấy
//! phép", "xây dựng") add to the score. The score runs from 0 to 1.

use super::intent::words;

// Chosen on the evaluation set (`bench/assistant/run` prints the trade-off
// for each threshold): a long answer or a procedure's many passages hold
// many words, so a word found only there counts for little, and a title
// that says much more than was asked fits less. With these no
// out-of-scope question of the set is answered at the threshold.
/// What a question word found only in the source's text counts for.
const BODY_CREDIT: f64 = 0.35;
/// The shares of the score: the question's words found, its pairs found
/// together, the title's words asked.
const WORDS_SHARE: f64 = 0.65;
const PAIRS_SHARE: f64 = 0.1;
const TITLE_SHARE: f64 = 0.25;

/// The words of a source, as search keys.
pub struct SourceWords<'a> {
    pub title: Vec<&'a str>,
    pub body: Vec<&'a str>,
}

/// A question word and how much it weighs (its inverse document frequency).
pub struct Weighted<'a> {
    pub word: &'a str,
    pub weight: f64,
}

/// The weight of a word found in `frequency` of `total` sources.
pub fn weight(frequency: i64, total: i64) -> f64 {
    let total = total.max(1) as f64;
    (1.0 + total / (frequency.max(0) as f64 + 0.5)).ln()
}

/// Whether `word` matches `candidate`: the same, or a typo of it (one
/// letter off in words of 4 letters or more, two in words of 8 or more).
pub fn close(word: &str, candidate: &str) -> bool {
    if word == candidate {
        return true;
    }
    let length = word.chars().count();
    let allowed = if length >= 8 {
        2
    } else if length >= 4 {
        1
    } else {
        0
    };
    allowed > 0 && edit_distance(word, candidate, allowed) <= allowed
}

/// Levenshtein distance, or `bound + 1` as soon as it is certainly above.
fn edit_distance(a: &str, b: &str, bound: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > bound {
        return bound + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|&least| least > bound) {
            return bound + 1;
        }
        previous = current;
    }
    previous[b.len()]
}

fn contains(words: &[&str], word: &str) -> bool {
    words.iter().any(|candidate| close(word, candidate))
}

fn contains_pair(words: &[&str], first: &str, second: &str) -> bool {
    words
        .windows(2)
        .any(|pair| close(first, pair[0]) && close(second, pair[1]))
}

/// How well `source` answers the question `asked` (0 to 1).
pub fn score(asked: &[Weighted<'_>], source: &SourceWords<'_>) -> f64 {
    let total: f64 = asked.iter().map(|word| word.weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let found: f64 = asked
        .iter()
        .map(|word| {
            if contains(&source.title, word.word) {
                word.weight
            } else if contains(&source.body, word.word) {
                word.weight * BODY_CREDIT
            } else {
                0.0
            }
        })
        .sum();
    let pairs = asked.len().saturating_sub(1);
    let paired = asked
        .windows(2)
        .filter(|pair| {
            contains_pair(&source.title, pair[0].word, pair[1].word)
                || contains_pair(&source.body, pair[0].word, pair[1].word)
        })
        .count();
    let pair_share = if pairs == 0 {
        0.0
    } else {
        paired as f64 / pairs as f64
    };
    // A title saying much more than was asked ("Đăng ký khai sinh kết hợp
    // đăng ký nhận cha, mẹ, con" for "đăng ký khai sinh") fits less.
    let title_precision = if source.title.is_empty() {
        0.0
    } else {
        source
            .title
            .iter()
            .filter(|word| asked.iter().any(|asked| close(asked.word, word)))
            .count() as f64
            / source.title.len() as f64
    };
    (WORDS_SHARE * found / total + PAIRS_SHARE * pair_share + TITLE_SHARE * title_precision)
        .min(1.0)
}

/// The question's distinct words in order.
pub fn question_words(meant: &str) -> Vec<&str> {
    let mut seen: Vec<&str> = Vec::new();
    for word in words(meant) {
        if !seen.contains(&word) {
            seen.push(word);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weighted<'a>(words: &[&'a str]) -> Vec<Weighted<'a>> {
        words
            .iter()
            .map(|word| Weighted { word, weight: 1.0 })
            .collect()
    }

    #[test]
    fn typos_match_within_a_letter_or_two() {
        assert!(close("khai", "khai"));
        assert!(close("khaii", "khai"));
        assert!(close("thuon", "thuong"));
        assert!(close("chungthuc", "chungthucc"));
        assert!(close("thuongtru", "thuongtu"));
        assert!(!close("xe", "xa"), "short words must match exactly");
        assert!(!close("phep", "phi"));
    }

    #[test]
    fn the_title_counts_more_than_the_text_and_pairs_add() {
        let asked = weighted(&["giay", "phep", "xay", "dung"]);
        let in_title = SourceWords {
            title: vec!["cap", "giay", "phep", "xay", "dung"],
            body: vec![],
        };
        let in_text = SourceWords {
            title: vec!["dang", "ky"],
            body: vec!["giay", "phep", "xay", "dung"],
        };
        let scattered = SourceWords {
            title: vec!["xay", "giay", "dung", "phep"],
            body: vec![],
        };
        assert!(score(&asked, &in_title) > 0.9);
        assert!(score(&asked, &in_text) < score(&asked, &in_title));
        assert!(score(&asked, &scattered) < score(&asked, &in_title));
        assert_eq!(score(&[], &in_title), 0.0);
    }

    #[test]
    fn rare_words_weigh_more() {
        assert!(weight(1, 100) > weight(50, 100));
    }
}
