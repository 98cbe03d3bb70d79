use super::*;
use crate::i18n::Lang;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fields() -> VersionFields {
    VersionFields {
        name: "Tách hộ".into(),
        description: String::new(),
        time_unit: "working_days".into(),
        time_value: 5,
        cutoff: String::new(),
        online_level: "full".into(),
        result_type: "Thông tin cư trú được cập nhật".into(),
        requirements: String::new(),
        legal_basis: vec!["Luật Cư trú 2020".into()],
        documents: vec![DocumentLine {
            name: "Tờ khai CT01".into(),
            originals: 1,
            copies: 0,
            mandatory: true,
        }],
    }
}

#[test]
fn the_author_may_not_publish_their_own_draft() {
    let today = day(2026, 12, 5);
    assert_eq!(
        check_publication(Some(7), 7, None, "", today),
        Err(PublishRefusal::OwnDraft)
    );
    assert_eq!(check_publication(Some(7), 8, None, "", today), Ok(today));
}

#[test]
fn a_version_takes_effect_today_or_later_never_in_the_past() {
    let today = day(2026, 12, 5);
    assert_eq!(
        check_publication(Some(7), 8, Some(day(2027, 1, 1)), "01/01/2027", today),
        Ok(day(2027, 1, 1))
    );
    assert_eq!(
        check_publication(Some(7), 8, Some(day(2026, 12, 4)), "04/12/2026", today),
        Err(PublishRefusal::BeforeToday)
    );
    assert_eq!(
        check_publication(Some(7), 8, None, "mai", today),
        Err(PublishRefusal::NotADate)
    );
}

#[test]
fn a_draft_needs_a_name_a_result_and_a_sensible_processing_time() {
    assert!(check_fields(&fields()).is_empty());
    let mut bad = fields();
    bad.name = "  ".into();
    bad.time_unit = "same_day".into();
    bad.time_value = 3;
    bad.cutoff = "3 giờ".into();
    bad.online_level = "all".into();
    bad.documents[0].originals = 99;
    let refused: Vec<(String, FieldRefusal)> = check_fields(&bad);
    assert_eq!(
        refused,
        vec![
            ("name".to_string(), FieldRefusal::Missing),
            ("time_value".to_string(), FieldRefusal::TimeValue),
            ("cutoff".to_string(), FieldRefusal::Cutoff),
            ("online_level".to_string(), FieldRefusal::OnlineLevel),
            (
                "document.0.originals".to_string(),
                FieldRefusal::DocumentCount
            ),
        ]
    );
}

#[test]
fn the_differences_name_each_changed_field_with_both_values() {
    let t = &Lang::Vi.texts().procedures_admin;
    let before = fields();
    assert!(differences(&before, &before, t).is_empty());
    let mut after = fields();
    after.time_value = 3;
    after.documents.push(DocumentLine {
        name: "Văn bản đồng ý của chủ hộ".into(),
        originals: 1,
        copies: 0,
        mandatory: false,
    });
    let changes = differences(&before, &after, t);
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0].label, "Thời hạn giải quyết");
    assert_eq!(
        (changes[0].before.as_str(), changes[0].after.as_str()),
        ("5 ngày làm việc", "3 ngày làm việc")
    );
    assert_eq!(changes[1].label, "Thành phần hồ sơ");
    assert!(changes[1]
        .after
        .ends_with("Văn bản đồng ý của chủ hộ (1 bản chính, 0 bản sao)"));
}
