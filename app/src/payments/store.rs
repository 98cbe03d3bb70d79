//! Reads one payment for its payer or an official in scope (server only).

use super::PaymentView;
use crate::access::policy::{self, DossierOwnership};
use crate::access::{refusals, SignedInUser};
use crate::error::AppResult;
use crate::fees::view::{PaymentState, ReceiptLink};
use crate::money::Vnd;
use crate::paths;
use sqlx::PgPool;

pub async fn payment(
    pool: &PgPool,
    user: &SignedInUser,
    reference: &str,
) -> AppResult<Option<PaymentView>> {
    let row = sqlx::query!(
        r#"SELECT p.reference, p.amount_vnd, p.status, p.receipt_number, d.code AS "code!", d.status AS dossier_status,
                  d.applicant_id, d.agency_id, d.handling_agency_id, d.assignee_id,
                  EXISTS (SELECT 1 FROM payments o WHERE o.dossier_id = d.id
                          AND o.status IN ('paid', 'refund_due', 'refunded')) AS "dossier_paid!"
           FROM payments p JOIN dossiers d ON d.id = p.dossier_id
           WHERE p.reference = $1"#,
        reference,
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let ownership = DossierOwnership {
        applicant_id: row.applicant_id,
        agency_id: row.agency_id,
        handling_agency_id: row.handling_agency_id,
        assignee_id: row.assignee_id,
    };
    if !policy::may_read_dossier(user, &ownership) {
        // Someone else's payment looks like none at all.
        refusals::record_for_request(pool, &format!("payment {reference}"), 404).await?;
        return Ok(None);
    }
    Ok(Some({
        let open =
            crate::dossiers::DossierStatus::parse(&row.dossier_status).is_some_and(|s| s.is_open());
        PaymentView {
            failed: matches!(row.status.as_str(), "failed" | "expired"),
            can_retry: open && !row.dossier_paid,
            state: PaymentState::parse(&row.status).unwrap_or(PaymentState::Unpaid),
            amount: Vnd(row.amount_vnd).to_string(),
            receipt: row.receipt_number.map(|number| ReceiptLink {
                number,
                href: paths::payment_receipt(&row.code, &row.reference),
            }),
            reference: row.reference,
            dossier_code: row.code,
        }
    }))
}
