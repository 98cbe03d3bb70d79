//! Addresses and group items.

use super::*;

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
        rules: Vec::new(),
        paged: false,
        sections: vec![Section {
            key: None,
            rules: Vec::new(),
            exit: false,
            title: text("Cư trú"),
            fields: vec![
                field("home", "Nơi cư trú", FieldKind::Address, true),
                field(
                    "places",
                    "Quá trình cư trú",
                    FieldKind::Group {
                        rules: Vec::new(),
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
    // Named after the address it belongs to, as every message is.
    assert_eq!(
        errors[0].message,
        "Nơi cư trú: Xã/phường đã chọn không thuộc Thành phố Hà Nội. Chọn lại xã/phường."
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
