//! Phí, lệ phí: what a dossier owes and why. A procedure version's fee
//! schedule is data (`procedure_fees` rows marked `charged`, and
//! `fee_exemptions`); [`assess`] applies it to the e-form's answers at
//! submission, and the result is stored with the dossier, so a later change
//! to the procedure never changes what an applicant was told they owe.

mod assessment;
mod fee_summary;
mod filing_fee;
#[cfg(feature = "ssr")]
pub mod store;
pub mod view;

pub use assessment::{assess, AssessedLine, Assessment, ClaimedExemption};
pub use fee_summary::FeeSummary;
pub use filing_fee::filing_fee;

use crate::catalogue::model::FeeKind;
use crate::money::Vnd;
use serde::{Deserialize, Serialize};

/// How many times a charged fee applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "per", rename_all = "snake_case")]
pub enum Quantity {
    /// Once per dossier.
    Dossier,
    /// Once per unit of a number the applicant answered (copies asked for,
    /// pages), for the units beyond the first `beyond` (those are covered
    /// by another line or free).
    Answer { field: String, beyond: u32 },
}

/// A charged line of the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeRule {
    pub kind: FeeKind,
    pub description: String,
    pub unit_amount: Vnd,
    pub quantity: Quantity,
}

/// A group the procedure exempts from its fees, wholly or in part, and the
/// document that proves belonging to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    /// The value the e-form's exemption field answers (`student`).
    pub code: String,
    pub name: String,
    /// 100 for an exemption (miễn), 50 for a halving (giảm 50%).
    pub percent_off: u8,
    /// The required document (thành phần hồ sơ) that proves it.
    pub evidence_document: Option<String>,
}

/// When a dossier's fee must be paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentDue {
    /// With the submission: the dossier is paid for before it is examined.
    AtSubmission,
    /// Before the result is handed over.
    BeforeResult,
}

impl PaymentDue {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentDue::AtSubmission => "submission",
            PaymentDue::BeforeResult => "before_result",
        }
    }

    pub fn parse(text: &str) -> Option<PaymentDue> {
        [PaymentDue::AtSubmission, PaymentDue::BeforeResult]
            .into_iter()
            .find(|due| due.as_str() == text)
    }
}

/// Everything a procedure version charges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSchedule {
    pub rules: Vec<FeeRule>,
    pub exemptions: Vec<Exemption>,
    /// The e-form field whose answer names the exemption claimed.
    pub exemption_field: Option<String>,
    pub due: PaymentDue,
}
