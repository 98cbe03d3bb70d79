//! Slips 02–05: the written notices some steps issue to the applicant. Each
//! is printed from the history entry of its step, so the timeline links to
//! it and it reads the same whenever it is downloaded.

use super::Action;
use crate::i18n::Lang;

/// The slip `action` issues, by its official name, or `None`.
pub fn notice_slip_title(action: Action, lang: Lang) -> Option<&'static str> {
    Some(match (action, lang) {
        (Action::RequestSupplement, Lang::Vi) => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)",
        (Action::Refuse, Lang::Vi) => "Phiếu từ chối tiếp nhận giải quyết hồ sơ (PDF)",
        (Action::Extend, Lang::Vi) => "Văn bản xin lỗi và hẹn lại ngày trả kết quả (PDF)",
        (Action::Stop, Lang::Vi) => "Thông báo dừng giải quyết hồ sơ (PDF)",
        (Action::RequestSupplement, Lang::En) => "Request to complete the dossier (PDF)",
        (Action::Refuse, Lang::En) => "Refusal to accept the dossier (PDF)",
        (Action::Extend, Lang::En) => "Apology and new appointment date (PDF)",
        (Action::Stop, Lang::En) => "Notice that processing stops (PDF)",
        _ => return None,
    })
}

/// Where the slip of history entry `entry` is downloaded.
pub fn notice_slip_url(code: &str, entry: i64) -> String {
    format!("/ho-so/{code}/phieu/{entry}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_the_four_notice_steps_issue_a_slip_in_both_languages() {
        let issuing: Vec<Action> = Action::ALL
            .into_iter()
            .filter(|action| notice_slip_title(*action, Lang::Vi).is_some())
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
        assert!(issuing
            .iter()
            .all(|action| notice_slip_title(*action, Lang::En).is_some()));
    }
}
