//! How an action went, and what the person is told when it did not go
//! through.

use super::apologise::APOLOGY_WINDOW_DAYS;
use app::dossiers::workflow::NotAllowedNow;
use app::dossiers::{Action, DossierStatus};
use app::i18n::Lang;

/// How it went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(DossierStatus),
    /// No such dossier.
    NotFound,
    /// Someone else's dossier: told exactly as [`Outcome::NotFound`], and
    /// audited.
    NotYours,
    /// They may see it but not do this.
    Forbidden,
    /// Someone changed it since it was shown.
    Changed,
    NotAllowed(NotAllowedNow),
    NoteMissing,
    /// `Assign` with no specialist chosen.
    NoAssigneeChosen,
    NotASpecialistHere,
    /// `Extend` without a readable date.
    NewDateMissing,
    /// `Extend` to a day not after the appointment in force.
    NewDateNotLater,
    /// `Extend` to a weekend or holiday.
    NewDateNotWorkingDay,
    /// `Return` while the dossier's fee is not paid.
    FeeUnpaid,
    /// A second supplement request by someone other than a leader.
    RepeatSupplementNeedsLeader,
    /// `Extend` on a dossier whose appointment is still far off.
    ApologyNotYetDue,
    /// `Return` at the counter without the name of who collected it.
    CollectorMissing,
    /// `Return` at the counter with an identity number that is not one.
    CollectorIdInvalid,
}

impl Outcome {
    /// What to tell the person when it did not go through.
    pub fn message(&self, action: Action, lang: Lang) -> Option<String> {
        let vi = lang == Lang::Vi;
        Some(match self {
            Outcome::Done(_) => return None,
            Outcome::NotFound | Outcome::NotYours | Outcome::Forbidden if vi => "Bạn không có quyền thực hiện thao tác này với hồ sơ.".into(),
            Outcome::NotFound | Outcome::NotYours | Outcome::Forbidden => "You may not do this to the dossier.".into(),
            Outcome::Changed if vi => "Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang để xem trạng thái mới nhất rồi thao tác lại.".into(),
            Outcome::Changed => "Someone else has just changed the dossier. Reload the page to see its latest state, then try again.".into(),
            Outcome::NotAllowed(refusal) => refusal.message(lang),
            Outcome::NoteMissing if vi => format!("Nhập lý do để “{}”.", action.label(lang)),
            Outcome::NoteMissing => format!("Enter the reason to “{}”.", action.label(lang)),
            Outcome::NoAssigneeChosen if vi => "Chưa chọn chuyên viên: hãy chọn người xử lý hồ sơ trong danh sách “Chuyên viên” rồi bấm “Phân công xử lý”.".into(),
            Outcome::NoAssigneeChosen => "No specialist chosen: choose who will process the dossier in the “Specialist” list, then press “Assign”.".into(),
            Outcome::NotASpecialistHere if vi => "Chọn một chuyên viên của cơ quan xử lý hồ sơ.".into(),
            Outcome::NotASpecialistHere => "Choose a specialist of the agency processing the dossier.".into(),
            Outcome::NewDateMissing if vi => "Nhập ngày hẹn trả kết quả mới, ví dụ 25/12/2026.".into(),
            Outcome::NewDateMissing => "Enter the new appointment date, for example 25/12/2026.".into(),
            Outcome::NewDateNotLater if vi => "Ngày hẹn mới phải sau ngày hẹn hiện tại.".into(),
            Outcome::NewDateNotLater => "The new date must be after the current appointment.".into(),
            Outcome::NewDateNotWorkingDay if vi => "Ngày hẹn mới phải là ngày làm việc (không phải thứ Bảy, Chủ nhật hay ngày lễ).".into(),
            Outcome::NewDateNotWorkingDay => "The new date must be a working day (not a weekend or a holiday).".into(),
            Outcome::FeeUnpaid if vi => "Hồ sơ chưa nộp phí, lệ phí: chỉ trả kết quả sau khi người nộp đã thanh toán (trực tuyến, hoặc thu tại quầy ở mục “Phí, lệ phí”).".into(),
            Outcome::FeeUnpaid => "The dossier's fee is not paid: the result can be returned once it is (online, or collected at the counter under “Fees”).".into(),
            Outcome::RepeatSupplementNeedsLeader if vi => "Hồ sơ đã được yêu cầu bổ sung một lần: cơ quan phải hướng dẫn một lần, đầy đủ. Yêu cầu bổ sung lần nữa do lãnh đạo cơ quan quyết định, kèm lý do.".into(),
            Outcome::RepeatSupplementNeedsLeader => "A supplement has already been asked for once: the agency must guide the applicant once and completely. Asking again is for a leader of the agency to decide, with a reason.".into(),
            Outcome::ApologyNotYetDue if vi => format!("Chỉ phát hành văn bản xin lỗi khi hồ sơ có nguy cơ quá hạn: ngày hẹn còn không quá {APOLOGY_WINDOW_DAYS} ngày làm việc, hoặc đã quá hạn."),
            Outcome::ApologyNotYetDue => format!("An apology is issued only when the dossier is at risk of being late: due within {APOLOGY_WINDOW_DAYS} working days, or overdue."),
            Outcome::CollectorMissing if vi => "Người nhận kết quả: nhập họ và tên người đến nhận (người yêu cầu hoặc người được ủy quyền).".into(),
            Outcome::CollectorMissing => "Collected by: enter the full name of the person collecting the result (the applicant or the person they authorised).".into(),
            Outcome::CollectorIdInvalid if vi => "Số định danh của người nhận: nhập đủ 12 chữ số, ví dụ 022190001234, hoặc để trống.".into(),
            Outcome::CollectorIdInvalid => "Identity number of the person collecting: enter all 12 digits, for example 022190001234, or leave it empty.".into(),
        })
    }
}
