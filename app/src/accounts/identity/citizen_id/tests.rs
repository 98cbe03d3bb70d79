use super::*;

#[test]
fn province_codes_are_sorted_unique_and_63() {
    assert!(PROVINCE_CODES.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(PROVINCE_CODES.len(), 63);
    assert!(PROVINCE_CODES.iter().all(|c| c.len() == 3));
}

#[test]
fn a_valid_citizen_id_is_accepted() {
    let id = CitizenId::parse("001099012345").unwrap();
    assert_eq!(id.as_str(), "001099012345");
    assert_eq!(id.province_code(), "001");
    assert_eq!(id.sex(), Sex::Male);
    assert_eq!(id.birth_year(), 1999);
}

#[test]
fn citizen_id_spaces_are_ignored() {
    let id = CitizenId::parse("  001 099 012 345\t").unwrap();
    assert_eq!(id.as_str(), "001099012345");
    let id = CitizenId::parse("079\u{a0}301\u{a0}000123").unwrap();
    assert_eq!(id.as_str(), "079301000123");
}

#[test]
fn every_province_code_is_accepted() {
    for code in PROVINCE_CODES {
        let id = CitizenId::parse(&format!("{code}095001234")).unwrap();
        assert_eq!(id.province_code(), code);
    }
}

#[test]
fn every_other_province_code_is_refused() {
    for n in 0..1000 {
        let code = format!("{n:03}");
        if PROVINCE_CODES.contains(&code.as_str()) {
            continue;
        }
        assert_eq!(
            CitizenId::parse(&format!("{code}095001234")),
            Err(CitizenIdError::UnknownProvince { code: code.clone() }),
            "{code}"
        );
    }
}

#[test]
fn known_gaps_in_the_province_codes_are_refused() {
    for code in ["000", "003", "005", "013", "050", "090", "097", "099"] {
        assert!(matches!(
            CitizenId::parse(&format!("{code}095001234")),
            Err(CitizenIdError::UnknownProvince { .. })
        ));
    }
}

#[test]
fn each_century_digit_gives_sex_and_century() {
    let expected = [
        (0, Sex::Male, 1900),
        (1, Sex::Female, 1900),
        (2, Sex::Male, 2000),
        (3, Sex::Female, 2000),
        (4, Sex::Male, 2100),
        (5, Sex::Female, 2100),
        (6, Sex::Male, 2200),
        (7, Sex::Female, 2200),
        (8, Sex::Male, 2300),
        (9, Sex::Female, 2300),
    ];
    for (digit, sex, century) in expected {
        let id = CitizenId::parse(&format!("036{digit}85123456")).unwrap();
        assert_eq!(id.sex(), sex, "digit {digit}");
        assert_eq!(id.birth_year(), century + 85, "digit {digit}");
        assert_eq!(id.check_birth_date(century + 85), Ok(()));
    }
}

#[test]
fn birth_year_uses_digits_five_and_six() {
    assert_eq!(CitizenId::parse("001200000001").unwrap().birth_year(), 2000);
    assert_eq!(CitizenId::parse("001305000001").unwrap().birth_year(), 2005);
    assert_eq!(CitizenId::parse("001199000001").unwrap().birth_year(), 1999);
    assert_eq!(CitizenId::parse("001001000001").unwrap().birth_year(), 1901);
}

#[test]
fn birth_year_mismatch_is_reported_with_both_years() {
    let id = CitizenId::parse("001099012345").unwrap();
    assert_eq!(id.check_birth_date(1999), Ok(()));
    let error = id.check_birth_date(2099).unwrap_err();
    assert_eq!(
        error,
        CitizenIdError::BirthYearMismatch {
            expected_year: 2099,
            id_year: 1999
        }
    );
    for lang in Lang::ALL {
        let message = error.message(lang);
        assert!(
            message.contains("1999") && message.contains("2099"),
            "{message}"
        );
    }
    // Same two digits, other century.
    let woman_2000s = CitizenId::parse("001305012345").unwrap();
    assert!(woman_2000s.check_birth_date(1905).is_err());
    assert!(woman_2000s.check_birth_date(2005).is_ok());
}

#[test]
fn empty_citizen_id_is_refused() {
    assert_eq!(CitizenId::parse(""), Err(CitizenIdError::Empty));
    assert_eq!(CitizenId::parse("  \t "), Err(CitizenIdError::Empty));
}

#[test]
fn wrong_length_reports_the_digits_found() {
    assert_eq!(
        CitizenId::parse("00109901234"),
        Err(CitizenIdError::WrongLength { found: 11 })
    );
    assert_eq!(
        CitizenId::parse("0010990123456"),
        Err(CitizenIdError::WrongLength { found: 13 })
    );
    // The 9-digit numbers of the old identity cards (CMND).
    assert_eq!(
        CitizenId::parse("012345678"),
        Err(CitizenIdError::WrongLength { found: 9 })
    );
    let error = CitizenIdError::WrongLength { found: 11 };
    assert_eq!(
        error.message(Lang::Vi),
        "Số định danh cá nhân phải gồm đúng 12 chữ số (bạn đã nhập 11)."
    );
    assert_eq!(
        error.message(Lang::En),
        "The personal identification number must have exactly 12 digits (you entered 11)."
    );
}

#[test]
fn non_digits_are_refused() {
    for input in [
        "00109901234a",
        "001-099-012345",
        "001.099.012.345",
        "abc",
        "００１０９９０１２３４５", // full-width digits
        "+001099012345",
    ] {
        assert_eq!(
            CitizenId::parse(input),
            Err(CitizenIdError::NotDigits),
            "{input}"
        );
    }
}

#[test]
fn unknown_province_message_names_the_code() {
    let error = CitizenId::parse("003099012345").unwrap_err();
    assert_eq!(
        error,
        CitizenIdError::UnknownProvince { code: "003".into() }
    );
    assert!(error.message(Lang::Vi).contains("(003)"));
    assert!(error.message(Lang::En).contains("(003)"));
}

#[test]
fn citizen_id_is_masked_in_debug_and_masked() {
    let id = CitizenId::parse("001099012789").unwrap();
    assert_eq!(id.masked(), "001******789");
    let debug = format!("{id:?}");
    assert_eq!(debug, "CitizenId(\"001******789\")");
    assert!(!debug.contains("099012"));
}

#[test]
fn citizen_id_round_trips_through_serde_and_validates() {
    let id = CitizenId::parse("079301000123").unwrap();
    let json = serde_json::to_string(&id).unwrap();
    assert_eq!(json, "\"079301000123\"");
    assert_eq!(serde_json::from_str::<CitizenId>(&json).unwrap(), id);
    assert!(serde_json::from_str::<CitizenId>("\"003301000123\"").is_err());
    assert!(serde_json::from_str::<CitizenId>("\"12\"").is_err());
}

#[test]
fn citizen_id_errors_round_trip_through_serde() {
    let error = CitizenIdError::BirthYearMismatch {
        expected_year: 1990,
        id_year: 1991,
    };
    let json = serde_json::to_string(&error).unwrap();
    assert_eq!(
        serde_json::from_str::<CitizenIdError>(&json).unwrap(),
        error
    );
}

#[test]
fn citizen_id_messages_differ_by_language_and_display_is_english() {
    let errors = [
        CitizenIdError::Empty,
        CitizenIdError::WrongLength { found: 3 },
        CitizenIdError::NotDigits,
        CitizenIdError::UnknownProvince { code: "003".into() },
        CitizenIdError::BirthYearMismatch {
            expected_year: 1990,
            id_year: 1991,
        },
    ];
    for error in errors {
        assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
        assert_eq!(error.to_string(), error.message(Lang::En));
    }
    assert!(CitizenIdError::NotDigits
        .message(Lang::Vi)
        .contains("chữ số"));
    assert!(CitizenIdError::Empty
        .message(Lang::Vi)
        .contains("Vui lòng nhập"));
}

#[test]
fn sex_labels() {
    assert_eq!(Sex::Male.label(Lang::Vi), "Nam");
    assert_eq!(Sex::Female.label(Lang::Vi), "Nữ");
    assert_eq!(Sex::Female.label(Lang::En), "Female");
}
