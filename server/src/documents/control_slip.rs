//! Slip 06: phiếu kiểm soát quá trình giải quyết hồ sơ — every hand-over of
//! the dossier, who did it, when, in which workflow step, and whether it
//! was within that step's time.

use super::layout::{Align, Column, Document, DocumentError, Style};
use chrono::NaiveDate;

/// One step of the dossier's way.
pub struct Step {
    /// `HH:MM dd/mm/yyyy`.
    pub at: String,
    /// The workflow step it happened in ("Thẩm định hồ sơ, …"); empty for
    /// the applicant's own steps.
    pub step: String,
    /// "Tiếp nhận → Đã tiếp nhận".
    pub what: String,
    pub by: String,
    /// When that step was due, `HH:MM dd/mm/yyyy`.
    pub step_due: String,
    /// "Đúng hạn" / "Quá hạn" against the step's due moment.
    pub timeliness: String,
    pub note: String,
}

pub struct ControlSlip<'a> {
    pub agency_name: &'a str,
    pub place: &'a str,
    pub issued_on: NaiveDate,
    pub code: &'a str,
    pub applicant_name: &'a str,
    pub procedure_name: &'a str,
    pub received_at: &'a str,
    pub due: &'a str,
    pub steps: &'a [Step],
}

pub fn render(slip: &ControlSlip<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new("Phiếu kiểm soát quá trình giải quyết hồ sơ", slip.issued_on);
    super::letterhead::letterhead(
        &mut doc,
        slip.agency_name,
        slip.code,
        slip.place,
        slip.issued_on,
    );
    doc.text("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", Style::TITLE);
    doc.gap(2.0);
    doc.text(&format!("Mã hồ sơ: {}", slip.code), Style::BODY.bold());
    doc.text(&format!("Người nộp: {}", slip.applicant_name), Style::BODY);
    doc.text(&format!("Thủ tục: {}", slip.procedure_name), Style::BODY);
    doc.text(&format!("Ngày nộp: {}", slip.received_at), Style::BODY);
    doc.text(&format!("Hẹn trả kết quả: {}", slip.due), Style::BODY);
    // The workflow step and its due moment share a column, so the action
    // keeps its own words on one line.
    let steps: Vec<String> = slip
        .steps
        .iter()
        .map(|step| match (step.step.as_str(), step.step_due.as_str()) {
            ("", _) => String::new(),
            (name, "") => name.to_string(),
            (name, due) => format!("{name} (hạn {due})"),
        })
        .collect();
    let rows: Vec<Vec<&str>> = slip
        .steps
        .iter()
        .zip(&steps)
        .map(|(step, workflow_step)| {
            vec![
                step.at.as_str(),
                step.what.as_str(),
                step.by.as_str(),
                workflow_step.as_str(),
                step.timeliness.as_str(),
                step.note.as_str(),
            ]
        })
        .collect();
    doc.table(
        &[
            Column {
                header: "Thời gian",
                width: 0.15,
                align: Align::Left,
            },
            Column {
                header: "Thao tác",
                width: 0.24,
                align: Align::Left,
            },
            Column {
                header: "Người thực hiện",
                width: 0.16,
                align: Align::Left,
            },
            Column {
                header: "Bước, hạn",
                width: 0.21,
                align: Align::Left,
            },
            Column {
                header: "Tiến độ",
                width: 0.1,
                align: Align::Center,
            },
            Column {
                header: "Ghi chú",
                width: 0.14,
                align: Align::Left,
            },
        ],
        &rows,
        0,
    );
    doc.finish()
}
