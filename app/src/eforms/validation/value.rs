//! One answer checked against its field's kind: text, numbers, dates,
//! choices, identity numbers.

use super::*;

/// Checks `value` against `field`, whose messages call it `label`.
pub(super) fn check(
    field: &Field,
    label: &str,
    value: &str,
    scope: &Scope,
    answers: &Answers,
    context: ValidationContext,
) -> Result<Option<String>, String> {
    let lang = context.lang;
    let e = &lang.texts().eforms;
    // Values the form sets itself (hidden, computed) are kept as the
    // logic gave them; headings and statements have none.
    if !field.kind.asks() {
        return Ok((!value.is_empty()).then(|| value.to_string()));
    }
    if value.is_empty() || (field.kind == FieldKind::Checkbox && value != "on") {
        return if field.required {
            let ask = match &field.kind {
                FieldKind::Select { .. }
                | FieldKind::Radio { .. }
                | FieldKind::Checkboxes { .. }
                | FieldKind::YesNo => e.choose,
                FieldKind::Checkbox => e.confirm,
                FieldKind::File { .. } => e.upload,
                _ => e.enter,
            };
            Err(ask(&lowercase_first(label)))
        } else {
            Ok(None)
        };
    }
    let kept = match &field.kind {
        FieldKind::Text {
            min_length,
            max_length,
            pattern,
        } => {
            let length = value.chars().count();
            if let Some(min) = min_length.filter(|min| length < *min) {
                return Err((e.too_short)(label, min));
            }
            check_max(label, length, *max_length, e)?;
            if let Some(pattern) = pattern {
                // A pattern that does not compile is the form's fault, caught
                // by the seed's tests; the citizen is not blocked by it.
                let matches = regex_lite::Regex::new(&pattern.pattern)
                    .map(|regex| regex.is_match(value))
                    .unwrap_or(true);
                if !matches {
                    let example = pattern.pattern_example.get(lang);
                    return Err((e.wrong_form)(label, example));
                }
            }
            value.to_string()
        }
        FieldKind::LongText { max_length } => {
            check_max(label, value.chars().count(), *max_length, e)?;
            value.to_string()
        }
        FieldKind::Number { min, max } | FieldKind::Money { min, max } => {
            let digits: String = value
                .chars()
                .filter(|c| !matches!(c, '.' | ',' | ' '))
                .collect();
            let number: i64 = digits.parse().map_err(|_| (e.not_a_number)(label))?;
            if let Some(min) = min.filter(|min| number < *min) {
                return Err((e.at_least)(label, min));
            }
            if let Some(max) = max.filter(|max| number > *max) {
                return Err((e.at_most)(label, max));
            }
            number.to_string()
        }
        FieldKind::Decimal { min, max, places } => {
            formats::decimal(label, value, (*min, *max, *places), e)?
        }
        FieldKind::Time => formats::time(label, value, e)?,
        FieldKind::TaxCode => formats::tax_code(label, value, e)?,
        FieldKind::VehiclePlate => formats::vehicle_plate(label, value, e)?,
        FieldKind::Checkboxes {
            options,
            min_choices,
            max_choices,
        } => formats::choices(label, value, (options, *min_choices, *max_choices), e)?,
        FieldKind::YesNo => match value {
            "yes" | "no" => value.to_string(),
            _ => return Err((e.choose_from_list)(&lowercase_first(label))),
        },
        FieldKind::Date {
            before_today,
            not_before,
        } => {
            let date = parse_date(value).ok_or_else(|| (e.not_a_date)(label))?;
            if *before_today && date >= context.today {
                return Err((e.before_today)(label));
            }
            if let Some(other) = not_before {
                let earlier = answers
                    .get(&scope.key(other))
                    .and_then(|text| parse_date(text.trim()));
                if let Some(earlier) = earlier.filter(|earlier| date < *earlier) {
                    return Err((e.not_before)(label, &earlier.format(DAY).to_string()));
                }
            }
            date.format(DAY).to_string()
        }
        FieldKind::Select { options } | FieldKind::Radio { options } => {
            if !options.iter().any(|choice| choice.value == value) {
                return Err((e.choose_from_list)(&lowercase_first(label)));
            }
            value.to_string()
        }
        FieldKind::Checkbox => "on".to_string(),
        // The server wrote it from the files it holds for the question.
        FieldKind::File { .. } => value.to_string(),
        FieldKind::CitizenId => CitizenId::parse(value)
            .map_err(|error| error.message(lang))?
            .as_str()
            .to_string(),
        FieldKind::Phone => PhoneNumber::parse(value)
            .map_err(|error| error.message(lang))?
            .as_str()
            .to_string(),
        FieldKind::Email => EmailAddress::parse(value)
            .map_err(|error| error.message(lang))?
            .as_str()
            .to_string(),
        // Answered through their own parts (see `Checked::field`), or
        // not asked (above).
        FieldKind::Address
        | FieldKind::DateRange
        | FieldKind::Group { .. }
        | FieldKind::Heading
        | FieldKind::Statement { .. }
        | FieldKind::Hidden { .. }
        | FieldKind::Calculated { .. } => return Ok(None),
    };
    Ok(Some(kept))
}

pub(super) fn check_max(
    label: &str,
    length: usize,
    max: Option<usize>,
    e: &EformTexts,
) -> Result<(), String> {
    match max.filter(|max| length > *max) {
        Some(max) => Err((e.too_long)(label, max, length)),
        None => Ok(()),
    }
}

/// How answers and messages write a day: `15/03/2024`, as Vietnamese
/// documents do.
pub(super) const DAY: &str = "%d/%m/%Y";

/// A date as typed (`15/03/2024`, `15-3-2024`, `2024-03-15`), any real day.
pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::accounts::birth_date::parse_typed_date(text)
}

pub(super) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `message`, naming the field `label` first when its words do not already
/// ("Số định danh cá nhân của mẹ: Số định danh cá nhân phải gồm…"), so that
/// every message says which field it is about, in the summary too.
pub(super) fn naming(label: &str, message: String) -> String {
    if message.to_lowercase().contains(&label.to_lowercase()) {
        message
    } else {
        format!("{label}: {message}")
    }
}
