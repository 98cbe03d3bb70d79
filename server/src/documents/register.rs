//! Register 07: sổ theo dõi hồ sơ (Circular 03/2025) — every dossier the
//! one-stop unit accepted for an agency in a period, one line each: its
//! code (and slip 01's number), the applicant, the procedure, when it was
//! received, the legal appointment and the extended one beside it, where
//! it was transferred for processing, when the result was returned, and a
//! column for the applicant's signature on collecting it. Landscape, as a
//! table this wide is allowed to be (Decree 30/2020, appendix I).

use super::layout::{Align, Column, Document, DocumentError, Orientation, Style};
use super::letterhead::{heading, Issuer};
use chrono::NaiveDate;

/// One dossier's line.
pub struct RegisterLine {
    pub code: String,
    /// Slip 01's number ("07/TNHS-TTPVHCC"), when it was numbered.
    pub receipt_number: Option<String>,
    /// Name, then phone when known.
    pub applicant: String,
    pub procedure: String,
    /// `HH:MM dd/mm/yyyy`: when the unit accepted it.
    pub received: String,
    /// The appointment set at acceptance (moved only by supplement pauses).
    pub legal_due: String,
    /// The appointment after an apology (slip 04), if it differs.
    pub extended_due: String,
    /// The agency (and specialist) it went to, and when.
    pub transferred: String,
    /// When and how the result was returned; or how the dossier ended, or
    /// where it is now.
    pub returned: String,
}

pub struct Register<'a> {
    pub issuer: Issuer<'a>,
    /// The agency whose dossiers these are.
    pub agency_name: &'a str,
    pub place: &'a str,
    /// The last day of the period: the register is drawn up as of then.
    pub issued_on: NaiveDate,
    /// `dd/mm/yyyy`.
    pub from: &'a str,
    pub to: &'a str,
    pub lines: &'a [RegisterLine],
}

pub const TITLE: &str = "SỔ THEO DÕI HỒ SƠ";

/// Registers print at 9 pt so ten columns fit a landscape page.
const REGISTER_SIZE: f32 = 9.0;

pub fn render(register: &Register<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::oriented(
        "Sổ theo dõi hồ sơ",
        register.issued_on,
        Orientation::Landscape,
    );
    heading(
        &mut doc,
        &register.issuer,
        None,
        register.place,
        register.issued_on,
    );
    doc.text(TITLE, Style::TITLE);
    doc.text(
        &format!(
            "Cơ quan giải quyết: {} — từ ngày {} đến ngày {}",
            register.agency_name, register.from, register.to
        ),
        Style::BODY.centered(),
    );
    doc.text(
        &format!("Tổng số hồ sơ tiếp nhận: {}", register.lines.len()),
        Style::BODY.centered(),
    );
    doc.gap(2.0);
    let numbers: Vec<String> = (1..=register.lines.len()).map(|n| n.to_string()).collect();
    let codes: Vec<String> = register
        .lines
        .iter()
        .map(|line| match &line.receipt_number {
            Some(number) => format!("{}\nSố: {number}", line.code),
            None => line.code.clone(),
        })
        .collect();
    let rows: Vec<Vec<&str>> = register
        .lines
        .iter()
        .zip(numbers.iter().zip(&codes))
        .map(|(line, (number, code))| {
            vec![
                number.as_str(),
                code.as_str(),
                line.applicant.as_str(),
                line.procedure.as_str(),
                line.received.as_str(),
                line.legal_due.as_str(),
                line.extended_due.as_str(),
                line.transferred.as_str(),
                line.returned.as_str(),
                "",
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
            column("STT", 0.04, Align::Center),
            column("Mã hồ sơ, số giấy tiếp nhận", 0.17, Align::Left),
            column("Tổ chức, cá nhân", 0.12, Align::Left),
            column("Tên thủ tục hành chính", 0.13, Align::Left),
            column("Nhận hồ sơ", 0.08, Align::Center),
            column("Hẹn trả theo quy định", 0.08, Align::Center),
            column("Hẹn lại (gia hạn)", 0.08, Align::Center),
            column("Chuyển hồ sơ đến", 0.12, Align::Left),
            column("Trả kết quả", 0.11, Align::Left),
            column("Ký nhận", 0.07, Align::Center),
        ],
        &rows,
        2,
        REGISTER_SIZE,
    );
    if register.lines.is_empty() {
        doc.text(
            "Không có hồ sơ nào được tiếp nhận trong kỳ.",
            Style::BODY.centered(),
        );
    }
    doc.finish()
}
