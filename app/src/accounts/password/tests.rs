use super::*;

fn parse(candidate: &str) -> Result<Password, PasswordError> {
    Password::parse(candidate, &PasswordContext::default())
}

// ----- the list ---------------------------------------------------------

#[test]
fn the_list_is_large_sorted_unique_lower_case_and_nfc() {
    let lines: Vec<&str> = COMMON_PASSWORDS.lines().collect();
    assert!(lines.len() >= 10_000, "{} entries", lines.len());
    assert!(COMMON_PASSWORDS.ends_with('\n'));
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "not strictly sorted");
    for line in &lines {
        assert!(!line.is_empty());
        assert_eq!(*line, line.trim(), "{line:?}");
        assert_eq!(*line, line.to_lowercase(), "{line:?}");
        assert_eq!(*line, normalize(line), "{line:?}");
    }
}

#[test]
fn every_listed_password_is_found() {
    for line in COMMON_PASSWORDS.lines() {
        assert!(contains_line(COMMON_PASSWORDS, line), "{line:?}");
    }
}

#[test]
fn unlisted_neighbours_are_not_found() {
    // Just before and just after each of a sample of entries.
    for line in COMMON_PASSWORDS.lines().step_by(97) {
        let after = format!("{line}\u{1}");
        assert!(!contains_line(COMMON_PASSWORDS, &after), "{after:?}");
        let before = &line[..line.len() - line.chars().last().unwrap().len_utf8()];
        if !before.is_empty() && !COMMON_PASSWORDS.lines().any(|l| l == before) {
            assert!(!contains_line(COMMON_PASSWORDS, before), "{before:?}");
        }
    }
    assert!(!contains_line(COMMON_PASSWORDS, ""));
    assert!(!contains_line(COMMON_PASSWORDS, "\u{0}"));
    assert!(!contains_line(COMMON_PASSWORDS, "\u{10FFFF}"));
    assert!(!contains_line(COMMON_PASSWORDS, "ngựa phi đường xa 2024"));
}

#[test]
fn binary_search_on_small_lists() {
    assert!(!contains_line("", "a"));
    assert!(contains_line("a\n", "a"));
    assert!(contains_line("a", "a"));
    assert!(!contains_line("a\n", "b"));
    let list = "apple\nbanana\ncherry\ndate\nfig\n";
    for word in ["apple", "banana", "cherry", "date", "fig"] {
        assert!(contains_line(list, word), "{word}");
    }
    for word in ["", "aardvark", "appl", "apples", "coconut", "zebra"] {
        assert!(!contains_line(list, word), "{word}");
    }
    let crlf = "apple\r\nbanana\r\ncherry\r\n";
    assert!(contains_line(crlf, "banana"));
    assert!(contains_line(crlf, "cherry"));
    assert!(!contains_line(crlf, "banan"));
}

#[test]
fn common_passwords_are_refused_case_insensitively() {
    for candidate in [
        "password",
        "PASSWORD",
        "Password1",
        "password1",
        "12345678",
        "123456789",
        "iloveyou",
        "qwerty123",
        "  password  ",
    ] {
        assert_eq!(
            parse(candidate).unwrap_err(),
            PasswordError::TooCommon,
            "{candidate}"
        );
        assert!(is_common_password(candidate), "{candidate}");
    }
    // Not in this (English-language) list; see common_passwords.md.
    if is_common_password("matkhau123") {
        assert_eq!(parse("matkhau123").unwrap_err(), PasswordError::TooCommon);
    }
    assert!(!is_common_password("ngựa phi đường xa"));
}

// ----- length -----------------------------------------------------------

#[test]
fn short_passwords_are_refused() {
    assert_eq!(parse("").unwrap_err(), PasswordError::TooShort { min: 8 });
    assert_eq!(
        parse("Xk9#vQ2").unwrap_err(),
        PasswordError::TooShort { min: 8 }
    );
    assert!(parse("Xk9#vQ2z").is_ok());
    assert!(parse("xk9#vq2zt").is_ok(), "no composition rules");
}

#[test]
fn length_is_counted_in_characters_after_nfc() {
    // 7 letters, each "ế" typed as e + combining circumflex + acute.
    let decomposed = "e\u{302}\u{301}".repeat(7);
    assert_eq!(decomposed.chars().count(), 21);
    assert_eq!(
        parse(&decomposed).unwrap_err(),
        PasswordError::TooShort { min: 8 }
    );
    let eight = "e\u{302}\u{301}".repeat(8);
    assert_eq!(parse(&eight).unwrap().expose_secret(), "ế".repeat(8));
    // 8 Vietnamese letters are 8 characters although 24 bytes.
    assert!(parse("đườngđời").is_ok());
}

#[test]
fn long_passwords_are_refused() {
    let max = "correct horse battery staple ".repeat(5)[..128].to_string();
    assert_eq!(max.chars().count(), 128);
    assert!(parse(&max).is_ok());
    let too_long = format!("{max}!");
    assert_eq!(
        parse(&too_long).unwrap_err(),
        PasswordError::TooLong { max: 128 }
    );
}

#[test]
fn spaces_and_symbols_are_kept() {
    let password = parse("  ngựa phi đường xa  ").unwrap();
    assert_eq!(password.expose_secret(), "  ngựa phi đường xa  ");
}

// ----- personal data ----------------------------------------------------

#[test]
fn the_email_name_is_refused() {
    let email = EmailAddress::parse("Nguyen.Van.An@gmail.com").unwrap();
    let context = PasswordContext::new(Some(&email), None);
    let refused = PasswordError::ContainsPersonalData {
        data: PersonalData::EmailName,
    };
    for candidate in [
        "nguyen.van.an",
        "NGUYEN.VAN.AN!!",
        "xx nguyen.van.an 1990",
        "NguyenVanAn1990",
        "nguyen-van-an-1990",
    ] {
        assert_eq!(
            Password::parse(candidate, &context).unwrap_err(),
            refused,
            "{candidate}"
        );
    }
    assert!(Password::parse("nguyen van binh 1990", &context).is_ok());
    // The domain is not personal.
    assert!(Password::parse("mygmail.com-is-fine", &context).is_ok());
}

#[test]
fn short_email_names_are_not_checked() {
    let email = EmailAddress::parse("an@gmail.com").unwrap();
    let context = PasswordContext::new(Some(&email), None);
    assert!(Password::parse("banana split sunday", &context).is_ok());
    let email = EmailAddress::parse("hoan@gmail.com").unwrap();
    let context = PasswordContext::new(Some(&email), None);
    assert!(Password::parse("chuyen di hoan kiem", &context).is_err());
}

#[test]
fn the_citizen_id_is_refused() {
    let id = CitizenId::parse("001099012345").unwrap();
    let context = PasswordContext::new(None, Some(&id));
    let refused = PasswordError::ContainsPersonalData {
        data: PersonalData::CitizenId,
    };
    for candidate in [
        "001099012345",
        "cccd001099012345!",
        "001 099 012 345",
        "001-099-012345x",
    ] {
        assert_eq!(
            Password::parse(candidate, &context).unwrap_err(),
            refused,
            "{candidate}"
        );
    }
    assert!(Password::parse("00109901234 mèo", &context).is_ok());
    // Without a context nothing personal is checked.
    assert!(parse("cccd001099012345!").is_ok());
}

#[test]
fn checks_run_in_order() {
    let id = CitizenId::parse("001099012345").unwrap();
    let context = PasswordContext::new(None, Some(&id));
    // Too short wins over everything; common wins over personal data.
    assert_eq!(
        Password::parse("0010", &context).unwrap_err(),
        PasswordError::TooShort { min: 8 }
    );
    let email = EmailAddress::parse("password@example.com").unwrap();
    let context = PasswordContext::new(Some(&email), None);
    assert_eq!(
        Password::parse("password", &context).unwrap_err(),
        PasswordError::TooCommon
    );
}

// ----- secrecy and messages ---------------------------------------------

#[test]
fn debug_hides_the_password() {
    let password = parse("ngựa phi đường xa").unwrap();
    assert_eq!(format!("{password:?}"), "Password(***)");
    assert_eq!(format!("{:?}", Some(password)), "Some(Password(***))");
}

#[test]
fn messages_say_what_is_wrong() {
    let short = PasswordError::TooShort { min: 8 };
    assert_eq!(short.message(Lang::Vi), "Mật khẩu phải có ít nhất 8 ký tự.");
    assert!(short.message(Lang::En).contains("at least 8"));
    assert!(PasswordError::TooLong { max: 128 }
        .message(Lang::Vi)
        .contains("128"));
    assert!(PasswordError::TooCommon
        .message(Lang::Vi)
        .contains("phổ biến"));
    assert!(PasswordError::TooCommon
        .message(Lang::En)
        .contains("common"));
    let email = PasswordError::ContainsPersonalData {
        data: PersonalData::EmailName,
    };
    assert!(email.message(Lang::Vi).contains("email"));
    assert!(email.message(Lang::En).contains("email"));
    let cccd = PasswordError::ContainsPersonalData {
        data: PersonalData::CitizenId,
    };
    assert!(cccd.message(Lang::Vi).contains("số định danh cá nhân"));
    assert!(cccd.message(Lang::En).contains("identification number"));
    for error in [
        short,
        PasswordError::TooLong { max: 128 },
        PasswordError::TooCommon,
        email,
        cccd,
    ] {
        assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
        assert_eq!(error.to_string(), error.message(Lang::En));
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(serde_json::from_str::<PasswordError>(&json).unwrap(), error);
    }
}

#[test]
fn a_password_of_only_spaces_is_refused_however_long() {
    for blank in [
        " ".repeat(8),
        " ".repeat(40),
        "\t \u{3000}  \u{a0}   ".to_string(),
    ] {
        assert_eq!(
            parse(&blank).unwrap_err(),
            PasswordError::OnlyWhitespace,
            "{blank:?}"
        );
    }
    assert!(
        parse("  mưa xuân trên phố cổ  ").is_ok(),
        "spaces around words are kept and fine"
    );
    assert!(PasswordError::OnlyWhitespace
        .message(Lang::Vi)
        .contains("chỉ gồm dấu cách"));
}
