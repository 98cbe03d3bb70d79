//! Slips 02–05: the written notices some steps issue to the applicant. Each
//! is printed from the history entry of its step, so the timeline links to
//! it and it reads the same whenever it is downloaded.

use super::Action;
use crate::i18n::Lang;
use crate::paths;

/// Which notice a step issues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// 02: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.
    Supplement,
    /// 03: phiếu từ chối tiếp nhận giải quyết hồ sơ.
    Refusal,
    /// 04: văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết
    /// (Circular 03/2025).
    Apology,
    /// 05: thông báo dừng giải quyết hồ sơ.
    Stop,
}

impl NoticeKind {
    /// The notice `action` issues, or `None`.
    pub fn of(action: Action) -> Option<NoticeKind> {
        match action {
            Action::RequestSupplement => Some(NoticeKind::Supplement),
            Action::Refuse => Some(NoticeKind::Refusal),
            Action::Extend => Some(NoticeKind::Apology),
            Action::Stop => Some(NoticeKind::Stop),
            _ => None,
        }
    }

    /// The heading printed on the slip (always Vietnamese: it is the
    /// official document).
    pub fn title(self) -> &'static str {
        match self {
            NoticeKind::Supplement => "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            NoticeKind::Refusal => "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            NoticeKind::Apology => "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
            NoticeKind::Stop => "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        }
    }

    /// The words of the timeline's download link.
    pub fn link_label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NoticeKind::Supplement, Lang::Vi) => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)",
            (NoticeKind::Refusal, Lang::Vi) => "Phiếu từ chối tiếp nhận giải quyết hồ sơ (PDF)",
            (NoticeKind::Apology, Lang::Vi) => {
                "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (PDF)"
            }
            (NoticeKind::Stop, Lang::Vi) => "Thông báo dừng giải quyết hồ sơ (PDF)",
            (NoticeKind::Supplement, Lang::En) => "Request to complete the dossier (PDF)",
            (NoticeKind::Refusal, Lang::En) => "Refusal to accept the dossier (PDF)",
            (NoticeKind::Apology, Lang::En) => "Apology and request for more time (PDF)",
            (NoticeKind::Stop, Lang::En) => "Notice that processing stops (PDF)",
        }
    }

    /// The downloaded file's name stem ("phieu-yeu-cau-bo-sung").
    pub fn file_stem(self) -> &'static str {
        match self {
            NoticeKind::Supplement => "phieu-yeu-cau-bo-sung",
            NoticeKind::Refusal => "phieu-tu-choi",
            NoticeKind::Apology => "van-ban-xin-loi",
            NoticeKind::Stop => "thong-bao-dung-giai-quyet",
        }
    }
}

/// Where the slip of history entry `entry` is downloaded.
pub fn notice_slip_url(code: &str, entry: i64) -> String {
    paths::notice_slip(code, entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_the_four_notice_steps_issue_a_slip() {
        let issuing: Vec<Action> = Action::ALL
            .into_iter()
            .filter(|action| NoticeKind::of(*action).is_some())
            .collect();
        assert_eq!(
            issuing,
            [
                Action::RequestSupplement,
                Action::Refuse,
                Action::Extend,
                Action::Stop
            ]
        );
    }
}
