//! The answers with a written form of their own: decimals, times, tax
//! codes, number plates, several choices.

use super::*;
use crate::eforms::logic::{read_number, write_number};
use crate::eforms::Choice;
use crate::i18n::EformTexts;

pub(super) fn decimal(
    label: &str,
    value: &str,
    (min, max, places): (Option<i64>, Option<i64>, u8),
    e: &EformTexts,
) -> Result<String, String> {
    let number = read_number(value).ok_or_else(|| (e.not_a_number)(label))?;
    let decimals = value
        .rsplit_once([',', '.'])
        .filter(|_| value.contains(',') || !looks_like_thousands(value))
        .map(|(_, after)| after.len())
        .unwrap_or(0);
    if decimals > usize::from(places) {
        return Err((e.too_many_decimals)(label, places));
    }
    if let Some(min) = min.filter(|min| number < *min as f64) {
        return Err((e.at_least)(label, min));
    }
    if let Some(max) = max.filter(|max| number > *max as f64) {
        return Err((e.at_most)(label, max));
    }
    Ok(write_decimal(number, places))
}

/// `number` with at most `places` decimals, written with a decimal comma.
fn write_decimal(number: f64, places: u8) -> String {
    if places <= 2 {
        return write_number(number);
    }
    let written = format!("{number:.*}", usize::from(places));
    let written = if written.contains('.') {
        written.trim_end_matches('0').trim_end_matches('.')
    } else {
        &written
    };
    written.replace('.', ",")
}

/// `1.500` is one thousand five hundred, as Vietnamese write it.
fn looks_like_thousands(value: &str) -> bool {
    value
        .split('.')
        .skip(1)
        .all(|part| part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
}

/// `8:30`, `08:30`, `08h30` → `08:30`.
pub(super) fn time(label: &str, value: &str, e: &EformTexts) -> Result<String, String> {
    let (hours, minutes) = value
        .split_once([':', 'h', 'H'])
        .ok_or_else(|| (e.not_a_time)(label))?;
    let parse = |part: &str, most: u32| {
        let part = part.trim();
        (!part.is_empty() && part.len() <= 2 && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= most)
    };
    match (parse(hours, 23), parse(minutes, 59)) {
        (Some(hours), Some(minutes)) => Ok(format!("{hours:02}:{minutes:02}")),
        _ => Err((e.not_a_time)(label)),
    }
}

/// Mã số thuế: 10 digits, or 10 digits and a 3-digit branch, kept as
/// `0101234567` or `0101234567-001`.
pub(super) fn tax_code(label: &str, value: &str, e: &EformTexts) -> Result<String, String> {
    let plain: String = value.chars().filter(|c| *c != ' ').collect();
    // One dash at most, and only before the branch.
    let (head, branch) = match plain.split_once('-') {
        Some((head, branch)) if head.len() == 10 && branch.len() == 3 => (head, branch),
        Some(_) => return Err((e.wrong_tax_code)(label)),
        None => plain.split_at(plain.len().min(10)),
    };
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    match (head.len(), branch.len()) {
        (10, 0) if digits(head) => Ok(head.to_string()),
        (10, 3) if digits(head) && digits(branch) => Ok(format!("{head}-{branch}")),
        _ => Err((e.wrong_tax_code)(label)),
    }
}

/// Biển số xe: two digits of the province, the series (one or two letters,
/// a motorbike's with a digit), then four or five digits; kept as
/// `29A-123.45`, `29B1-123.45`, `30E-1234`.
pub(super) fn vehicle_plate(label: &str, value: &str, e: &EformTexts) -> Result<String, String> {
    let plain: String = value
        .chars()
        .filter(|c| !matches!(c, '-' | '.' | ' '))
        .flat_map(char::to_uppercase)
        .collect();
    let wrong = || (e.wrong_plate)(label);
    if !plain.is_ascii() || plain.len() < 7 {
        return Err(wrong());
    }
    let (province, rest) = plain.split_at(2);
    let letters = rest.chars().take_while(char::is_ascii_uppercase).count();
    if !province.chars().all(|c| c.is_ascii_digit()) || !(1..=2).contains(&letters) {
        return Err(wrong());
    }
    let (series_letters, rest) = rest.split_at(letters);
    // A motorbike's series has a digit after one letter (B1); the number
    // that follows is then four or five digits.
    let (series, number) = match rest.len() {
        6 if letters == 1 => rest.split_at(1),
        5 | 4 => rest.split_at(0),
        _ => return Err(wrong()),
    };
    if !rest.chars().all(|c| c.is_ascii_digit()) {
        return Err(wrong());
    }
    let number = match number.len() {
        5 => format!("{}.{}", &number[..3], &number[3..]),
        _ => number.to_string(),
    };
    Ok(format!("{province}{series_letters}{series}-{number}"))
}

/// Several choices, each from the list, within the field's limits; kept
/// in the list's order, each once.
pub(super) fn choices(
    label: &str,
    value: &str,
    (options, min, max): (&[Choice], Option<usize>, Option<usize>),
    e: &EformTexts,
) -> Result<String, String> {
    let chosen: Vec<&str> = value.split(',').map(str::trim).collect();
    if chosen
        .iter()
        .any(|choice| !options.iter().any(|option| option.value == *choice))
    {
        return Err((e.choose_from_list)(&lowercase_first(label)));
    }
    let kept: Vec<&str> = options
        .iter()
        .map(|option| option.value.as_str())
        .filter(|option| chosen.contains(option))
        .collect();
    if let Some(min) = min.filter(|min| kept.len() < *min) {
        return Err((e.too_few_choices)(label, min));
    }
    if let Some(max) = max.filter(|max| kept.len() > *max) {
        return Err((e.too_many_choices)(label, max));
    }
    Ok(kept.join(","))
}
