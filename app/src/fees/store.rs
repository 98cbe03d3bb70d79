//! Fee schedules and dossiers' payments (server only).

use super::view::{FeeView, PaymentState, ReceiptLink};
use super::{Assessment, Exemption, FeeRule, FeeSchedule, PaymentDue, Quantity};
use crate::catalogue::model::FeeKind;
use crate::error::AppResult;
use crate::money::Vnd;
use crate::paths;
use sqlx::PgPool;

/// What a procedure version charges.
pub async fn schedule(pool: &PgPool, version_id: i64) -> AppResult<FeeSchedule> {
    let rules = sqlx::query!(
        "SELECT kind, description, amount_vnd, per_field, beyond FROM procedure_fees
         WHERE version_id = $1 AND charged ORDER BY position",
        version_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter_map(|row| {
        Some(FeeRule {
            kind: FeeKind::parse(&row.kind)?,
            description: row.description,
            unit_amount: Vnd(row.amount_vnd),
            quantity: match row.per_field {
                Some(field) => Quantity::Answer {
                    field,
                    beyond: u32::try_from(row.beyond).unwrap_or(0),
                },
                None => Quantity::Dossier,
            },
        })
    })
    .collect();
    let exemptions = sqlx::query!(
        "SELECT code, name, percent_off, evidence_document FROM fee_exemptions
         WHERE version_id = $1 ORDER BY percent_off DESC, code",
        version_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| Exemption {
        code: row.code,
        name: row.name,
        percent_off: u8::try_from(row.percent_off).unwrap_or(100),
        evidence_document: row.evidence_document,
    })
    .collect();
    let version = sqlx::query!(
        "SELECT exemption_field, payment_due FROM procedure_versions WHERE id = $1",
        version_id
    )
    .fetch_one(pool)
    .await?;
    Ok(FeeSchedule {
        rules,
        exemptions,
        exemption_field: version.exemption_field,
        due: PaymentDue::parse(&version.payment_due).unwrap_or(PaymentDue::AtSubmission),
    })
}

/// A submitted dossier's fee and payment; `None` when it owes nothing.
pub async fn fee_view(pool: &PgPool, dossier_id: i64) -> AppResult<Option<FeeView>> {
    let dossier = sqlx::query!(
        r#"SELECT d.code AS "code!", d.fee_total, d.fee_assessment, d.payment_due,
                  (SELECT p.status FROM payments p WHERE p.dossier_id = d.id
                   ORDER BY (p.status IN ('paid', 'refund_due', 'refunded')) DESC, p.created_at DESC, p.id DESC
                   LIMIT 1) AS latest_status,
                  (SELECT p.reference || ' ' || p.receipt_number FROM payments p
                   WHERE p.dossier_id = d.id AND p.receipt_number IS NOT NULL LIMIT 1) AS receipt
           FROM dossiers d WHERE d.id = $1"#,
        dossier_id
    )
    .fetch_one(pool)
    .await?;
    let assessment: Option<Assessment> = dossier
        .fee_assessment
        .and_then(|value| serde_json::from_value(value).ok());
    let Some(assessment) = assessment.filter(|_| dossier.fee_total > 0) else {
        return Ok(None);
    };
    let latest = dossier.latest_status.as_deref();
    let state = latest
        .and_then(PaymentState::parse)
        .unwrap_or(PaymentState::Unpaid);
    let receipt = dossier.receipt.and_then(|text| {
        let (reference, number) = text.split_once(' ')?;
        Some(ReceiptLink {
            number: number.to_string(),
            href: paths::payment_receipt(&dossier.code, reference),
        })
    });
    Ok(Some(FeeView {
        assessment,
        due: dossier
            .payment_due
            .as_deref()
            .and_then(PaymentDue::parse)
            .unwrap_or(PaymentDue::AtSubmission),
        state,
        receipt,
        last_attempt_failed: matches!(latest, Some("failed" | "expired")),
    }))
}
