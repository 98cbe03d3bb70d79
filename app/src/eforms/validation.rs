//! The one validator of e-form answers.

use super::definition::{Field, FieldKind, FormDefinition};
use crate::accounts::birth_date::CalendarDate;
use crate::accounts::identity::{CitizenId, EmailAddress, PhoneNumber};
use crate::forms::FieldError;
use crate::i18n::Lang;
use std::collections::BTreeMap;

/// Field name → the text typed or the value chosen.
pub type Answers = BTreeMap<String, String>;

/// What validation needs besides the answers.
#[derive(Clone, Copy, Debug)]
pub struct ValidationContext {
    pub lang: Lang,
    pub today: CalendarDate,
}

/// Checks every visible field; returns the answers of visible fields,
/// normalised (NFC, trimmed), or every problem found. Answers to hidden
/// fields and to names the form does not have are dropped, so a crafted post
/// cannot store anything the form did not ask for.
pub fn validate(
    form: &FormDefinition,
    answers: &Answers,
    context: ValidationContext,
) -> Result<Answers, Vec<FieldError>> {
    let mut clean = Answers::new();
    let mut errors = Vec::new();
    for field in form.fields() {
        if !is_visible(field, answers) {
            continue;
        }
        let raw = answers.get(&field.name).map(String::as_str).unwrap_or("");
        let value = crate::text::normalize(raw.trim());
        match check(field, &value, answers, context) {
            Ok(Some(kept)) => {
                clean.insert(field.name.clone(), kept);
            }
            Ok(None) => {}
            Err(message) => errors.push(FieldError {
                field: field.name.clone(),
                message,
            }),
        }
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors)
    }
}

/// Whether a field is shown given the other answers.
pub fn is_visible(field: &Field, answers: &Answers) -> bool {
    field.visible_when.as_ref().is_none_or(|condition| {
        answers
            .get(&condition.field)
            .map(String::as_str)
            .unwrap_or("")
            == condition.equals
    })
}

fn check(
    field: &Field,
    value: &str,
    answers: &Answers,
    context: ValidationContext,
) -> Result<Option<String>, String> {
    let lang = context.lang;
    let label = field.label.get(lang);
    let vi = lang == crate::i18n::Lang::Vi;
    if value.is_empty() || (field.kind == FieldKind::Checkbox && value != "on") {
        return if field.required {
            Err(match (&field.kind, vi) {
                (FieldKind::Select { .. } | FieldKind::Radio { .. }, true) => {
                    format!("Chọn {}.", lowercase_first(label))
                }
                (FieldKind::Select { .. } | FieldKind::Radio { .. }, false) => {
                    format!("Choose {}.", lowercase_first(label))
                }
                (FieldKind::Checkbox, true) => format!("Cần xác nhận: {}.", lowercase_first(label)),
                (FieldKind::Checkbox, false) => {
                    format!("Please confirm: {}.", lowercase_first(label))
                }
                (_, true) => format!("Nhập {}.", lowercase_first(label)),
                (_, false) => format!("Enter {}.", lowercase_first(label)),
            })
        } else {
            Ok(None)
        };
    }
    let kept = match &field.kind {
        FieldKind::Text {
            min_length,
            max_length,
        } => {
            let length = value.chars().count();
            if let Some(min) = min_length.filter(|min| length < *min) {
                return Err(if vi {
                    format!("{label} phải có ít nhất {min} ký tự.")
                } else {
                    format!("{label} must have at least {min} characters.")
                });
            }
            check_max(label, length, *max_length, vi)?;
            value.to_string()
        }
        FieldKind::LongText { max_length } => {
            check_max(label, value.chars().count(), *max_length, vi)?;
            value.to_string()
        }
        FieldKind::Number { min, max } | FieldKind::Money { min, max } => {
            let digits: String = value
                .chars()
                .filter(|c| !matches!(c, '.' | ',' | ' '))
                .collect();
            let number: i64 = digits.parse().map_err(|_| {
                if vi {
                    format!("{label} phải là một số, ví dụ 2 hoặc 150000.")
                } else {
                    format!("{label} must be a number, for example 2 or 150000.")
                }
            })?;
            if let Some(min) = min.filter(|min| number < *min) {
                return Err(if vi {
                    format!("{label} phải từ {min} trở lên.")
                } else {
                    format!("{label} must be at least {min}.")
                });
            }
            if let Some(max) = max.filter(|max| number > *max) {
                return Err(if vi {
                    format!("{label} không được lớn hơn {max}.")
                } else {
                    format!("{label} must be at most {max}.")
                });
            }
            number.to_string()
        }
        FieldKind::Date {
            before_today,
            not_before,
        } => {
            let date = parse_date(value).ok_or_else(|| {
                if vi {
                    format!("{label} không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2024.")
                } else {
                    format!("{label} is not a real date. Enter it as day/month/year, for example 15/03/2024.")
                }
            })?;
            if *before_today && date >= context.today {
                return Err(if vi {
                    format!("{label} phải trước hôm nay.")
                } else {
                    format!("{label} must be before today.")
                });
            }
            if let Some(other) = not_before {
                let earlier = answers.get(other).and_then(|text| parse_date(text.trim()));
                if let Some(earlier) = earlier.filter(|earlier| date < *earlier) {
                    return Err(if vi {
                        format!("{label} không được trước ngày {earlier}.")
                    } else {
                        format!("{label} cannot be before {earlier}.")
                    });
                }
            }
            date.to_string()
        }
        FieldKind::Select { options } | FieldKind::Radio { options } => {
            if !options.iter().any(|choice| choice.value == value) {
                return Err(if vi {
                    format!("Chọn {} trong danh sách.", lowercase_first(label))
                } else {
                    format!("Choose {} from the list.", lowercase_first(label))
                });
            }
            value.to_string()
        }
        FieldKind::Checkbox => "on".to_string(),
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
    };
    Ok(Some(kept))
}

fn check_max(label: &str, length: usize, max: Option<usize>, vi: bool) -> Result<(), String> {
    match max.filter(|max| length > *max) {
        Some(max) if vi => Err(format!(
            "{label} không được dài quá {max} ký tự (hiện có {length})."
        )),
        Some(max) => Err(format!(
            "{label} must be at most {max} characters (now {length})."
        )),
        None => Ok(()),
    }
}

/// A date as typed (`15/03/2024`, `15-3-2024`, `2024-03-15`), any real day.
fn parse_date(text: &str) -> Option<CalendarDate> {
    CalendarDate::parse(text)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eforms::{Choice, Condition, Localised, Section};

    fn text(vi: &str) -> Localised {
        Localised {
            vi: vi.into(),
            en: vi.into(),
        }
    }

    fn field(name: &str, label: &str, kind: FieldKind, required: bool) -> Field {
        Field {
            name: name.into(),
            label: text(label),
            help: None,
            kind,
            required,
            visible_when: None,
            prefill: None,
        }
    }

    fn birth_form() -> FormDefinition {
        let mut father = field(
            "father_name",
            "Họ tên cha",
            FieldKind::Text {
                min_length: Some(2),
                max_length: Some(100),
            },
            true,
        );
        father.visible_when = Some(Condition {
            field: "has_father".into(),
            equals: "yes".into(),
        });
        FormDefinition {
            sections: vec![Section {
                title: text("Trẻ"),
                fields: vec![
                    field(
                        "child_name",
                        "Họ tên trẻ",
                        FieldKind::Text {
                            min_length: Some(2),
                            max_length: Some(100),
                        },
                        true,
                    ),
                    field(
                        "child_birth_date",
                        "Ngày sinh",
                        FieldKind::Date {
                            before_today: true,
                            not_before: None,
                        },
                        true,
                    ),
                    field(
                        "registered_on",
                        "Ngày đăng ký",
                        FieldKind::Date {
                            before_today: false,
                            not_before: Some("child_birth_date".into()),
                        },
                        false,
                    ),
                    field(
                        "sex",
                        "Giới tính",
                        FieldKind::Radio {
                            options: vec![
                                Choice {
                                    value: "male".into(),
                                    label: text("Nam"),
                                },
                                Choice {
                                    value: "female".into(),
                                    label: text("Nữ"),
                                },
                            ],
                        },
                        true,
                    ),
                    field(
                        "has_father",
                        "Có thông tin cha",
                        FieldKind::Select {
                            options: vec![
                                Choice {
                                    value: "yes".into(),
                                    label: text("Có"),
                                },
                                Choice {
                                    value: "no".into(),
                                    label: text("Không"),
                                },
                            ],
                        },
                        true,
                    ),
                    father,
                    field(
                        "copies",
                        "Số bản sao",
                        FieldKind::Number {
                            min: Some(0),
                            max: Some(10),
                        },
                        false,
                    ),
                    field(
                        "applicant_id",
                        "Số định danh người đi đăng ký",
                        FieldKind::CitizenId,
                        true,
                    ),
                    field(
                        "oath",
                        "Tôi cam đoan nội dung trên là đúng sự thật",
                        FieldKind::Checkbox,
                        true,
                    ),
                ],
            }],
        }
    }

    fn context() -> ValidationContext {
        ValidationContext {
            lang: Lang::Vi,
            today: CalendarDate {
                year: 2026,
                month: 11,
                day: 22,
            },
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
    }

    fn good() -> Answers {
        answers(&[
            ("child_name", "Nguyễn Minh Khang"),
            ("child_birth_date", "01/11/2026"),
            ("sex", "male"),
            ("has_father", "no"),
            ("applicant_id", "022190001234"),
            ("oath", "on"),
        ])
    }

    #[test]
    fn good_answers_pass_normalised() {
        let clean = validate(&birth_form(), &good(), context()).unwrap();
        assert_eq!(clean["child_birth_date"], "01/11/2026");
        assert!(!clean.contains_key("father_name"));
    }

    #[test]
    fn every_problem_is_reported_in_the_users_language() {
        let mut bad = good();
        bad.insert("child_name".into(), "".into());
        bad.insert("child_birth_date".into(), "23/11/2026".into());
        bad.insert("sex".into(), "other".into());
        bad.insert("copies".into(), "11".into());
        bad.insert("applicant_id".into(), "12345".into());
        bad.remove("oath");
        let errors = validate(&birth_form(), &bad, context()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "child_name",
                "child_birth_date",
                "sex",
                "copies",
                "applicant_id",
                "oath"
            ]
        );
        assert_eq!(errors[0].message, "Nhập họ tên trẻ.");
        assert_eq!(errors[1].message, "Ngày sinh phải trước hôm nay.");
        assert!(errors[3].message.contains("10"));
    }

    #[test]
    fn hidden_fields_are_neither_required_nor_kept() {
        let mut with_father = good();
        with_father.insert("has_father".into(), "yes".into());
        let errors = validate(&birth_form(), &with_father, context()).unwrap_err();
        assert_eq!(errors[0].field, "father_name", "shown, so required");

        let mut smuggled = good();
        smuggled.insert("father_name".into(), "Ai đó".into());
        smuggled.insert("not_in_form".into(), "x".into());
        let clean = validate(&birth_form(), &smuggled, context()).unwrap();
        assert!(!clean.contains_key("father_name") && !clean.contains_key("not_in_form"));
    }

    #[test]
    fn a_date_cannot_precede_the_date_it_follows() {
        let mut bad = good();
        bad.insert("registered_on".into(), "31/10/2026".into());
        let errors = validate(&birth_form(), &bad, context()).unwrap_err();
        assert_eq!(errors[0].field, "registered_on");
        assert!(
            errors[0].message.contains("01/11/2026"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn decomposed_diacritics_are_stored_composed() {
        let mut decomposed = good();
        decomposed.insert(
            "child_name".into(),
            "Nguye\u{302}\u{303}n Minh Khang".into(),
        );
        let clean = validate(&birth_form(), &decomposed, context()).unwrap();
        assert_eq!(clean["child_name"], "Nguyễn Minh Khang");
    }
}
