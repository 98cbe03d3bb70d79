use super::*;
use crate::i18n::Lang;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fields() -> VersionFields {
    VersionFields {
        name: "Tách hộ".into(),
        sector: "CU_TRU".into(),
        level: "commune".into(),
        agency: String::new(),
        name_en: String::new(),
        description: String::new(),
        time_unit: "working_days".into(),
        time_value: 5,
        cutoff: String::new(),
        online_level: "full".into(),
        channels: Channels::default(),
        form: String::new(),
        result_type: "Thông tin cư trú được cập nhật".into(),
        requirements: String::new(),
        representation_barred: false,
        legal_basis: vec!["Luật Cư trú 2020".into()],
        steps: vec![],
        documents: vec![DocumentLine {
            name: "Tờ khai CT01".into(),
            originals: 1,
            copies: 0,
            mandatory: true,
            note: String::new(),
            when_represented: false,
            template: None,
        }],
        payment_due: "submission".into(),
        fees: vec![FeeLine {
            kind: "le_phi".into(),
            description: "Lệ phí đăng ký cư trú".into(),
            amount_vnd: 15_000,
            charged: true,
            per_field: String::new(),
            beyond: 0,
            note: String::new(),
        }],
        exemptions: vec![ExemptionLine {
            code: "ho_ngheo".into(),
            name: "Thành viên hộ nghèo".into(),
            percent_off: 100,
            evidence_document: "Tờ khai CT01".into(),
        }],
        // Five working days: 40 hours after acceptance.
        workflow: vec![
            step("reception", 8),
            step("processing", 30),
            step("approval", 6),
            step("return", 4),
        ],
    }
}

fn step(stage: &str, hours: i32) -> StepLine {
    StepLine {
        stage: stage.into(),
        name: format!("Bước {stage}"),
        name_en: String::new(),
        budget_hours: hours,
        agency: String::new(),
    }
}

const NO_FORM_FIELDS: &[String] = &[];

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
    assert!(check_fields(&fields(), NO_FORM_FIELDS).is_empty());
    let mut bad = fields();
    bad.name = "  ".into();
    bad.time_unit = "same_day".into();
    bad.time_value = 3;
    bad.cutoff = "3 giờ".into();
    bad.online_level = "all".into();
    bad.documents[0].originals = 99;
    let refused: Vec<(String, FieldRefusal)> = check_fields(&bad, NO_FORM_FIELDS);
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
fn a_version_is_filed_in_at_least_one_known_way_all_three_unless_said() {
    assert_eq!(
        fields().channels.0,
        ["online", "counter", "post"],
        "a file that leaves the ways out offers all three"
    );
    for ways in [vec![], vec!["online".to_string(), "fax".to_string()]] {
        let mut bad = fields();
        bad.channels = Channels(ways);
        assert_eq!(
            check_fields(&bad, NO_FORM_FIELDS),
            [("channels".to_string(), FieldRefusal::Channels)]
        );
    }
    let mut counter_only = fields();
    counter_only.channels = Channels(vec!["counter".into()]);
    assert!(check_fields(&counter_only, NO_FORM_FIELDS).is_empty());
    assert!(!counter_only
        .channels
        .offers(crate::dossiers::Channel::Online));
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
        note: String::new(),
        when_represented: false,
        template: None,
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

#[test]
fn barring_representatives_and_an_authorisation_document_show_as_changes() {
    let t = &Lang::Vi.texts().procedures_admin;
    let before = fields();
    let mut after = fields();
    after.representation_barred = true;
    after.documents[0].when_represented = true;
    let changes = differences(&before, &after, t);
    let change = |label: &str| {
        changes
            .iter()
            .find(|change| change.label == label)
            .unwrap_or_else(|| panic!("no change to {label}: {changes:?}"))
    };
    let barred = change("Không được ủy quyền nộp thay");
    assert_eq!(
        (barred.before.as_str(), barred.after.as_str()),
        ("Được ủy quyền nộp thay", "Người yêu cầu phải tự nộp")
    );
    assert!(change("Thành phần hồ sơ")
        .after
        .contains("bắt buộc, khi nộp thay"));
}

#[test]
fn fee_lines_need_a_kind_a_description_and_an_amount_in_whole_dong() {
    let mut bad = fields();
    bad.payment_due = "later".into();
    bad.fees[0].kind = "tax".into();
    bad.fees[0].amount_vnd = -1;
    bad.fees.push(FeeLine {
        description: String::new(),
        amount_vnd: AMOUNT_LIMIT + 1,
        ..bad.fees[0].clone()
    });
    let refused = check_fields(&bad, NO_FORM_FIELDS);
    assert_eq!(
        refused,
        vec![
            ("payment_due".to_string(), FieldRefusal::PaymentDue),
            ("fee.0.kind".to_string(), FieldRefusal::FeeKind),
            ("fee.0.amount_vnd".to_string(), FieldRefusal::Amount),
            ("fee.1.kind".to_string(), FieldRefusal::FeeKind),
            ("fee.1.description".to_string(), FieldRefusal::Missing),
            ("fee.1.amount_vnd".to_string(), FieldRefusal::Amount),
        ]
    );
}

#[test]
fn a_fee_per_unit_counts_an_answer_the_form_actually_asks() {
    let mut per_copy = fields();
    per_copy.fees[0].per_field = "so_ban_sao".into();
    per_copy.fees[0].beyond = 1;
    assert_eq!(
        check_fields(&per_copy, NO_FORM_FIELDS),
        vec![(
            "fee.0.per_field".to_string(),
            FieldRefusal::UnknownFormField
        )]
    );
    assert!(check_fields(&per_copy, &["so_ban_sao".to_string()]).is_empty());
}

#[test]
fn an_exemption_is_proved_by_a_document_of_the_dossier_and_has_its_own_code() {
    let mut bad = fields();
    bad.exemptions[0].evidence_document = "Giấy xác nhận không có trong danh sách".into();
    bad.exemptions.push(ExemptionLine {
        code: "ho_ngheo".into(),
        name: "Hộ cận nghèo".into(),
        percent_off: 0,
        evidence_document: String::new(),
    });
    bad.exemptions.push(ExemptionLine {
        // The standard form's own answer for "none of these".
        code: "khong".into(),
        name: "Không".into(),
        percent_off: 50,
        evidence_document: String::new(),
    });
    assert_eq!(
        check_fields(&bad, NO_FORM_FIELDS),
        vec![
            (
                "exemption.0.evidence_document".to_string(),
                FieldRefusal::UnknownDocument
            ),
            ("exemption.1.code".to_string(), FieldRefusal::ExemptionCode),
            (
                "exemption.1.percent_off".to_string(),
                FieldRefusal::PercentOff
            ),
            ("exemption.2.code".to_string(), FieldRefusal::ExemptionCode),
        ]
    );
}

#[test]
fn a_workflow_whose_steps_outlast_the_legal_time_limit_is_not_published() {
    // Five working days are 40 working hours after acceptance; reception
    // comes before the clock starts, so its 8 hours are not counted.
    assert_eq!(check_content(&fields()), Ok(()));
    let mut late = fields();
    late.workflow[1].budget_hours = 31;
    let refusal = check_content(&late).unwrap_err();
    assert_eq!(
        refusal,
        PublishRefusal::Workflow(WorkflowProblem::BudgetsExceed {
            steps: 41,
            procedure: 40
        })
    );
    let t = &Lang::Vi.texts().procedures_admin;
    assert!(refusal.message(t).contains("41 giờ"));
    // Shortening the processing time without shortening the steps is
    // refused the same way.
    let mut shorter = fields();
    shorter.time_value = 4;
    assert!(check_content(&shorter).is_err());
    // A same-day procedure has one working day.
    let mut same_day = fields();
    same_day.time_unit = "same_day".into();
    same_day.time_value = 1;
    same_day.workflow = vec![
        step("reception", 1),
        step("processing", 7),
        step("approval", 1),
        step("return", 1),
    ];
    assert_eq!(
        check_content(&same_day),
        Err(PublishRefusal::Workflow(WorkflowProblem::BudgetsExceed {
            steps: 8 + 1,
            procedure: 8
        }))
    );
}

#[test]
fn a_workflow_without_its_return_step_is_not_published() {
    let mut no_return = fields();
    no_return.workflow.pop();
    assert_eq!(
        check_content(&no_return),
        Err(PublishRefusal::Workflow(WorkflowProblem::StagesOutOfOrder))
    );
}

#[test]
fn the_differences_include_fees_and_workflow() {
    let t = &Lang::Vi.texts().procedures_admin;
    let before = fields();
    let mut after = fields();
    after.fees[0].amount_vnd = 20_000;
    after.workflow[1].budget_hours = 28;
    let changes = differences(&before, &after, t);
    let labels: Vec<&str> = changes.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Phí, lệ phí", "Quy trình nội bộ"]);
    assert!(changes[0].before.contains("15.000 đ"), "{changes:?}");
    assert!(changes[0].after.contains("20.000 đ"), "{changes:?}");
}
