//! Vietnamese alphabetical order (thứ tự chữ cái tiếng Việt), not byte
//! order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, each
//! letter before its toned forms (không dấu, huyền, hỏi, ngã, sắc, nặng),
//! lower case before upper case only when all else is equal. Byte order
//! puts "Đất đai" after "Y tế" and "Ân" after "Xây".

use unicode_normalization::UnicodeNormalization;

/// The letters in alphabetical order; Latin letters Vietnamese does not
/// use (f, j, w, z) sit where other alphabets put them.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// A key that sorts strings in Vietnamese alphabetical order.
pub fn vietnamese_key(text: &str) -> (Vec<u32>, Vec<u8>, Vec<bool>) {
    let mut letters: Vec<u32> = Vec::new();
    let mut tones: Vec<u8> = Vec::new();
    let mut upper: Vec<bool> = Vec::new();
    let mut base: Option<char> = None;
    for c in text.nfd() {
        let modified = match (c, base) {
            ('\u{0306}', Some('a')) => Some('ă'),
            ('\u{0302}', Some(b @ ('a' | 'e' | 'o'))) => Some(match b {
                'a' => 'â',
                'e' => 'ê',
                _ => 'ô',
            }),
            ('\u{031B}', Some('o')) => Some('ơ'),
            ('\u{031B}', Some('u')) => Some('ư'),
            _ => None,
        };
        if let Some(letter) = modified {
            base = Some(letter);
            if let Some(last) = letters.last_mut() {
                *last = weight(letter);
            }
            continue;
        }
        let tone = match c {
            '\u{0300}' => Some(1), // huyền
            '\u{0309}' => Some(2), // hỏi
            '\u{0303}' => Some(3), // ngã
            '\u{0301}' => Some(4), // sắc
            '\u{0323}' => Some(5), // nặng
            _ => None,
        };
        if let Some(tone) = tone {
            if let Some(last) = tones.last_mut() {
                *last = tone;
            }
            continue;
        }
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        base = Some(lower);
        letters.push(weight(lower));
        tones.push(0);
        upper.push(c != lower);
    }
    (letters, tones, upper)
}

fn weight(c: char) -> u32 {
    if let Some(position) = ALPHABET.iter().position(|letter| *letter == c) {
        return 1_000 + position as u32;
    }
    if let Some(digit) = c.to_digit(10) {
        return 100 + digit;
    }
    if c.is_whitespace() {
        return 0;
    }
    if c.is_alphanumeric() {
        return 2_000 + c as u32;
    }
    // Punctuation sorts before digits and letters.
    1 + (c as u32 % 99)
}

/// Sorts `items` in Vietnamese alphabetical order of `name`.
pub fn sort_vietnamese<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|item| vietnamese_key(name(item)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
        sort_vietnamese(&mut names, |name| name.as_str());
        names
    }

    #[test]
    fn đ_comes_after_d_and_before_e_not_after_y() {
        assert_eq!(
            sorted(&["Y tế", "Đất đai", "Dân tộc", "Giáo dục", "Em bé"]),
            ["Dân tộc", "Đất đai", "Em bé", "Giáo dục", "Y tế"]
        );
    }

    #[test]
    fn letters_with_marks_follow_their_base_letter() {
        assert_eq!(
            sorted(&["Ơn", "Ôm", "Ong", "Ăn", "Âm", "Anh", "Ưu", "Uống"]),
            ["Anh", "Ăn", "Âm", "Ong", "Ôm", "Ơn", "Uống", "Ưu"]
        );
    }

    #[test]
    fn tones_only_break_ties_in_their_order() {
        assert_eq!(
            sorted(&["má", "mạ", "mà", "ma", "mã", "mả"]),
            ["ma", "mà", "mả", "mã", "má", "mạ"]
        );
        // The letters decide before the tones do.
        assert_eq!(sorted(&["tá b", "ta c"]), ["tá b", "ta c"]);
    }

    #[test]
    fn precomposed_and_decomposed_text_sort_alike() {
        let precomposed = "Hộ tịch";
        let decomposed: String = precomposed.nfd().collect();
        assert_eq!(vietnamese_key(precomposed), vietnamese_key(&decomposed));
    }

    #[test]
    fn case_does_not_change_the_order_of_different_words() {
        assert_eq!(
            sorted(&["bưu chính", "An ninh", "Xây dựng", "đường bộ"]),
            ["An ninh", "bưu chính", "đường bộ", "Xây dựng"]
        );
    }
}
