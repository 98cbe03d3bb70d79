//! The fee the citizen is shown is the fee they are billed: the same
//! function on the answers as typed (the filing page, the check page) and
//! on the answers the validator keeps (the dossier) gives the same amount.

use super::*;
use crate::catalogue::model::FeeKind;
use crate::eforms::{validate, Condition, Field, FieldKind, Localised, Section, ValidationContext};
use crate::fees::{Exemption, FeeRule, PaymentDue, Quantity};
use crate::i18n::Lang;
use crate::money::Vnd;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

fn words(text: &str) -> Localised {
    Localised {
        vi: text.into(),
        en: text.into(),
    }
}

fn field(name: &str, kind: FieldKind) -> Field {
    Field {
        name: name.into(),
        label: words(name),
        help: None,
        kind,
        required: false,
        visible_when: None,
        prefill: None,
        declaration: false,
    }
}

/// The judicial record certificate's form as far as fees go: how many
/// certificates (asked only when more than one is wanted) and an exemption.
fn form() -> FormDefinition {
    let mut copies = field(
        "copies",
        FieldKind::Number {
            min: Some(1),
            max: Some(10),
        },
    );
    copies.visible_when = Some(Condition::equals("several", "yes"));
    let choice = |value: &str| crate::eforms::Choice {
        value: value.into(),
        label: words(value),
    };
    FormDefinition {
        rules: Vec::new(),
        paged: false,
        sections: vec![Section {
            key: None,
            rules: Vec::new(),
            exit: false,
            title: words("Yêu cầu"),
            fields: vec![
                field(
                    "several",
                    FieldKind::Radio {
                        options: vec![choice("yes"), choice("no")],
                    },
                ),
                copies,
                field(
                    "fee_exemption",
                    FieldKind::Select {
                        options: vec![choice("student")],
                    },
                ),
            ],
        }],
    }
}

/// 200.000 đ, and 5.000 đ for each certificate from the third; students
/// pay half.
fn schedule() -> FeeSchedule {
    FeeSchedule {
        rules: vec![
            FeeRule {
                kind: FeeKind::Phi,
                description: "Phí cung cấp thông tin lý lịch tư pháp".into(),
                unit_amount: Vnd(200_000),
                quantity: Quantity::Dossier,
            },
            FeeRule {
                kind: FeeKind::Phi,
                description: "Phí cấp thêm Phiếu".into(),
                unit_amount: Vnd(5_000),
                quantity: Quantity::Answer {
                    field: "copies".into(),
                    beyond: 2,
                },
            },
        ],
        exemptions: vec![Exemption {
            code: "student".into(),
            name: "Sinh viên".into(),
            percent_off: 50,
            evidence_document: None,
        }],
        exemption_field: Some("fee_exemption".into()),
        due: PaymentDue::AtSubmission,
    }
}

use crate::eforms::answers_from as answers;

/// The answers the dossier keeps once the validator has read them.
fn kept(answers: &Answers) -> Answers {
    let context = ValidationContext {
        lang: Lang::Vi,
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        places: None,
    };
    validate(&form(), answers, context).expect("valid answers")
}

#[test]
fn three_certificates_cost_205_000_as_typed_and_as_kept() {
    let typed = answers(&[("several", "yes"), ("copies", " 3 ")]);
    let shown = filing_fee(&schedule(), &form(), &typed, today());
    assert_eq!(shown.total, Vnd(205_000));
    assert_eq!(
        filing_fee(&schedule(), &form(), &kept(&typed), today()),
        shown
    );
}

#[test]
fn a_count_typed_with_separators_is_billed_as_the_validator_reads_it() {
    let typed = answers(&[("several", "yes"), ("copies", "1 0")]);
    assert_eq!(kept(&typed)["copies"], "10");
    let shown = filing_fee(&schedule(), &form(), &typed, today());
    assert_eq!(shown.total, Vnd(240_000), "200.000 đ + 8 × 5.000 đ");
    assert_eq!(
        filing_fee(&schedule(), &form(), &kept(&typed), today()),
        shown
    );
}

#[test]
fn a_number_left_in_a_hidden_field_is_not_billed() {
    // Chose several, typed 5, then changed their mind: the form hides the
    // count and the dossier keeps none.
    let typed = answers(&[
        ("several", "no"),
        ("copies", "5"),
        ("fee_exemption", "student"),
    ]);
    assert!(!kept(&typed).contains_key("copies"));
    let shown = filing_fee(&schedule(), &form(), &typed, today());
    assert_eq!(shown.total, Vnd(100_000));
    assert_eq!(
        filing_fee(&schedule(), &form(), &kept(&typed), today()),
        shown
    );
}
