//! Applying a fee schedule to a dossier's answers.

use super::{FeeSchedule, Quantity};
use crate::catalogue::model::FeeKind;
use crate::eforms::Answers;
use crate::money::Vnd;
use serde::{Deserialize, Serialize};

/// One line of what is owed: "Phí cấp thêm Phiếu … × 2 = 10.000 đ".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessedLine {
    pub kind: FeeKind,
    pub description: String,
    pub quantity: u32,
    pub unit_amount: Vnd,
    pub amount: Vnd,
}

/// The exemption the applicant claimed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimedExemption {
    pub code: String,
    pub name: String,
    pub percent_off: u8,
    pub discount: Vnd,
    pub evidence_document: Option<String>,
}

/// What a dossier owes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub lines: Vec<AssessedLine>,
    pub exemption: Option<ClaimedExemption>,
    pub total: Vnd,
}

impl Assessment {
    pub fn owes_nothing(&self) -> bool {
        self.total.0 == 0
    }
}

/// What `answers` owe under `schedule`. Lines that come to nothing (no
/// extra copies) are left out; a claimed exemption takes its share off the
/// whole, rounded down to the đồng in the applicant's favour.
pub fn assess(schedule: &FeeSchedule, answers: &Answers) -> Assessment {
    let lines: Vec<AssessedLine> = schedule
        .rules
        .iter()
        .filter_map(|rule| {
            let quantity = match &rule.quantity {
                Quantity::Dossier => 1,
                Quantity::Answer { field, beyond } => answers
                    .get(field)
                    .and_then(|answer| read_count(answer))
                    .unwrap_or(0)
                    .saturating_sub(*beyond),
            };
            (quantity > 0).then(|| AssessedLine {
                kind: rule.kind,
                description: rule.description.clone(),
                quantity,
                unit_amount: rule.unit_amount,
                amount: Vnd(rule.unit_amount.0 * i64::from(quantity)),
            })
        })
        .collect();
    let subtotal: i64 = lines.iter().map(|line| line.amount.0).sum();
    let exemption = schedule
        .exemption_field
        .as_ref()
        .and_then(|field| answers.get(field))
        .and_then(|code| schedule.exemptions.iter().find(|e| &e.code == code))
        .map(|exemption| {
            // Rounded so the applicant never pays a fraction of a đồng more.
            let share = subtotal * i64::from(exemption.percent_off.min(100));
            let discount = (share + 99) / 100;
            ClaimedExemption {
                code: exemption.code.clone(),
                name: exemption.name.clone(),
                percent_off: exemption.percent_off,
                discount: Vnd(discount),
                evidence_document: exemption.evidence_document.clone(),
            }
        });
    let discount = exemption.as_ref().map_or(0, |e| e.discount.0);
    Assessment {
        lines,
        exemption,
        total: Vnd(subtotal - discount),
    }
}

/// A count as the e-form's validator reads a number: spaces and digit
/// group separators left out (`1.000`, `1 000`), so the fee follows the
/// answer the dossier keeps.
fn read_count(answer: &str) -> Option<u32> {
    let digits: String = answer
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' '))
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::{Exemption, FeeRule, PaymentDue};
    use super::*;

    /// The judicial record certificate: 200.000 đ, 5.000 đ for each
    /// certificate from the third; half for students, free for the poor.
    fn judicial_record() -> FeeSchedule {
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
                    description: "Phí cấp thêm Phiếu (từ phiếu thứ 3)".into(),
                    unit_amount: Vnd(5_000),
                    quantity: Quantity::Answer {
                        field: "copies".into(),
                        beyond: 2,
                    },
                },
            ],
            exemptions: vec![
                Exemption {
                    code: "student".into(),
                    name: "Sinh viên".into(),
                    percent_off: 50,
                    evidence_document: Some("Thẻ sinh viên".into()),
                },
                Exemption {
                    code: "poor_household".into(),
                    name: "Người thuộc hộ nghèo".into(),
                    percent_off: 100,
                    evidence_document: Some("Giấy chứng nhận hộ nghèo".into()),
                },
            ],
            exemption_field: Some("fee_exemption".into()),
            due: PaymentDue::AtSubmission,
        }
    }

    use crate::eforms::answers_from as answers;

    #[test]
    fn copies_beyond_the_included_ones_are_charged_per_copy() {
        let two = assess(&judicial_record(), &answers(&[("copies", "2")]));
        assert_eq!(two.total, Vnd(200_000));
        assert_eq!(
            two.lines.len(),
            1,
            "no line for extra copies that are not there"
        );
        let five = assess(&judicial_record(), &answers(&[("copies", "5")]));
        assert_eq!(five.lines[1].quantity, 3);
        assert_eq!(five.total, Vnd(215_000));
    }

    #[test]
    fn an_exemption_takes_its_share_off_the_whole() {
        let student = assess(
            &judicial_record(),
            &answers(&[("copies", "3"), ("fee_exemption", "student")]),
        );
        assert_eq!(student.total, Vnd(102_500));
        let claimed = student.exemption.unwrap();
        assert_eq!(claimed.discount, Vnd(102_500));
        assert_eq!(claimed.evidence_document.as_deref(), Some("Thẻ sinh viên"));
        let poor = assess(
            &judicial_record(),
            &answers(&[("copies", "1"), ("fee_exemption", "poor_household")]),
        );
        assert!(poor.owes_nothing());
    }

    #[test]
    fn an_unknown_exemption_or_a_strange_count_changes_nothing() {
        let assessed = assess(
            &judicial_record(),
            &answers(&[("copies", "many"), ("fee_exemption", "minister")]),
        );
        assert_eq!(assessed.total, Vnd(200_000));
        assert_eq!(assessed.exemption, None);
    }
}
