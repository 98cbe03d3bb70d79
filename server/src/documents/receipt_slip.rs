//! Slip 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 03/2025
//! numbering). Until the one-stop officer accepts an online dossier, the
//! same layout is issued as an electronic submission acknowledgement and
//! says so; the official slip follows acceptance.

use super::layout::{Align, Column, Document, DocumentError, Style};
use chrono::NaiveDate;

/// What slip 01 states.
pub struct ReceiptSlip<'a> {
    pub agency_name: &'a str,
    /// Where the slip is issued ("Quảng Ninh").
    pub place: &'a str,
    pub issued_on: NaiveDate,
    pub code: &'a str,
    pub pin: &'a str,
    pub applicant_name: &'a str,
    pub applicant_citizen_id: Option<&'a str>,
    pub applicant_phone: Option<&'a str>,
    pub applicant_email: Option<&'a str>,
    pub procedure_name: &'a str,
    /// `HH:MM ngày dd/mm/yyyy`.
    pub received_at: &'a str,
    pub channel: &'a str,
    /// Document name and how many.
    pub documents: &'a [(String, String)],
    /// "01 ngày làm việc".
    pub processing_time: &'a str,
    /// `17:00 ngày dd/mm/yyyy`.
    pub due: &'a str,
    pub tracking_url: &'a str,
    /// Not yet accepted by the one-stop officer.
    pub acknowledgement_only: bool,
}

pub fn render(slip: &ReceiptSlip<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", slip.issued_on);
    super::letterhead::letterhead(
        &mut doc,
        slip.agency_name,
        slip.code,
        slip.place,
        slip.issued_on,
    );
    doc.text("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", Style::TITLE);
    if slip.acknowledgement_only {
        doc.text(
            "(Xác nhận nộp hồ sơ điện tử — giấy tiếp nhận chính thức được cấp khi bộ phận một cửa tiếp nhận hồ sơ)",
            Style::NOTE.centered(),
        );
    }
    doc.gap(2.0);
    doc.text(&format!("Mã hồ sơ: {}", slip.code), Style::BODY.bold());
    doc.text(
        &format!(
            "{} tiếp nhận hồ sơ của: Ông/Bà {}",
            slip.agency_name, slip.applicant_name
        ),
        Style::BODY,
    );
    if let Some(id) = slip.applicant_citizen_id {
        doc.text(&format!("Số định danh cá nhân: {id}"), Style::BODY);
    }
    let contact = [
        slip.applicant_phone
            .map(|phone| format!("Số điện thoại: {phone}")),
        slip.applicant_email.map(|email| format!("Email: {email}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("    ");
    if !contact.is_empty() {
        doc.text(&contact, Style::BODY);
    }
    doc.text(
        &format!("Nội dung yêu cầu giải quyết: {}", slip.procedure_name),
        Style::BODY,
    );
    doc.text(
        &format!(
            "Thời điểm nộp: {} — hình thức nộp: {}",
            slip.received_at, slip.channel
        ),
        Style::BODY,
    );
    doc.text("Thành phần hồ sơ:", Style::BODY.bold());
    let rows: Vec<Vec<&str>> = slip
        .documents
        .iter()
        .map(|(name, count)| vec![name.as_str(), count.as_str()])
        .collect();
    doc.table(
        &[
            Column {
                header: "Tên giấy tờ",
                width: 0.8,
                align: Align::Left,
            },
            Column {
                header: "Số lượng",
                width: 0.2,
                align: Align::Center,
            },
        ],
        &rows,
        0,
    );
    doc.text(
        &format!(
            "Thời gian giải quyết hồ sơ theo quy định: {}",
            slip.processing_time
        ),
        Style::BODY,
    );
    doc.text(
        &format!("Thời gian trả kết quả giải quyết hồ sơ: {}", slip.due),
        Style::BODY.bold(),
    );
    doc.text(
        &format!("Mã tra cứu (PIN): {}", slip.pin),
        Style::BODY.bold(),
    );
    doc.text(
        &format!(
            "Tra cứu tình trạng hồ sơ tại {} hoặc quét mã QR:",
            slip.tracking_url
        ),
        Style::BODY,
    );
    doc.gap(1.0);
    doc.qr_code(slip.tracking_url, 28.0)?;
    doc.finish()
}
