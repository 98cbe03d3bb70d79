//! `GET /ho-so/{code}/phieu-tiep-nhan.pdf`: slip 01, for the dossier's
//! applicant and officials whose agencies handle it.

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::documents::receipt_slip::{self, ReceiptSlip};
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::dossiers::{Channel, DossierStatus};
use axum::extract::{Path, State};

pub async fn receipt_slip(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let row = sqlx::query!(
        r#"SELECT d.code AS "code!", d.pin AS "pin!", d.status AS "status: DossierStatus",
                  d.channel AS "channel: Channel", d.applicant_id, d.agency_id, d.assignee_id,
                  a.name AS agency_name, v.name AS procedure_name,
                  v.processing_time_value, v.processing_time_unit,
                  u.full_name, u.citizen_id, u.phone, u.email,
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI "ngày" DD/MM/YYYY') AS "received_at!",
                  (d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS "received_on!: chrono::NaiveDate",
                  to_char(d.due_at, 'HH24:MI "ngày" DD/MM/YYYY') AS "due!"
           FROM dossiers d
           JOIN agencies a ON a.id = d.agency_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN users u ON u.id = d.applicant_id
           WHERE d.code = $1 AND d.submitted_at IS NOT NULL"#,
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: row.applicant_id,
        agency_id: row.agency_id,
        assignee_id: row.assignee_id,
    };
    if !policy::may_read_dossier(&user, &ownership) {
        return Ok(refusals::as_missing(format!("dossier {code}")));
    }
    let processing_time = match row.processing_time_unit.as_str() {
        "working_hours" => format!("{:02} giờ làm việc", row.processing_time_value),
        "same_day" => "Trong ngày làm việc".to_string(),
        _ => format!("{:02} ngày làm việc", row.processing_time_value),
    };
    let mut documents = vec![(
        format!("Tờ khai điện tử: {}", row.procedure_name),
        "01".to_string(),
    )];
    documents.extend(attached_documents(&state.pool, &row.code).await?);
    let tracking_url = format!("{}/tra-cuu?ma={}", state.config.public_base_url, row.code);
    let issued_on = row.received_on;
    let slip = ReceiptSlip {
        agency_name: &row.agency_name,
        place: &state.config.place,
        issued_on,
        code: &row.code,
        pin: &row.pin,
        applicant_name: &row.full_name,
        applicant_citizen_id: row.citizen_id.as_deref(),
        applicant_phone: row.phone.as_deref(),
        applicant_email: row.email.as_deref(),
        procedure_name: &row.procedure_name,
        received_at: &row.received_at,
        channel: match row.channel {
            Channel::Online => "trực tuyến",
            Channel::Counter => "trực tiếp",
            Channel::Post => "qua dịch vụ bưu chính",
        },
        documents: &documents,
        processing_time: &processing_time,
        due: &row.due,
        tracking_url: &tracking_url,
        acknowledgement_only: row.status == DossierStatus::Submitted,
    };
    // A one-page slip renders in milliseconds: no need to leave the executor.
    let bytes = receipt_slip::render(&slip)?;
    Ok(crate::documents::download::pdf_download(
        &format!("phieu-tiep-nhan-{}.pdf", row.code),
        bytes,
    ))
}

/// The documents the applicant attached, one row per document: its name,
/// then each file with its size; the count is the number of files.
async fn attached_documents(
    pool: &sqlx::PgPool,
    code: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let files = sqlx::query!(
        r#"SELECT pd.id AS document_id, pd.name AS document_name, f.original_name, f.size_bytes
           FROM dossier_attachments a
           JOIN dossiers d ON d.id = a.dossier_id
           JOIN procedure_documents pd ON pd.id = a.document_id
           JOIN stored_files f ON f.id = a.file_id
           WHERE d.code = $1
           ORDER BY pd.position, a.attached_at, f.id"#,
        code
    )
    .fetch_all(pool)
    .await?;
    let mut rows: Vec<(i64, String, Vec<String>)> = Vec::new();
    for file in files {
        let described = format!(
            "{} ({})",
            file.original_name,
            app::filing::store::megabytes(file.size_bytes)
        );
        match rows.last_mut() {
            Some((id, _, described_files)) if *id == file.document_id => {
                described_files.push(described)
            }
            _ => rows.push((file.document_id, file.document_name, vec![described])),
        }
    }
    Ok(rows
        .into_iter()
        .map(|(_, name, files)| {
            (
                format!("{name} — tệp: {}", files.join("; ")),
                format!("{:02}", files.len()),
            )
        })
        .collect())
}
