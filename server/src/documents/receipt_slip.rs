//! Slip 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 03/2025),
//! issued by the one-stop unit when it accepts the dossier: its number in
//! the unit's register, every document received, the number of dossiers,
//! when it was accepted (the appointment counts from then), when and where
//! the result is returned, and the applicant's and the receiving officer's
//! signatures.
//!
//! Before acceptance the applicant of an online dossier gets a submission
//! acknowledgement instead: another title, no number and no appointment.

use super::layout::{Align, Band, Column, Document, DocumentError, Style};
use super::letterhead::{heading, Issuer};
use super::moments::moment;
use super::signature_block::{block, how, BY_HAND};
use chrono::{NaiveDate, NaiveDateTime};

/// One document received: its name, how many originals and copies the
/// procedure asks for, and the files that carry it.
pub struct ReceivedDocument {
    pub name: String,
    pub originals: i32,
    pub copies: i32,
    /// "giay-chung-sinh.pdf (1 KB), tải lên; …".
    pub files: String,
}

/// What the one-stop unit promised when it accepted the dossier.
pub struct Acceptance<'a> {
    /// "Số: …" as the unit's register gave it.
    pub number: &'a str,
    /// When the unit accepted it (Vietnam time).
    pub accepted_at: NaiveDateTime,
    /// "05 ngày làm việc".
    pub processing_time: &'a str,
    pub due: NaiveDateTime,
    /// How and where the result is handed back.
    pub return_at: &'a str,
    /// The officer who accepted it.
    pub officer: &'a str,
    /// Signed with the one-stop unit's certificate (documents/signing): the
    /// officer's block says "(Ký điện tử)".
    pub signed: bool,
}

/// A dossier filed by a person the applicant authorised (ủy quyền), as its
/// answers say.
pub struct Representation {
    pub representative: String,
    pub representative_citizen_id: String,
    /// The applicant named in the form.
    pub applicant: String,
    /// The authorisation document: number, date, where certified.
    pub authorisation: String,
}

pub struct ReceiptSlip<'a> {
    pub issuer: Issuer<'a>,
    /// The one-stop unit's full name, as the text names it.
    pub unit_name: &'a str,
    /// Where the slip is issued ("Quảng Ninh").
    pub place: &'a str,
    pub code: &'a str,
    pub pin: &'a str,
    pub applicant_name: &'a str,
    pub applicant_citizen_id: Option<&'a str>,
    pub applicant_phone: Option<&'a str>,
    pub applicant_email: Option<&'a str>,
    /// Filed by an authorised person: who, for whom, under which
    /// authorisation.
    pub representation: Option<&'a Representation>,
    pub procedure_name: &'a str,
    /// When the dossier was filed (Vietnam time) and how ("trực tuyến").
    pub submitted_at: NaiveDateTime,
    pub channel: &'a str,
    pub documents: &'a [ReceivedDocument],
    /// Sets of documents (bộ hồ sơ) received.
    pub dossier_count: u32,
    pub tracking_url: &'a str,
    /// `None`: not yet accepted, an acknowledgement only.
    pub acceptance: Option<Acceptance<'a>>,
}

pub const TITLE: &str = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
pub const ACKNOWLEDGEMENT_TITLE: &str = "GIẤY XÁC NHẬN ĐÃ NỘP HỒ SƠ TRỰC TUYẾN";

pub fn render(slip: &ReceiptSlip<'_>) -> Result<Vec<u8>, DocumentError> {
    let (title, issued_on): (&str, NaiveDate) = match &slip.acceptance {
        Some(acceptance) => (TITLE, acceptance.accepted_at.date()),
        None => (ACKNOWLEDGEMENT_TITLE, slip.submitted_at.date()),
    };
    let mut doc = Document::new(&title.to_lowercase(), issued_on);
    let number = slip.acceptance.as_ref().map(|a| a.number);
    heading(&mut doc, &slip.issuer, number, slip.place, issued_on);
    doc.text(title, Style::TITLE);
    doc.text(
        &format!("Mã hồ sơ: {}", slip.code),
        Style::BODY.bold().centered(),
    );
    doc.gap(2.0);
    applicant(&mut doc, slip);
    doc.text("1. Thành phần hồ sơ nộp gồm:", Style::BODY);
    documents(&mut doc, slip.documents);
    doc.text(
        &format!("2. Số lượng hồ sơ: {:02} (bộ)", slip.dossier_count),
        Style::BODY,
    );
    match &slip.acceptance {
        Some(acceptance) => promised(&mut doc, slip, acceptance),
        None => acknowledged(&mut doc, slip),
    }
    doc.qr_code_beside(
        slip.tracking_url,
        24.0,
        &format!(
            "Mã tra cứu (PIN): {}. Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã PIN tại {} hoặc quét mã QR.",
            slip.pin, slip.tracking_url
        ),
        Style::BODY.size(12.0).spacing(1.3),
    )?;
    if let Some(acceptance) = &slip.acceptance {
        signatures(
            &mut doc,
            slip.applicant_name,
            acceptance.officer,
            acceptance.signed,
        );
    }
    doc.finish()
}

fn applicant(doc: &mut Document, slip: &ReceiptSlip<'_>) {
    doc.text(
        &format!("{} tiếp nhận hồ sơ của:", slip.unit_name),
        Style::BODY.justified().indent(10.0),
    );
    doc.text(&format!("Ông/Bà: {}", slip.applicant_name), Style::BODY);
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
    if let Some(by) = slip.representation {
        doc.text(
            &format!(
                "Người được ủy quyền nộp hồ sơ: {}, số định danh cá nhân {}, nộp thay cho {} theo văn bản ủy quyền: {}.",
                by.representative, by.representative_citizen_id, by.applicant, by.authorisation
            ),
            Style::BODY.justified(),
        );
    }
    doc.text(
        &format!("Nội dung yêu cầu giải quyết: {}", slip.procedure_name),
        Style::BODY,
    );
}

fn documents(doc: &mut Document, documents: &[ReceivedDocument]) {
    let numbers: Vec<String> = (1..=documents.len()).map(|n| n.to_string()).collect();
    let counts: Vec<(String, String)> = documents
        .iter()
        .map(|d| (count(d.originals), count(d.copies)))
        .collect();
    let rows: Vec<Vec<&str>> = documents
        .iter()
        .zip(numbers.iter().zip(&counts))
        .map(|(document, (number, (originals, copies)))| {
            vec![
                number.as_str(),
                document.name.as_str(),
                originals.as_str(),
                copies.as_str(),
                document.files.as_str(),
            ]
        })
        .collect();
    let column = |header, width, align| Column {
        header,
        width,
        align,
    };
    doc.table_sized(
        &[
            column("STT", 0.07, Align::Center),
            column("Tên giấy tờ", 0.39, Align::Left),
            column("Bản chính", 0.1, Align::Center),
            column("Bản sao", 0.1, Align::Center),
            column("Tệp đã nhận", 0.34, Align::Left),
        ],
        &rows,
        0,
        11.0,
    );
}

fn count(n: i32) -> String {
    if n > 0 {
        format!("{n:02}")
    } else {
        String::new()
    }
}

fn promised(doc: &mut Document, slip: &ReceiptSlip<'_>, acceptance: &Acceptance<'_>) {
    doc.text(
        &format!(
            "3. Thời gian giải quyết hồ sơ theo quy định: {}",
            acceptance.processing_time
        ),
        Style::BODY,
    );
    doc.text(
        &format!(
            "4. Thời gian nhận hồ sơ: {} (hồ sơ nộp {} lúc {}). Thời hạn giải quyết được tính từ thời điểm này.",
            moment(acceptance.accepted_at),
            slip.channel,
            moment(slip.submitted_at)
        ),
        Style::BODY.justified(),
    );
    doc.text(
        &format!(
            "5. Thời gian trả kết quả giải quyết hồ sơ: {}",
            moment(acceptance.due)
        ),
        Style::BODY.bold(),
    );
    doc.text(
        &format!("6. Nhận kết quả: {}", acceptance.return_at),
        Style::BODY.justified(),
    );
}

fn acknowledged(doc: &mut Document, slip: &ReceiptSlip<'_>) {
    doc.text(
        &format!(
            "3. Thời gian nộp hồ sơ: {} (hình thức nộp: {}).",
            moment(slip.submitted_at),
            slip.channel
        ),
        Style::BODY,
    );
    doc.text(
        "Hồ sơ đang chờ Bộ phận Một cửa kiểm tra. Giấy này chỉ xác nhận hồ sơ đã được gửi đến; hồ sơ chưa được tiếp nhận. Thời hạn giải quyết được tính từ khi hồ sơ được tiếp nhận, và ngày hẹn trả kết quả được ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả gửi đến Ông/Bà khi đó.",
        Style::BODY.justified().indent(10.0),
    );
}

fn signatures(doc: &mut Document, applicant: &str, officer: &str, signed: bool) {
    doc.gap(2.0);
    doc.stacks(&[
        block(Band::LEFT_HALF, "NGƯỜI NỘP HỒ SƠ", BY_HAND, applicant),
        block(
            Band::RIGHT_HALF,
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            how(signed),
            officer,
        ),
    ]);
}
