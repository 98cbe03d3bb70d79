//! Register 07: sổ theo dõi hồ sơ — every dossier an agency's one-stop desk
//! received in a period, with its dates and how it ended, one line each.

use super::layout::{Align, Column, Document, DocumentError, Style};
use chrono::NaiveDate;

/// One dossier's line.
pub struct RegisterLine {
    pub code: String,
    pub procedure: String,
    /// Name, then phone when known.
    pub applicant: String,
    /// `dd/mm/yyyy`.
    pub received_on: String,
    pub due_on: String,
    /// The day the result was returned (or the dossier otherwise ended),
    /// and how: "02/12/2026 — Đã trả kết quả (quá hạn)", or the state it
    /// is in now.
    pub outcome: String,
}

pub struct Register<'a> {
    pub agency_name: &'a str,
    pub place: &'a str,
    /// The last day of the period: the register is drawn up as of then.
    pub issued_on: NaiveDate,
    /// `dd/mm/yyyy`.
    pub from: &'a str,
    pub to: &'a str,
    pub lines: &'a [RegisterLine],
}

/// Registers print at 9 pt so a dossier code and a date fit their columns
/// on a portrait page.
const REGISTER_SIZE: f32 = 9.0;

pub fn render(register: &Register<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new("Sổ theo dõi hồ sơ", register.issued_on);
    let number = format!("{}/STD", register.issued_on.format("%Y"));
    super::letterhead::letterhead(
        &mut doc,
        register.agency_name,
        &number,
        register.place,
        register.issued_on,
    );
    doc.text("SỔ THEO DÕI HỒ SƠ", Style::TITLE);
    doc.text(
        &format!("Từ ngày {} đến ngày {}", register.from, register.to),
        Style::BODY.centered(),
    );
    doc.text(
        &format!("Tổng số hồ sơ tiếp nhận: {}", register.lines.len()),
        Style::BODY.centered(),
    );
    doc.gap(2.0);
    let numbers: Vec<String> = (1..=register.lines.len()).map(|n| n.to_string()).collect();
    let dates: Vec<String> = register
        .lines
        .iter()
        .map(|line| format!("{}\n{}", line.received_on, line.due_on))
        .collect();
    let rows: Vec<Vec<&str>> = register
        .lines
        .iter()
        .zip(numbers.iter().zip(&dates))
        .map(|(line, (number, dates))| {
            vec![
                number.as_str(),
                line.code.as_str(),
                line.procedure.as_str(),
                line.applicant.as_str(),
                dates.as_str(),
                line.outcome.as_str(),
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
            column("STT", 0.06, Align::Center),
            column("Mã hồ sơ", 0.27, Align::Left),
            column("Tên thủ tục hành chính", 0.19, Align::Left),
            column("Tổ chức, cá nhân", 0.17, Align::Left),
            column("Ngày nhận, ngày hẹn trả", 0.14, Align::Center),
            column("Kết quả, ghi chú", 0.17, Align::Left),
        ],
        &rows,
        0,
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
