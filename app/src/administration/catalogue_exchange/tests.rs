use super::*;
use crate::administration::procedures::{DocumentLine, FeeLine, VersionFields};
use crate::i18n::Lang;

fn record() -> ProcedureRecord {
    ProcedureRecord {
        code: "1.999002".into(),
        version: VersionFields {
            name: "Đăng ký giám hộ".into(),
            sector: "ho-tich".into(),
            level: "commune".into(),
            agency: String::new(),
            time_unit: "working_days".into(),
            time_value: 3,
            online_level: "full".into(),
            result_type: "Trích lục đăng ký giám hộ".into(),
            payment_due: "submission".into(),
            documents: vec![DocumentLine {
                name: "Tờ khai đăng ký giám hộ".into(),
                originals: 1,
                copies: 0,
                mandatory: true,
                note: String::new(),
                when_represented: false,
                template: None,
            }],
            fees: vec![FeeLine {
                kind: "le_phi".into(),
                description: "Lệ phí đăng ký giám hộ".into(),
                amount_vnd: 5_000,
                charged: true,
                ..FeeLine::default()
            }],
            ..VersionFields::default()
        },
    }
}

#[test]
fn a_catalogue_file_reads_back_what_was_written() {
    let file = CatalogueFile {
        format: FORMAT.into(),
        procedures: vec![record()],
    };
    let json = serde_json::to_string(&file).unwrap();
    assert!(
        json.contains("\"name\":\"Đăng ký giám hộ\""),
        "flat: {json}"
    );
    let read: CatalogueFile = serde_json::from_str(&json).unwrap();
    assert_eq!(read, file);
}

#[test]
fn a_file_may_leave_out_what_it_does_not_change() {
    let read: ProcedureRecord = serde_json::from_str(
        r#"{"code": "1.999002", "sector": "ho-tich", "level": "commune", "name": "Đăng ký giám hộ",
            "time_unit": "working_days", "time_value": 3, "online_level": "full",
            "result_type": "Trích lục"}"#,
    )
    .unwrap();
    assert!(read.version.documents.is_empty() && read.version.workflow.is_empty());
}

#[test]
fn each_bad_row_is_reported_with_its_number_code_and_field() {
    let t = &Lang::Vi.texts().procedures_admin;
    assert!(check_record(1, &record(), &[], t).is_empty());
    let mut bad = record();
    bad.code = "1999002".into();
    bad.version.time_value = 0;
    bad.version.fees[0].amount_vnd = -1;
    let errors = check_record(7, &bad, &[], t);
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["code", "time_value", "fee.0.amount_vnd"]);
    assert!(errors.iter().all(|e| e.row == 7 && e.code == "1999002"));
    assert!(errors[0]
        .message
        .contains("một chữ số, dấu chấm và sáu chữ số"));
}
