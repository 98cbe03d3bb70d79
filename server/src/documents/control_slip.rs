//! Slip 06: phiếu kiểm soát quá trình giải quyết hồ sơ (Circular 03/2025)
//! — one line per hand-over of the dossier: who gave it and who received
//! it (person and unit), when, the workflow step with its deadline, whether
//! the step was done early, on time or late, and a column for each of the
//! two to sign. Landscape, as a table this wide is allowed to be (Decree
//! 30/2020, appendix I).

use super::layout::{Align, Column, Document, DocumentError, Orientation, Style};
use super::letterhead::{heading, Issuer};
use chrono::NaiveDate;

/// One hand-over.
pub struct HandOver {
    /// "Tiếp nhận → Đã tiếp nhận".
    pub what: String,
    /// Person, then unit, on two lines.
    pub giver: String,
    pub receiver: String,
    /// `HH:MM dd/mm/yyyy`.
    pub at: String,
    /// The workflow step and its deadline ("Thẩm định hồ sơ\nhạn 17:00
    /// 08/12/2026"); empty for the applicant's own steps.
    pub step: String,
    /// "Trước hạn", "Đúng hạn", "Quá hạn" or empty.
    pub timeliness: String,
    pub note: String,
}

pub struct ControlSlip<'a> {
    pub issuer: Issuer<'a>,
    pub place: &'a str,
    pub issued_on: NaiveDate,
    pub code: &'a str,
    pub applicant_name: &'a str,
    pub procedure_name: &'a str,
    /// The agency that decides the dossier.
    pub processing_agency: &'a str,
    /// When the one-stop unit accepted it, `HH:MM dd/mm/yyyy`, or empty.
    pub accepted_at: &'a str,
    pub due: &'a str,
    pub hand_overs: &'a [HandOver],
}

pub const TITLE: &str = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";

/// Hand-over rows print at 10 pt so nine columns fit a landscape page.
const TABLE_SIZE: f32 = 10.0;

pub fn render(slip: &ControlSlip<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::oriented(
        "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        slip.issued_on,
        Orientation::Landscape,
    );
    heading(&mut doc, &slip.issuer, None, slip.place, slip.issued_on);
    doc.text(TITLE, Style::TITLE);
    doc.text(
        &format!("Mã hồ sơ: {}", slip.code),
        Style::BODY.bold().centered(),
    );
    doc.text(
        "(Kèm theo hồ sơ của tổ chức, cá nhân)",
        Style::BODY.italic().centered(),
    );
    doc.gap(1.0);
    let facts = [
        ("Tổ chức, cá nhân nộp hồ sơ", slip.applicant_name),
        ("Thủ tục hành chính", slip.procedure_name),
        ("Cơ quan giải quyết hồ sơ", slip.processing_agency),
        ("Thời gian tiếp nhận hồ sơ", slip.accepted_at),
        ("Thời hạn trả kết quả", slip.due),
    ];
    for (label, value) in facts {
        if !value.is_empty() {
            doc.text(&format!("{label}: {value}"), Style::BODY);
        }
    }
    doc.gap(1.0);
    let numbers: Vec<String> = (1..=slip.hand_overs.len()).map(|n| n.to_string()).collect();
    let rows: Vec<Vec<&str>> = slip
        .hand_overs
        .iter()
        .zip(&numbers)
        .map(|(hand_over, number)| {
            vec![
                number.as_str(),
                hand_over.what.as_str(),
                hand_over.giver.as_str(),
                hand_over.receiver.as_str(),
                hand_over.at.as_str(),
                hand_over.step.as_str(),
                hand_over.timeliness.as_str(),
                "",
                "",
                hand_over.note.as_str(),
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
            column("Nội dung giao, nhận", 0.13, Align::Left),
            column("Bên giao (người, đơn vị)", 0.14, Align::Left),
            column("Bên nhận (người, đơn vị)", 0.14, Align::Left),
            column("Thời gian giao, nhận", 0.09, Align::Center),
            column("Bước xử lý, thời hạn", 0.14, Align::Left),
            column(
                "Kết quả (trước hạn, đúng hạn, quá hạn)",
                0.09,
                Align::Center,
            ),
            column("Người giao ký", 0.07, Align::Center),
            column("Người nhận ký", 0.07, Align::Center),
            column("Ghi chú", 0.09, Align::Left),
        ],
        &rows,
        2,
        TABLE_SIZE,
    );
    doc.finish()
}
