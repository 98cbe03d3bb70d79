//! A version's fees as the draft editor takes them: the lines the
//! catalogue shows (phí, lệ phí), which of them a dossier is billed, the
//! exemptions and reductions with the document that proves each, and when
//! the fee is due. The fee engine ([`crate::fees::assess`]) applies what is
//! published; nothing here computes an amount.

use super::FieldRefusal;
use serde::{Deserialize, Serialize};

/// The largest single fee line, in đồng: no administrative fee comes near
/// it, so a larger figure is a typing slip (an extra zero or two).
pub const AMOUNT_LIMIT: i64 = 100_000_000;

/// One fee line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeeLine {
    /// `phi` or `le_phi`.
    pub kind: String,
    pub description: String,
    /// Whole đồng; -1 when what was typed is not a number.
    pub amount_vnd: i64,
    /// Billed to the dossier (online payment), not only shown.
    pub charged: bool,
    /// Billed per unit of this form answer (copies, pages); empty for once
    /// per dossier.
    pub per_field: String,
    /// Units of `per_field` not billed by this line; -1 when not a number.
    pub beyond: i32,
    /// Shown beside the line (who collects it, what it covers).
    pub note: String,
}

/// One exemption (miễn) or reduction (giảm).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExemptionLine {
    /// What the form's answer names it by (`nguoi_co_cong`).
    pub code: String,
    pub name: String,
    /// 100 exempts; less reduces. -1 when not a number.
    pub percent_off: i32,
    /// The document of the version that proves it; empty for none.
    pub evidence_document: String,
}

/// The standard form's answer for "none of these groups"
/// (`procedure_version_forms`), so no group may be called it.
pub const NO_EXEMPTION: &str = "khong";

/// A code, a form field name: lowercase letters, digits and `_`.
fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text != NO_EXEMPTION
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The refusals of a version's fee lines and exemptions. `form_fields` are
/// the answers of the version's form a per-unit line may count;
/// `documents` the names of its documents, one of which proves an
/// exemption.
pub fn check_fees(
    fees: &[FeeLine],
    exemptions: &[ExemptionLine],
    payment_due: &str,
    form_fields: &[String],
    documents: &[String],
    text_limit: usize,
) -> Vec<(String, FieldRefusal)> {
    let mut refused = Vec::new();
    if !["submission", "before_result"].contains(&payment_due) {
        refused.push(("payment_due".into(), FieldRefusal::PaymentDue));
    }
    for (index, fee) in fees.iter().enumerate() {
        let key = |part: &str| format!("fee.{index}.{part}");
        if !["phi", "le_phi"].contains(&fee.kind.as_str()) {
            refused.push((key("kind"), FieldRefusal::FeeKind));
        }
        if fee.description.is_empty() {
            refused.push((key("description"), FieldRefusal::Missing));
        } else if fee.description.chars().count() > text_limit
            || fee.note.chars().count() > text_limit
        {
            refused.push((key("description"), FieldRefusal::TooLong));
        }
        if !(0..=AMOUNT_LIMIT).contains(&fee.amount_vnd) {
            refused.push((key("amount_vnd"), FieldRefusal::Amount));
        }
        if !fee.per_field.is_empty() && !form_fields.contains(&fee.per_field) {
            refused.push((key("per_field"), FieldRefusal::UnknownFormField));
        }
        if !(0..=1000).contains(&fee.beyond) {
            refused.push((key("beyond"), FieldRefusal::Beyond));
        }
    }
    for (index, exemption) in exemptions.iter().enumerate() {
        let key = |part: &str| format!("exemption.{index}.{part}");
        let repeated = exemptions[..index]
            .iter()
            .any(|earlier| earlier.code == exemption.code);
        if !is_code(&exemption.code) || repeated {
            refused.push((key("code"), FieldRefusal::ExemptionCode));
        }
        if exemption.name.is_empty() {
            refused.push((key("name"), FieldRefusal::Missing));
        } else if exemption.name.chars().count() > text_limit {
            refused.push((key("name"), FieldRefusal::TooLong));
        }
        if !(1..=100).contains(&exemption.percent_off) {
            refused.push((key("percent_off"), FieldRefusal::PercentOff));
        }
        if !exemption.evidence_document.is_empty()
            && !documents.contains(&exemption.evidence_document)
        {
            refused.push((key("evidence_document"), FieldRefusal::UnknownDocument));
        }
    }
    refused
}
