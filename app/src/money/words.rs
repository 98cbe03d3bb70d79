//! An amount read out in Vietnamese words, as receipts print it ("Số tiền
//! bằng chữ"): `1.250.000 đ` is "Một triệu hai trăm năm mươi nghìn đồng".

use super::Vnd;

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// The words for `amount`, capitalised, ending in "đồng".
pub fn in_words(amount: Vnd) -> String {
    let mut words = if amount.0 < 0 {
        "âm ".to_string()
    } else {
        String::new()
    };
    words.push_str(&spell(amount.0.unsigned_abs()));
    words.push_str(" đồng");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// A whole number in words. Above a billion the count of billions is read
/// as a number of its own ("một nghìn tỷ"), as Vietnamese does.
fn spell(n: u64) -> String {
    const BILLION: u64 = 1_000_000_000;
    if n == 0 {
        return DIGITS[0].to_string();
    }
    if n >= BILLION {
        let rest = n % BILLION;
        let mut words = format!("{} tỷ", spell(n / BILLION));
        if rest > 0 {
            words.push(' ');
            words.push_str(&below_a_billion(rest, true));
        }
        return words;
    }
    below_a_billion(n, false)
}

/// `n` < 1,000,000,000 as millions, thousands and units; `full` when a
/// larger group was read before, so a short group still says its hundreds
/// ("một tỷ không trăm linh năm").
fn below_a_billion(n: u64, full: bool) -> String {
    let groups = [
        (n / 1_000_000, "triệu"),
        ((n / 1_000) % 1_000, "nghìn"),
        (n % 1_000, ""),
    ];
    let mut parts: Vec<String> = Vec::new();
    for (value, unit) in groups {
        if value == 0 {
            continue;
        }
        let group = three_digits(value as u32, full || !parts.is_empty());
        parts.push(if unit.is_empty() {
            group
        } else {
            format!("{group} {unit}")
        });
    }
    parts.join(" ")
}

/// 1–999. `full`: a group after a larger one keeps "không trăm" and "linh".
fn three_digits(n: u32, full: bool) -> String {
    let (hundreds, tens, units) = (
        (n / 100) as usize,
        ((n / 10) % 10) as usize,
        (n % 10) as usize,
    );
    let mut words: Vec<&str> = Vec::new();
    if hundreds > 0 || full {
        words.push(DIGITS[hundreds]);
        words.push("trăm");
    }
    match tens {
        0 if units > 0 && !words.is_empty() => words.push("linh"),
        0 => {}
        1 => words.push("mười"),
        _ => {
            words.push(DIGITS[tens]);
            words.push("mươi");
        }
    }
    match units {
        0 => {}
        1 if tens >= 2 => words.push("mốt"),
        4 if tens >= 2 => words.push("tư"),
        5 if tens >= 1 => words.push("lăm"),
        _ => words.push(DIGITS[units]),
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn say(amount: i64) -> String {
        in_words(Vnd(amount))
    }

    #[test]
    fn small_amounts() {
        assert_eq!(say(0), "Không đồng");
        assert_eq!(say(5), "Năm đồng");
        assert_eq!(say(10), "Mười đồng");
        assert_eq!(say(15), "Mười lăm đồng");
        assert_eq!(say(21), "Hai mươi mốt đồng");
        assert_eq!(say(24), "Hai mươi tư đồng");
        assert_eq!(say(105), "Một trăm linh năm đồng");
        assert_eq!(say(110), "Một trăm mười đồng");
    }

    #[test]
    fn thousands_and_millions() {
        assert_eq!(say(5_000), "Năm nghìn đồng");
        assert_eq!(say(200_000), "Hai trăm nghìn đồng");
        assert_eq!(say(1_000_005), "Một triệu không trăm linh năm đồng");
        assert_eq!(say(1_250_000), "Một triệu hai trăm năm mươi nghìn đồng");
        assert_eq!(say(2_015_000), "Hai triệu không trăm mười lăm nghìn đồng");
    }

    #[test]
    fn billions_and_beyond() {
        assert_eq!(say(1_000_000_000), "Một tỷ đồng");
        assert_eq!(say(2_500_000_000), "Hai tỷ năm trăm triệu đồng");
        assert_eq!(say(1_000_000_005), "Một tỷ không trăm linh năm đồng");
        assert_eq!(say(1_000_000_000_000), "Một nghìn tỷ đồng");
        assert_eq!(
            say(12_345_678_901),
            "Mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một đồng"
        );
    }
}
