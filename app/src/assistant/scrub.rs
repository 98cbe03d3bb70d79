//! Personal data taken out of a question before it is kept: citizen
//! identity numbers (CCCD, 12 digits; old CMND, 9), phone numbers and
//! e-mail addresses. The assistant never answers from them either.

/// What replaces a removed number or address.
pub const HIDDEN: &str = "[đã ẩn]";

/// `text` without identity numbers, phone numbers and e-mail addresses.
pub fn scrub(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for token in text.split(' ') {
        out.push(if is_email(token) || is_personal_number(token) {
            keep_punctuation(token, HIDDEN)
        } else {
            token.to_string()
        });
    }
    out.join(" ")
}

fn is_email(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    match token.split_once('@') {
        Some((user, domain)) => !user.is_empty() && domain.contains('.'),
        None => false,
    }
}

/// 9 or more digits, counted through the spaces, dots and dashes people
/// write numbers with, and a leading "+84".
fn is_personal_number(token: &str) -> bool {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    let only_number = token
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '+')
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '(' | ')'));
    only_number && digits >= 9
}

/// The replacement, with the token's trailing punctuation kept.
fn keep_punctuation(token: &str, replacement: &str) -> String {
    let tail: String = token
        .chars()
        .rev()
        .take_while(|c| matches!(c, ',' | '.' | '?' | '!' | ';' | ':'))
        .collect();
    format!("{replacement}{}", tail.chars().rev().collect::<String>())
}

/// Numbers written with spaces ("0912 345 678") first joined, then scrubbed.
pub fn scrub_question(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let between_digits = *c == ' '
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !between_digits {
            joined.push(*c);
        }
    }
    scrub(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_numbers_phones_and_emails_are_hidden() {
        assert_eq!(
            scrub_question("CCCD của tôi là 022190001234, hồ sơ đâu?"),
            "CCCD của tôi là [đã ẩn], hồ sơ đâu?"
        );
        assert_eq!(
            scrub_question("gọi tôi số 0912 345 678 hoặc +84912345678"),
            "gọi tôi số [đã ẩn] hoặc [đã ẩn]"
        );
        assert_eq!(
            scrub_question("email: an.nguyen@example.com."),
            "email: [đã ẩn]."
        );
    }

    #[test]
    fn ordinary_numbers_stay() {
        assert_eq!(
            scrub_question("lệ phí 100.000 đồng trong 5 ngày, thủ tục 1.001193"),
            "lệ phí 100.000 đồng trong 5 ngày, thủ tục 1.001193"
        );
    }
}
