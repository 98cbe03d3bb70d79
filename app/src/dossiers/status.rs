//! The states of a dossier and what citizens and officials read for each.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
pub enum DossierStatus {
    Draft,
    Submitted,
    Received,
    Processing,
    AwaitingSupplement,
    AwaitingApproval,
    ResultReady,
    Returned,
    Refused,
    Stopped,
    Withdrawn,
}

impl DossierStatus {
    pub const ALL: [DossierStatus; 11] = [
        DossierStatus::Draft,
        DossierStatus::Submitted,
        DossierStatus::Received,
        DossierStatus::Processing,
        DossierStatus::AwaitingSupplement,
        DossierStatus::AwaitingApproval,
        DossierStatus::ResultReady,
        DossierStatus::Returned,
        DossierStatus::Refused,
        DossierStatus::Stopped,
        DossierStatus::Withdrawn,
    ];

    /// The value stored in `dossiers.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            DossierStatus::Draft => "draft",
            DossierStatus::Submitted => "submitted",
            DossierStatus::Received => "received",
            DossierStatus::Processing => "processing",
            DossierStatus::AwaitingSupplement => "awaiting_supplement",
            DossierStatus::AwaitingApproval => "awaiting_approval",
            DossierStatus::ResultReady => "result_ready",
            DossierStatus::Returned => "returned",
            DossierStatus::Refused => "refused",
            DossierStatus::Stopped => "stopped",
            DossierStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<DossierStatus> {
        DossierStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    /// What the state is called on every screen and slip.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DossierStatus::Draft, Lang::Vi) => "Bản nháp",
            (DossierStatus::Submitted, Lang::Vi) => "Chờ tiếp nhận",
            (DossierStatus::Received, Lang::Vi) => "Đã tiếp nhận",
            (DossierStatus::Processing, Lang::Vi) => "Đang xử lý",
            (DossierStatus::AwaitingSupplement, Lang::Vi) => "Chờ bổ sung hồ sơ",
            (DossierStatus::AwaitingApproval, Lang::Vi) => "Chờ phê duyệt",
            (DossierStatus::ResultReady, Lang::Vi) => "Đã có kết quả",
            (DossierStatus::Returned, Lang::Vi) => "Đã trả kết quả",
            (DossierStatus::Refused, Lang::Vi) => "Từ chối tiếp nhận",
            (DossierStatus::Stopped, Lang::Vi) => "Dừng giải quyết",
            (DossierStatus::Withdrawn, Lang::Vi) => "Đã rút hồ sơ",
            (DossierStatus::Draft, Lang::En) => "Draft",
            (DossierStatus::Submitted, Lang::En) => "Awaiting reception",
            (DossierStatus::Received, Lang::En) => "Received",
            (DossierStatus::Processing, Lang::En) => "Being processed",
            (DossierStatus::AwaitingSupplement, Lang::En) => "Awaiting your supplement",
            (DossierStatus::AwaitingApproval, Lang::En) => "Awaiting approval",
            (DossierStatus::ResultReady, Lang::En) => "Result ready",
            (DossierStatus::Returned, Lang::En) => "Result returned",
            (DossierStatus::Refused, Lang::En) => "Refused",
            (DossierStatus::Stopped, Lang::En) => "Processing stopped",
            (DossierStatus::Withdrawn, Lang::En) => "Withdrawn",
        }
    }

    /// Whether the citizen may still withdraw: only before a one-stop officer
    /// has accepted it.
    pub fn can_be_withdrawn(self) -> bool {
        self == DossierStatus::Submitted
    }

    /// Whether the dossier is finished, one way or another.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            DossierStatus::Returned
                | DossierStatus::Refused
                | DossierStatus::Stopped
                | DossierStatus::Withdrawn
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_round_trips_and_has_words_in_both_languages() {
        for status in DossierStatus::ALL {
            assert_eq!(DossierStatus::parse(status.as_str()), Some(status));
            assert!(!status.label(Lang::Vi).is_empty() && !status.label(Lang::En).is_empty());
        }
        assert_eq!(
            DossierStatus::AwaitingSupplement.label(Lang::Vi),
            "Chờ bổ sung hồ sơ"
        );
    }

    #[test]
    fn only_a_dossier_not_yet_accepted_can_be_withdrawn() {
        assert!(DossierStatus::Submitted.can_be_withdrawn());
        assert!(!DossierStatus::Received.can_be_withdrawn());
        assert!(!DossierStatus::Draft.can_be_withdrawn());
    }
}
