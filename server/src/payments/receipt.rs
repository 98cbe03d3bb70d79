//! `GET /ho-so/{code}/bien-lai/{reference}`: the receipt of a settled
//! payment, for the applicant and for officials whose agencies handle the
//! dossier. Built from what was stored when it was settled, so it reads
//! the same every time.

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::documents::fee_receipt::{self, FeeReceipt};
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::fees::Assessment;
use app::money::Vnd;
use axum::extract::{Path, State};

pub async fn download(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((code, reference)): Path<(String, String)>,
) -> HandlerResult {
    let row = sqlx::query!(
        r#"SELECT p.receipt_number AS "receipt_number!", p.amount_vnd, p.gateway, p.method,
                  p.gateway_transaction, p.counter_receipt,
                  to_char(p.settled_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY') AS "paid_at!",
                  (p.settled_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS "paid_on!: chrono::NaiveDate",
                  d.fee_assessment, d.applicant_id, d.agency_id, d.handling_agency_id, d.assignee_id, a.name AS agency_name, v.name AS procedure_name, u.full_name
           FROM payments p JOIN dossiers d ON d.id = p.dossier_id
           JOIN agencies a ON a.id = d.agency_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN users u ON u.id = d.applicant_id
           WHERE p.reference = $1 AND d.code = $2 AND p.receipt_number IS NOT NULL"#,
        reference,
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: row.applicant_id,
        agency_id: row.agency_id,
        handling_agency_id: row.handling_agency_id,
        assignee_id: row.assignee_id,
    };
    if !policy::may_read_dossier(&user, &ownership) {
        return Ok(refusals::as_missing(format!(
            "receipt {reference} of dossier {code}"
        )));
    }
    let assessment: Option<Assessment> = row
        .fee_assessment
        .and_then(|value| serde_json::from_value(value).ok());
    let lines: Vec<(String, u32, Vnd)> = assessment
        .as_ref()
        .map(|assessment| {
            assessment
                .lines
                .iter()
                .map(|line| (line.description.clone(), line.quantity, line.amount))
                .collect()
        })
        .unwrap_or_default();
    let exemption = assessment
        .and_then(|assessment| assessment.exemption)
        .map(|exemption| (exemption.name, exemption.discount));
    let method = match (row.gateway.as_str(), row.method.as_str()) {
        ("counter", "card") => format!(
            "Thẻ ngân hàng tại bộ phận một cửa (biên lai giấy số {})",
            row.counter_receipt.unwrap_or_default()
        ),
        ("counter", _) => format!(
            "Tiền mặt tại bộ phận một cửa (biên lai giấy số {})",
            row.counter_receipt.unwrap_or_default()
        ),
        (gateway, _) => format!(
            "Trực tuyến qua {}, mã giao dịch {}",
            if gateway == "vnpay" {
                "VNPAY"
            } else {
                "Ngân hàng thử nghiệm"
            },
            row.gateway_transaction.unwrap_or_default()
        ),
    };
    let receipt = FeeReceipt {
        agency_name: &row.agency_name,
        place: &state.config.place,
        issued_on: row.paid_on,
        receipt_number: &row.receipt_number,
        payer_name: &row.full_name,
        dossier_code: &code,
        procedure_name: &row.procedure_name,
        lines: &lines,
        exemption,
        total: Vnd(row.amount_vnd),
        method: &method,
        paid_at: &row.paid_at,
    };
    let bytes = fee_receipt::render(&receipt)?;
    Ok(crate::documents::download::pdf_download(
        &format!("bien-lai-{}.pdf", reference),
        bytes,
    ))
}
