//! The one validator of e-form answers.

use super::definition::{Field, FieldKind, FormDefinition};
use super::keys;
use super::places::{written_address, PlaceBook};
use crate::accounts::identity::{CitizenId, EmailAddress, PhoneNumber};
use crate::forms::FieldError;
use crate::i18n::{EformTexts, Lang};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Field name → the text typed or the value chosen.
pub type Answers = BTreeMap<String, String>;

/// What validation needs besides the answers.
#[derive(Clone, Copy, Debug)]
pub struct ValidationContext<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The server's book of provinces and communes; the browser has none and
    /// checks only that each part of an address was chosen.
    pub places: Option<&'a PlaceBook>,
}

/// Checks every visible field; returns the answers of visible fields,
/// normalised (NFC, trimmed), or every problem found. Answers to hidden
/// fields and to keys the form does not have are dropped, so a crafted post
/// cannot store anything the form did not ask for.
pub fn validate(
    form: &FormDefinition,
    answers: &Answers,
    context: ValidationContext,
) -> Result<Answers, Vec<FieldError>> {
    let mut checked = Checked::default();
    for field in form.fields() {
        if is_visible(field, answers) {
            checked.field(field, &Scope::Form, answers, context);
        }
    }
    if checked.errors.is_empty() {
        Ok(checked.clean)
    } else {
        Err(checked.errors)
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

/// Where a field sits: in the form itself, or in one item of a group (whose
/// fields refer to their siblings in the same item).
enum Scope<'g> {
    Form,
    Item {
        group: &'g str,
        siblings: &'g [Field],
        index: usize,
        /// "Nơi cư trú 2: ", put before each message of the item.
        prefix: String,
    },
}

impl Scope<'_> {
    fn key(&self, name: &str) -> String {
        match self {
            Scope::Form => name.to_string(),
            Scope::Item {
                group,
                siblings,
                index,
                ..
            } if siblings.iter().any(|field| field.name == name) => {
                keys::group_item_key(group, *index, name)
            }
            Scope::Item { .. } => name.to_string(),
        }
    }

    fn prefix(&self) -> &str {
        match self {
            Scope::Form => "",
            Scope::Item { prefix, .. } => prefix,
        }
    }
}

#[derive(Default)]
struct Checked {
    clean: Answers,
    errors: Vec<FieldError>,
}

impl Checked {
    fn refuse(&mut self, key: String, scope: &Scope, message: String) {
        self.errors.push(FieldError {
            field: key,
            message: format!("{}{message}", scope.prefix()),
        });
    }

    fn field(
        &mut self,
        field: &Field,
        scope: &Scope,
        answers: &Answers,
        context: ValidationContext,
    ) {
        let key = scope.key(&field.name);
        match &field.kind {
            FieldKind::Address => self.address(field, &key, scope, answers, context),
            FieldKind::Group {
                fields,
                item_label,
                min_items,
                max_items,
            } => {
                let count =
                    keys::group_len(answers, &key, *min_items, (*max_items).max(*min_items));
                self.clean
                    .insert(keys::group_items_key(&key), count.to_string());
                for index in 0..count {
                    let item = Scope::Item {
                        group: &key,
                        siblings: fields,
                        index,
                        prefix: format!("{} {}: ", item_label.get(context.lang), index + 1),
                    };
                    for inner in fields {
                        if !matches!(inner.kind, FieldKind::Group { .. }) {
                            self.field(inner, &item, answers, context);
                        }
                    }
                }
            }
            _ => {
                let raw = answers.get(&key).map(String::as_str).unwrap_or("");
                let value = crate::text::normalize(raw.trim());
                match check(field, &value, scope, answers, context) {
                    Ok(Some(kept)) => {
                        self.clean.insert(key, kept);
                    }
                    Ok(None) => {}
                    Err(message) => self.refuse(key, scope, message),
                }
            }
        }
    }

    /// Province, then a commune of that province, then the street; with the
    /// server's book the codes must be real and belong together, and the
    /// whole address is kept written out under the field's own key.
    fn address(
        &mut self,
        field: &Field,
        key: &str,
        scope: &Scope,
        answers: &Answers,
        context: ValidationContext,
    ) {
        let e = &context.lang.texts().eforms;
        let label = lowercase_first(field.label.get(context.lang));
        let part = |name: &str| {
            let raw = answers
                .get(&keys::address_part(key, name))
                .map(String::as_str)
                .unwrap_or("");
            crate::text::normalize(raw.trim())
        };
        let (province, commune, street) = (part("province"), part("commune"), part("street"));
        if province.is_empty() && commune.is_empty() && street.is_empty() && !field.required {
            return;
        }
        let province_key = keys::address_part(key, "province");
        let commune_key = keys::address_part(key, "commune");
        let street_key = keys::address_part(key, "street");
        let province_name = match context.places {
            _ if province.is_empty() => {
                return self.refuse(province_key, scope, (e.choose_province)(&label));
            }
            Some(book) => match book.province(&province) {
                Some(name) => Some(name.to_string()),
                None => {
                    let message = e.province_not_listed.to_string();
                    return self.refuse(province_key, scope, message);
                }
            },
            None => None,
        };
        let commune_name = match context.places {
            _ if commune.is_empty() => {
                self.refuse(commune_key.clone(), scope, (e.choose_commune)(&label));
                None
            }
            Some(book) => match book.commune_of(&province, &commune) {
                Some(name) => Some(name.to_string()),
                None => {
                    let province_name = province_name.clone().unwrap_or_default();
                    let message = (e.commune_not_in_province)(&province_name);
                    self.refuse(commune_key.clone(), scope, message);
                    None
                }
            },
            None => None,
        };
        let street_length = street.chars().count();
        if street.is_empty() {
            self.refuse(street_key.clone(), scope, (e.enter_street)(&label));
        } else if street_length > STREET_MAX {
            let message = (e.street_too_long)(STREET_MAX, street_length);
            self.refuse(street_key.clone(), scope, message);
        }
        if let (Some(province_name), Some(commune_name)) = (province_name, commune_name) {
            self.clean.insert(
                key.to_string(),
                written_address(&street, &commune_name, &province_name),
            );
        }
        self.clean.insert(province_key, province);
        self.clean.insert(commune_key, commune);
        self.clean.insert(street_key, street);
    }
}

/// The longest house-number-and-street part of an address.
const STREET_MAX: usize = 200;

fn check(
    field: &Field,
    value: &str,
    scope: &Scope,
    answers: &Answers,
    context: ValidationContext,
) -> Result<Option<String>, String> {
    let lang = context.lang;
    let label = field.label.get(lang);
    let e = &lang.texts().eforms;
    if value.is_empty() || (field.kind == FieldKind::Checkbox && value != "on") {
        return if field.required {
            let ask = match &field.kind {
                FieldKind::Select { .. } | FieldKind::Radio { .. } => e.choose,
                FieldKind::Checkbox => e.confirm,
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
        // Answered through their own parts (see `Checked::field`).
        FieldKind::Address | FieldKind::Group { .. } => return Ok(None),
    };
    Ok(Some(kept))
}

fn check_max(label: &str, length: usize, max: Option<usize>, e: &EformTexts) -> Result<(), String> {
    match max.filter(|max| length > *max) {
        Some(max) => Err((e.too_long)(label, max, length)),
        None => Ok(()),
    }
}

/// How answers and messages write a day: `15/03/2024`, as Vietnamese
/// documents do.
const DAY: &str = "%d/%m/%Y";

/// A date as typed (`15/03/2024`, `15-3-2024`, `2024-03-15`), any real day.
fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::accounts::birth_date::parse_typed_date(text)
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
                pattern: None,
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
                            pattern: None,
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

    fn context() -> ValidationContext<'static> {
        ValidationContext {
            places: None,
            lang: Lang::Vi,
            today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
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

    fn residence_form() -> FormDefinition {
        let month_year = FieldKind::Text {
            min_length: None,
            max_length: Some(7),
            pattern: Some(crate::eforms::definition::TextPattern {
                pattern: "^(0[1-9]|1[0-2])/(19|20)[0-9]{2}$".into(),
                pattern_example: text("tháng/năm, ví dụ 03/2010"),
            }),
        };
        FormDefinition {
            sections: vec![Section {
                title: text("Cư trú"),
                fields: vec![
                    field("home", "Nơi cư trú", FieldKind::Address, true),
                    field(
                        "places",
                        "Quá trình cư trú",
                        FieldKind::Group {
                            fields: vec![
                                field("from", "Từ tháng/năm", month_year, true),
                                field("where", "Nơi ở", FieldKind::Address, true),
                            ],
                            item_label: text("Nơi cư trú"),
                            min_items: 1,
                            max_items: 5,
                        },
                        true,
                    ),
                ],
            }],
        }
    }

    fn book() -> PlaceBook {
        let mut book = PlaceBook::default();
        book.provinces.insert("22".into(), "Tỉnh Quảng Ninh".into());
        book.provinces
            .insert("01".into(), "Thành phố Hà Nội".into());
        book.communes
            .insert("06685".into(), ("22".into(), "Phường Hồng Gai".into()));
        book
    }

    fn residence_answers() -> Answers {
        answers(&[
            ("home.province", "22"),
            ("home.commune", "06685"),
            ("home.street", "Số 5 phố Lê Thánh Tông"),
            ("places.items", "2"),
            ("places.0.from", "03/2010"),
            ("places.0.where.province", "22"),
            ("places.0.where.commune", "06685"),
            ("places.0.where.street", "Tổ 3"),
            ("places.1.from", "08/2015"),
            ("places.1.where.province", "22"),
            ("places.1.where.commune", "06685"),
            ("places.1.where.street", "Tổ 7"),
        ])
    }

    #[test]
    fn an_address_is_kept_in_parts_and_written_out() {
        let book = book();
        let context = ValidationContext {
            places: Some(&book),
            ..context()
        };
        let clean = validate(&residence_form(), &residence_answers(), context).unwrap();
        assert_eq!(
            clean["home"],
            "Số 5 phố Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh"
        );
        assert_eq!(
            clean["places.1.where"],
            "Tổ 7, Phường Hồng Gai, Tỉnh Quảng Ninh"
        );
        assert_eq!(clean["places.items"], "2");
    }

    #[test]
    fn a_commune_must_belong_to_the_chosen_province() {
        let book = book();
        let server = ValidationContext {
            places: Some(&book),
            ..context()
        };
        let mut moved = residence_answers();
        moved.insert("home.province".into(), "01".into());
        let errors = validate(&residence_form(), &moved, server).unwrap_err();
        assert_eq!(errors[0].field, "home.commune");
        assert_eq!(
            errors[0].message,
            "Xã/phường đã chọn không thuộc Thành phố Hà Nội. Chọn lại xã/phường."
        );
        // The browser has no book: it cannot tell, and leaves it to the server.
        assert!(validate(&residence_form(), &moved, context()).is_ok());

        let mut invented = residence_answers();
        invented.insert("home.province".into(), "99".into());
        let errors = validate(&residence_form(), &invented, server).unwrap_err();
        assert_eq!(errors[0].field, "home.province");
    }

    #[test]
    fn each_missing_part_of_an_address_is_named() {
        let mut partial = residence_answers();
        partial.remove("home.commune");
        partial.remove("home.street");
        let errors = validate(&residence_form(), &partial, context()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["home.commune", "home.street"]);
        assert_eq!(errors[0].message, "Chọn xã/phường của nơi cư trú.");
    }

    #[test]
    fn a_group_items_messages_say_which_item() {
        let mut bad = residence_answers();
        bad.insert("places.1.from".into(), "13/2015".into());
        bad.remove("places.0.where.street");
        let errors = validate(&residence_form(), &bad, context()).unwrap_err();
        assert_eq!(errors[0].field, "places.0.where.street");
        assert!(
            errors[0].message.starts_with("Nơi cư trú 1: "),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[1].field, "places.1.from");
        assert_eq!(
            errors[1].message,
            "Nơi cư trú 2: Từ tháng/năm chưa đúng dạng: tháng/năm, ví dụ 03/2010."
        );
    }

    #[test]
    fn answers_beyond_the_item_count_are_not_kept() {
        let mut extra = residence_answers();
        extra.insert("places.items".into(), "1".into());
        let clean = validate(&residence_form(), &extra, context()).unwrap();
        assert!(!clean.keys().any(|key| key.starts_with("places.1.")));
    }
}
