//! A dossier's fees and payment as its pages show them (the applicant's
//! and the back office's).

use super::{Assessment, PaymentDue};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Where the payment of a dossier that owes something stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentState {
    Unpaid,
    /// Started online; the gateway has not confirmed it yet.
    Pending,
    Paid,
    /// Paid, then refused or stopped: the money is owed back.
    RefundDue,
    Refunded,
}

impl PaymentState {
    pub fn parse(status: &str) -> Option<PaymentState> {
        Some(match status {
            "pending" => PaymentState::Pending,
            "paid" => PaymentState::Paid,
            "refund_due" => PaymentState::RefundDue,
            "refunded" => PaymentState::Refunded,
            "failed" | "expired" => PaymentState::Unpaid,
            _ => return None,
        })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PaymentState::Unpaid, Lang::Vi) => "Chưa thanh toán",
            (PaymentState::Pending, Lang::Vi) => "Đang chờ ngân hàng xác nhận",
            (PaymentState::Paid, Lang::Vi) => "Đã thanh toán",
            (PaymentState::RefundDue, Lang::Vi) => "Chờ hoàn trả",
            (PaymentState::Refunded, Lang::Vi) => "Đã hoàn trả",
            (PaymentState::Unpaid, Lang::En) => "Not paid",
            (PaymentState::Pending, Lang::En) => "Waiting for the bank's confirmation",
            (PaymentState::Paid, Lang::En) => "Paid",
            (PaymentState::RefundDue, Lang::En) => "To be refunded",
            (PaymentState::Refunded, Lang::En) => "Refunded",
        }
    }

    pub fn is_settled(self) -> bool {
        matches!(
            self,
            PaymentState::Paid | PaymentState::RefundDue | PaymentState::Refunded
        )
    }
}

impl PaymentDue {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PaymentDue::AtSubmission, Lang::Vi) => "Nộp khi nộp hồ sơ",
            (PaymentDue::BeforeResult, Lang::Vi) => "Nộp trước khi nhận kết quả",
            (PaymentDue::AtSubmission, Lang::En) => "Paid with the submission",
            (PaymentDue::BeforeResult, Lang::En) => "Paid before the result is handed over",
        }
    }
}

/// One settled payment's receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptLink {
    pub number: String,
    /// `/ho-so/{code}/bien-lai/{reference}`.
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeView {
    pub assessment: Assessment,
    pub due: PaymentDue,
    pub state: PaymentState,
    pub receipt: Option<ReceiptLink>,
    /// The latest online attempt failed or ran out of time.
    pub last_attempt_failed: bool,
}
