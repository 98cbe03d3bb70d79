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
        declaration: false,
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
    father.visible_when = Some(Condition::equals("has_father", "yes"));
    FormDefinition {
        rules: Vec::new(),
        paged: false,
        sections: vec![Section {
            key: None,
            rules: Vec::new(),
            exit: false,
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

use crate::eforms::answers_from as answers;

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

mod addresses;
mod formats;

#[test]
fn every_message_names_its_field() {
    // Read in the error summary, away from the field, each message must say
    // which field it is about: "Họ tên trẻ", "Số định danh người đi đăng ký"…
    let mut bad = good();
    bad.insert("child_name".into(), "".into());
    bad.insert("child_birth_date".into(), "hôm qua".into());
    bad.insert("sex".into(), "other".into());
    bad.insert("copies".into(), "nhiều".into());
    bad.insert("applicant_id".into(), "12345".into());
    bad.remove("oath");
    let form = birth_form();
    for lang in Lang::ALL {
        let errors = validate(&form, &bad, ValidationContext { lang, ..context() }).unwrap_err();
        assert_eq!(errors.len(), 6);
        for error in errors {
            let label = form
                .field(&error.field)
                .unwrap()
                .label
                .get(lang)
                .to_lowercase();
            assert!(
                error.message.to_lowercase().contains(&label),
                "{:?}: {}",
                lang,
                error.message
            );
        }
    }
    let errors = validate(&form, &bad, context()).unwrap_err();
    assert!(
        errors[4]
            .message
            .starts_with("Số định danh người đi đăng ký: "),
        "a message of its own is put after the field's name: {}",
        errors[4].message
    );
}

#[test]
fn a_date_is_read_in_the_ways_people_write_it() {
    for typed in [
        "27/03/2007",
        "27/3/2007",
        "27-03-2007",
        "27.03.2007",
        " 27 / 3 / 2007 ",
        "2007-03-27",
    ] {
        let mut answers = good();
        answers.insert("child_birth_date".into(), typed.into());
        let clean = validate(&birth_form(), &answers, context())
            .unwrap_or_else(|errors| panic!("{typed}: {errors:?}"));
        assert_eq!(clean["child_birth_date"], "27/03/2007", "{typed}");
    }
    for typed in ["27/03/07", "31/02/2007", "27 03 2007", "ngày 27"] {
        let mut answers = good();
        answers.insert("child_birth_date".into(), typed.into());
        let errors = validate(&birth_form(), &answers, context()).unwrap_err();
        assert_eq!(errors[0].field, "child_birth_date", "{typed} is refused");
        assert!(
            errors[0].message.contains("27/03/2007"),
            "with an example: {}",
            errors[0].message
        );
    }
}

#[test]
fn fields_sharing_a_label_are_told_apart_by_their_section() {
    let date = |name: &str| {
        field(
            name,
            "Ngày, tháng, năm sinh",
            FieldKind::Date {
                before_today: true,
                not_before: None,
            },
            true,
        )
    };
    let form = FormDefinition {
        rules: Vec::new(),
        paged: false,
        sections: vec![
            Section {
                key: None,
                rules: Vec::new(),
                exit: false,
                title: text("Người yêu cầu"),
                fields: vec![date("applicant_birth_date")],
            },
            Section {
                key: None,
                rules: Vec::new(),
                exit: false,
                title: text("Người được khai sinh"),
                fields: vec![date("child_birth_date")],
            },
        ],
    };
    let errors = validate(
        &form,
        &answers(&[("applicant_birth_date", "31/02/1990")]),
        context(),
    )
    .unwrap_err();
    assert_eq!(
        errors[0].message,
        "Ngày, tháng, năm sinh (Người yêu cầu) không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 27/03/2007."
    );
    assert_eq!(
        errors[1].message,
        "Nhập ngày, tháng, năm sinh (Người được khai sinh)."
    );
}
