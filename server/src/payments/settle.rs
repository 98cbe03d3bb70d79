//! Applying what a gateway said, exactly once. The payment's row is locked
//! for the whole decision, so two notifications of the same payment (a
//! duplicate delivery, a query crossing an IPN) queue: the first settles
//! it, the second finds it settled and changes nothing.

use super::gateway::{GatewayReport, Outcome};
use super::receipts::next_receipt_number;
use crate::back_office::notices;
use crate::state::AppState;
use app::money::Vnd;
use sqlx::PgConnection;

/// What the portal made of a report, in the words gateways expect back
/// (VNPay's `RspCode`, which the sandbox bank reads too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Applied: paid, or recorded as failed.
    Confirmed,
    /// Settled before; nothing changed.
    AlreadyConfirmed,
    UnknownOrder,
    WrongAmount,
    BadSignature,
    /// Nothing to apply yet (a query answered "pending").
    StillPending,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Confirmed | Verdict::StillPending => "00",
            Verdict::UnknownOrder => "01",
            Verdict::AlreadyConfirmed => "02",
            Verdict::WrongAmount => "04",
            Verdict::BadSignature => "97",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Verdict::Confirmed | Verdict::StillPending => "Confirm Success",
            Verdict::UnknownOrder => "Order not found",
            Verdict::AlreadyConfirmed => "Order already confirmed",
            Verdict::WrongAmount => "Invalid amount",
            Verdict::BadSignature => "Invalid signature",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::AlreadyConfirmed => "already_confirmed",
            Verdict::UnknownOrder => "unknown_order",
            Verdict::WrongAmount => "wrong_amount",
            Verdict::BadSignature => "bad_signature",
            Verdict::StillPending => "still_pending",
        }
    }
}

/// Applies `report` from gateway `gateway` in one transaction.
#[tracing::instrument(
    skip_all,
    fields(gateway, payment = %report.reference, action = "settle", verdict = tracing::field::Empty)
)]
pub async fn apply(
    state: &AppState,
    gateway: &str,
    report: &GatewayReport,
) -> anyhow::Result<Verdict> {
    let mut tx = state.pool.begin().await?;
    let verdict = apply_in(state, &mut tx, gateway, report).await?;
    tx.commit().await?;
    tracing::Span::current().record("verdict", verdict.as_str());
    Ok(verdict)
}

async fn apply_in(
    state: &AppState,
    tx: &mut PgConnection,
    gateway: &str,
    report: &GatewayReport,
) -> anyhow::Result<Verdict> {
    let Some(payment) = sqlx::query!(
        "SELECT p.id, p.dossier_id, p.amount_vnd, p.status, d.agency_id
         FROM payments p JOIN dossiers d ON d.id = p.dossier_id
         WHERE p.reference = $1 AND p.gateway = $2
         FOR UPDATE OF p",
        report.reference,
        gateway
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(Verdict::UnknownOrder);
    };
    if report.amount != Some(payment.amount_vnd) || report.currency != "VND" {
        flag(
            tx,
            payment.id,
            &report.reference,
            &format!(
                "Cổng thanh toán báo số tiền {} ({}) cho giao dịch {}",
                report
                    .amount
                    .map(Vnd)
                    .map(|amount| amount.to_string())
                    .unwrap_or_else(|| "không hợp lệ".into()),
                report.currency,
                Vnd(payment.amount_vnd)
            ),
        )
        .await?;
        return Ok(Verdict::WrongAmount);
    }
    let settled = matches!(payment.status.as_str(), "paid" | "refund_due" | "refunded");
    match (report.outcome, settled) {
        (Outcome::Pending, _) => Ok(Verdict::StillPending),
        (Outcome::Failed, true) => {
            flag(
                tx,
                payment.id,
                &report.reference,
                "Cổng thanh toán báo thất bại cho một giao dịch đã ghi nhận là đã thanh toán",
            )
            .await?;
            Ok(Verdict::AlreadyConfirmed)
        }
        (Outcome::Paid, true) => Ok(Verdict::AlreadyConfirmed),
        (Outcome::Failed, false) if payment.status == "pending" => {
            sqlx::query!(
                "UPDATE payments SET status = 'failed', gateway_transaction = $2 WHERE id = $1",
                payment.id,
                report.transaction
            )
            .execute(&mut *tx)
            .await?;
            Ok(Verdict::Confirmed)
        }
        (Outcome::Failed, false) => Ok(Verdict::AlreadyConfirmed),
        (Outcome::Paid, false) => {
            // Paid after the portal gave up on it (expired, or replaced by a
            // newer attempt): the money was taken, so it counts — unless
            // the dossier is paid already, which a manager must refund.
            let already_paid = sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM payments WHERE dossier_id = $1
                   AND status IN ('paid', 'refund_due', 'refunded')) AS "paid!""#,
                payment.dossier_id
            )
            .fetch_one(&mut *tx)
            .await?;
            if already_paid {
                flag(
                    tx,
                    payment.id,
                    &report.reference,
                    "Hồ sơ đã được thanh toán bằng một giao dịch khác: cần hoàn tiền giao dịch này",
                )
                .await?;
                return Ok(Verdict::AlreadyConfirmed);
            }
            let now = state.clock.now();
            let year = chrono::Datelike::year(&state.clock.today_in_vietnam());
            let receipt = next_receipt_number(tx, payment.agency_id, year).await?;
            sqlx::query!(
                "UPDATE payments SET status = 'paid', settled_at = $4, receipt_number = $2, gateway_transaction = $3
                 WHERE id = $1",
                payment.id,
                receipt,
                report.transaction,
                now as _
            )
            .execute(&mut *tx)
            .await?;
            tell_applicant(
                state,
                tx,
                payment.dossier_id,
                Vnd(payment.amount_vnd),
                &receipt,
            )
            .await?;
            Ok(Verdict::Confirmed)
        }
    }
}

/// Tells the applicant their payment arrived (also used for counter payments).
pub async fn tell_applicant(
    state: &AppState,
    tx: &mut PgConnection,
    dossier_id: i64,
    amount: Vnd,
    receipt: &str,
) -> anyhow::Result<()> {
    let dossier = notices::applicant_of(tx, dossier_id).await?;
    let title = format!("Đã nhận thanh toán phí, lệ phí hồ sơ {}", dossier.code);
    let body = format!(
        "Chúng tôi đã nhận {amount} phí, lệ phí cho hồ sơ “{}”. Biên lai số {receipt} có trong trang hồ sơ.",
        dossier.procedure
    );
    notices::deliver(state, tx, &dossier, dossier_id, title, body).await
}

/// Records a disagreement for a manager.
async fn flag(
    tx: &mut PgConnection,
    payment_id: i64,
    reference: &str,
    reason: &str,
) -> anyhow::Result<()> {
    sqlx::query!(
        "INSERT INTO payment_flags (payment_id, reference, reason) VALUES ($1, $2, $3)",
        payment_id,
        reference,
        reason
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
