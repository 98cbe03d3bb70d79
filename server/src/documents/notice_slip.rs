//! Slips 02–05: what the agency tells the applicant when their dossier
//! cannot go on as planned — a request to supplement (02), a refusal (03),
//! an apology with a new appointment date (04), a notice that processing
//! stops (05). One layout, the wording of Circular 03/2025's templates.
//!
//! A slip is rendered from one history entry (its time, note and officer),
//! so downloading it again later gives the same document.

use super::layout::{Band, Document, DocumentError, Style};
use super::letterhead::Issuer;
use super::moments::moment;
use super::signature_block;
pub use app::dossiers::notice_slips::NoticeKind;
use chrono::{NaiveDate, NaiveDateTime};

pub struct NoticeSlip<'a> {
    pub kind: NoticeKind,
    /// Who issues it: the one-stop unit (02, 03, 05) or the processing
    /// agency (04), under its governing authority.
    pub issuer: Issuer<'a>,
    /// Its number in the issuer's register; `None` for a slip issued
    /// before slips were numbered.
    pub number: Option<&'a str>,
    /// The issuer's name, as the text names it.
    pub agency_name: &'a str,
    pub place: &'a str,
    /// The day of the step the slip records.
    pub issued_on: NaiveDate,
    pub code: &'a str,
    pub applicant_name: &'a str,
    pub procedure_name: &'a str,
    /// When the dossier was submitted (Vietnam time).
    pub received_at: NaiveDateTime,
    /// What is missing, why it is refused, why it is late, why it stops.
    pub reason: &'a str,
    /// The official who took the step.
    pub officer: &'a str,
    /// Slip 04: the appointment that was missed and the new one (Vietnam
    /// time).
    pub missed_due: Option<NaiveDateTime>,
    pub new_due: Option<NaiveDateTime>,
    /// The agency's telephone, for questions.
    pub agency_phone: Option<&'a str>,
    /// Slip 04: issued after the missed appointment had passed, which the
    /// slip then says.
    pub overdue: bool,
    /// Slip 04: issued later than the last working day before the
    /// appointment (the rule's time limit) though not yet overdue, which
    /// the slip also says.
    pub late_notice: bool,
    /// Slip 02: where the applicant sends the supplement.
    pub dossier_url: &'a str,
    /// Signed with the issuer's certificate (documents/signing).
    pub signed: bool,
}

pub fn render(slip: &NoticeSlip<'_>) -> Result<Vec<u8>, DocumentError> {
    let title = slip.kind.title();
    let mut doc = Document::new(&title.to_lowercase(), slip.issued_on);
    super::letterhead::heading(
        &mut doc,
        &slip.issuer,
        slip.number,
        slip.place,
        slip.issued_on,
    );
    doc.text(title, Style::TITLE);
    doc.gap(2.0);
    doc.text(&format!("Mã hồ sơ: {}", slip.code), Style::BODY.bold());
    let paragraph = Style::BODY.justified().indent(10.0);
    let agency = slip.agency_name;
    doc.text(
        &format!(
            "Vào lúc {}, {agency} tiếp nhận hồ sơ của Ông/Bà {} về việc: {}.",
            moment(slip.received_at),
            slip.applicant_name,
            slip.procedure_name
        ),
        paragraph,
    );
    match slip.kind {
        NoticeKind::Supplement => {
            doc.text(
                "Qua xem xét, hồ sơ của Ông/Bà chưa đủ điều kiện để giải quyết. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
                paragraph,
            );
            doc.text(slip.reason, paragraph.bold());
            doc.text(
                "Ông/Bà gửi phần bổ sung trực tuyến tại địa chỉ dưới đây hoặc nộp tại Bộ phận Một cửa. Thời gian chờ bổ sung không tính vào thời hạn giải quyết hồ sơ.",
                paragraph,
            );
            // On a line of its own, not justified: a long address would
            // otherwise stretch the spaces of the whole line.
            doc.text(slip.dossier_url, Style::BODY.indent(10.0));
            doc.text(
                &format!(
                    "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ {} để được hướng dẫn.",
                    slip.officer
                ),
                paragraph,
            );
        }
        NoticeKind::Refusal => {
            doc.text(
                &format!("Qua nghiên cứu, xem xét hồ sơ, {agency} thông báo từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"),
                paragraph,
            );
            doc.text(slip.reason, paragraph.bold());
            doc.text("Xin thông báo để Ông/Bà được biết và thực hiện.", paragraph);
        }
        NoticeKind::Apology => {
            let situation = if slip.overdue {
                format!(
                    "Thời hạn trả kết quả giải quyết hồ sơ đã hẹn là {}. Đến nay hồ sơ đã quá hạn giải quyết, {agency} chưa trả kết quả cho Ông/Bà đúng hẹn.",
                    due_text(slip.missed_due)
                )
            } else {
                format!(
                    "Thời hạn trả kết quả giải quyết hồ sơ đã hẹn là {}. {agency} không thể trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn.",
                    due_text(slip.missed_due)
                )
            };
            doc.text(&situation, paragraph);
            if slip.late_notice {
                doc.text(
                    "Văn bản này được gửi sau thời hạn quy định (chậm nhất 01 ngày làm việc trước ngày hẹn trả kết quả).",
                    paragraph,
                );
            }
            doc.text(&format!("Lý do: {}", slip.reason), paragraph.bold());
            doc.text(
                &format!(
                    "Sự chậm trễ này gây phiền hà cho Ông/Bà. {agency} xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào lúc {}.",
                    due_text(slip.new_due)
                ),
                paragraph,
            );
        }
        NoticeKind::Stop => {
            doc.text(
                &format!("{agency} thông báo dừng giải quyết hồ sơ nêu trên với lý do như sau:"),
                paragraph,
            );
            doc.text(slip.reason, paragraph.bold());
            doc.text("Xin thông báo để Ông/Bà được biết và thực hiện.", paragraph);
        }
    }
    if let Some(phone) = slip.agency_phone {
        doc.text(
            &format!("Mọi thắc mắc, Ông/Bà liên hệ {agency}, điện thoại {phone}."),
            paragraph,
        );
    }
    doc.gap(6.0);
    // Reception signs what the one-stop unit decides at the counter; the
    // agency's leader signs the apology (slip 04), the agency the stop.
    let signer = match slip.kind {
        NoticeKind::Supplement | NoticeKind::Refusal => "NGƯỜI TIẾP NHẬN HỒ SƠ",
        NoticeKind::Apology => "LÃNH ĐẠO CƠ QUAN",
        NoticeKind::Stop => "ĐẠI DIỆN CƠ QUAN",
    };
    doc.stacks(&[signature_block::block(
        Band::RIGHT_HALF,
        signer,
        signature_block::how(slip.signed),
        slip.officer,
    )]);
    doc.finish()
}

/// An appointment as the slip writes it, or a blank to fill by hand.
fn due_text(due: Option<NaiveDateTime>) -> String {
    due.map_or_else(|| "…".to_string(), moment)
}
