//! What slip 01 and the submission acknowledgement print, read from the
//! database: the dossier, its applicant, the documents received and the
//! one-stop unit that received them.

use crate::config::Config;
use crate::documents::receipt_slip::{Acceptance, ReceiptSlip, ReceivedDocument, Representation};
use crate::dossiers::registers::{one_stop_body, IssuingBody};
use app::eforms::representation::{
    APPLICANT_NAME, AUTHORISATION_REFERENCE, BY_REPRESENTATIVE, FILED_BY,
    REPRESENTATIVE_CITIZEN_ID, REPRESENTATIVE_NAME,
};
use chrono::NaiveDateTime;
use sqlx::PgConnection;

/// The dossier as slip 01 describes it.
pub struct Content {
    pub dossier_id: i64,
    pub code: String,
    pub pin: String,
    pub applicant_name: String,
    pub citizen_id: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub representation: Option<Representation>,
    pub procedure_name: String,
    pub processing_time: String,
    /// Toàn trình (`full`) or một phần (`partial`).
    pub online_level: String,
    pub channel: String,
    pub submitted_at: NaiveDateTime,
    pub due_at: Option<NaiveDateTime>,
    pub documents: Vec<ReceivedDocument>,
    pub body: IssuingBody,
    pub tracking_url: String,
}

/// The submitted dossier `code`, or `None`.
pub async fn load(
    conn: &mut PgConnection,
    config: &Config,
    code: &str,
) -> sqlx::Result<Option<Content>> {
    let Some(row) = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", d.pin AS "pin!", d.agency_id, d.channel,
                  v.name AS procedure_name, v.processing_time_value, v.processing_time_unit, v.online_level,
                  u.full_name, u.citizen_id, u.phone, u.email, d.form_data,
                  d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS "submitted_at!: NaiveDateTime",
                  d.due_at AS "due_at: NaiveDateTime"
           FROM dossiers d
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN users u ON u.id = d.applicant_id
           WHERE d.code = $1 AND d.submitted_at IS NOT NULL"#,
        code,
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let processing_time = match row.processing_time_unit.as_str() {
        "working_hours" => format!("{:02} giờ làm việc", row.processing_time_value),
        "same_day" => "Trong ngày làm việc (nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)"
            .to_string(),
        _ => format!("{:02} ngày làm việc", row.processing_time_value),
    };
    let mut documents = vec![ReceivedDocument {
        name: format!("Tờ khai điện tử: {}", row.procedure_name),
        originals: 1,
        copies: 0,
        files: "Biểu mẫu điện tử".to_string(),
    }];
    documents.extend(received_documents(conn, row.id).await?);
    let body = one_stop_body(conn, row.agency_id).await?;
    Ok(Some(Content {
        dossier_id: row.id,
        tracking_url: format!("{}/tra-cuu?ma={}", config.public_base_url, row.code),
        code: row.code,
        pin: row.pin,
        applicant_name: row.full_name,
        citizen_id: row.citizen_id,
        phone: row.phone,
        email: row.email,
        representation: representation(&row.form_data),
        procedure_name: row.procedure_name,
        processing_time,
        online_level: row.online_level,
        channel: row.channel,
        submitted_at: row.submitted_at,
        due_at: row.due_at,
        documents,
        body,
    }))
}

/// Who filed for the applicant, when the answers say an authorised person
/// did (`eforms::representation`).
fn representation(answers: &serde_json::Value) -> Option<Representation> {
    let answer = |name: &str| {
        answers
            .get(name)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    (answer(FILED_BY) == BY_REPRESENTATIVE).then(|| Representation {
        representative: answer(REPRESENTATIVE_NAME),
        representative_citizen_id: answer(REPRESENTATIVE_CITIZEN_ID),
        applicant: answer(APPLICANT_NAME),
        authorisation: answer(AUTHORISATION_REFERENCE),
    })
}

/// Every document the dossier carries, one row each with the originals
/// and copies the procedure asks for and each file: uploaded for this
/// dossier, or taken from the applicant's wallet (a returned result, or a
/// file already attached to an earlier dossier or older than this one).
async fn received_documents(
    conn: &mut PgConnection,
    dossier_id: i64,
) -> sqlx::Result<Vec<ReceivedDocument>> {
    let files = sqlx::query!(
        r#"SELECT pd.id AS document_id, pd.name AS document_name, pd.originals, pd.copies,
                  f.original_name, f.size_bytes,
                  (f.kind = 'result' OR f.created_at < d.created_at
                   OR EXISTS (SELECT 1 FROM dossier_attachments o
                              WHERE o.file_id = f.id AND o.dossier_id <> a.dossier_id
                                AND o.attached_at < a.attached_at)) AS "from_wallet!"
           FROM dossier_attachments a
           JOIN dossiers d ON d.id = a.dossier_id
           JOIN procedure_documents pd ON pd.id = a.document_id
           JOIN stored_files f ON f.id = a.file_id
           WHERE a.dossier_id = $1
           ORDER BY pd.position, a.attached_at, f.id"#,
        dossier_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut rows: Vec<(i64, ReceivedDocument)> = Vec::new();
    for file in files {
        let described = format!(
            "{} ({}), {}",
            file.original_name,
            app::filing::store::megabytes(file.size_bytes),
            if file.from_wallet {
                "lấy từ kho dữ liệu"
            } else {
                "tải lên"
            }
        );
        match rows.last_mut() {
            Some((id, document)) if *id == file.document_id => {
                document.files = format!("{}; {described}", document.files);
            }
            _ => rows.push((
                file.document_id,
                ReceivedDocument {
                    name: file.document_name,
                    originals: file.originals,
                    copies: file.copies,
                    files: described,
                },
            )),
        }
    }
    Ok(rows.into_iter().map(|(_, document)| document).collect())
}

impl Content {
    /// "trực tuyến", "trực tiếp", "qua dịch vụ bưu chính".
    pub fn channel_words(&self) -> &'static str {
        match self.channel.as_str() {
            "online" => "trực tuyến",
            "post" => "qua dịch vụ bưu chính",
            _ => "trực tiếp",
        }
    }

    /// How and where the result comes back: online into the applicant's
    /// document wallet for a fully online procedure, otherwise at the
    /// one-stop unit that received it.
    pub fn return_at(&self) -> String {
        let desk = match &self.body.address {
            Some(address) => format!("{}, {address}", self.body.name),
            None => self.body.name.clone(),
        };
        if self.online_level == "full" {
            format!(
                "trực tuyến, kết quả điện tử được gửi vào kho dữ liệu (Giấy tờ của tôi) của Ông/Bà trên Cổng dịch vụ công; hoặc trực tiếp tại {desk}."
            )
        } else {
            format!("trực tiếp tại {desk}.")
        }
    }

    /// The slip as printed from this content; `acceptance` is `None` for
    /// the acknowledgement.
    pub fn slip<'a>(
        &'a self,
        acceptance: Option<Acceptance<'a>>,
        place: &'a str,
    ) -> ReceiptSlip<'a> {
        ReceiptSlip {
            issuer: self.body.issuer(),
            unit_name: &self.body.name,
            place,
            code: &self.code,
            pin: &self.pin,
            applicant_name: &self.applicant_name,
            applicant_citizen_id: self.citizen_id.as_deref(),
            applicant_phone: self.phone.as_deref(),
            applicant_email: self.email.as_deref(),
            representation: self.representation.as_ref(),
            procedure_name: &self.procedure_name,
            submitted_at: self.submitted_at,
            channel: self.channel_words(),
            documents: &self.documents,
            dossier_count: 1,
            tracking_url: &self.tracking_url,
            acceptance,
        }
    }
}
