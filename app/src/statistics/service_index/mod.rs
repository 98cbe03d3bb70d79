//! The service index of Decision 766/QĐ-TTg (2022) ("Bộ chỉ số chỉ đạo,
//! điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong
//! thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi
//! trường điện tử"), for an agency subtree and a period, as far as the
//! portal's own data reaches.
//!
//! Five groups: publicity and transparency 18 points, progress and results
//! 20, online service provision 22, digitisation and reuse of data 22,
//! satisfaction 18. Each group is made of criteria ([`Criterion`]); each
//! criterion measured here is a rate over the period, and reaches its full
//! points at its threshold ([`Threshold`]), not in proportion to the rate
//! all the way to 100 %. Criteria that need another system's data (the
//! National Public Service Portal, the national databases, the national
//! satisfaction survey) are named and never scored, and a criterion with
//! nothing to count in the period is not scored either. So each group
//! shows its score out of the points measurable, "x of y points
//! measurable", and no total out of 100 is ever printed: it would look
//! like the official index, which this is not.
//!
//! Every criterion, its points, threshold and source, and how sure we are
//! of each, is in docs/legal-basis.md ("Decision 766").

mod criteria;
#[cfg(test)]
mod tests;

pub use criteria::{Criterion, Threshold};
use serde::{Deserialize, Serialize};

/// What the index is computed from: counts over the agencies and period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInputs {
    /// Procedures the agencies handle (their versions in force).
    pub procedures: i64,
    /// … whose version publishes its documents, legal basis and result.
    pub procedures_published: i64,
    /// … offered fully online (toàn trình).
    pub procedures_fully_online: i64,
    /// Results issued in the period (Biểu 06 "đã giải quyết").
    pub resolved: i64,
    /// … before or on the legal appointment.
    pub resolved_in_time: i64,
    /// Pending at the end of the period (Biểu 06 "đang giải quyết").
    pub pending: i64,
    /// … still within the legal appointment.
    pub pending_within: i64,
    /// Resolved late in the period or pending overdue at its end.
    pub late: i64,
    /// … for which the agency apologised (slip 04).
    pub late_apologised: i64,
    /// Accepted dossiers in play in the period (Biểu 06 "nhận giải quyết").
    pub received: i64,
    /// … asked for a supplement more than once ("hướng dẫn một lần, đầy đủ").
    pub repeat_supplements: i64,
    /// Accepted in the period.
    pub new_dossiers: i64,
    /// … filed online.
    pub new_online: i64,
    /// … with at least one document as a file (digitised).
    pub new_with_documents: i64,
    /// … reusing a document already digitised (the applicant's wallet: an
    /// earlier upload or an earlier result).
    pub new_reusing_data: i64,
    /// Payments settled in the period (gateway and counter).
    pub payments: i64,
    /// … through a payment gateway.
    pub payments_online: i64,
    /// Of the results issued, those returned electronically (to the wallet).
    pub returned_electronic: i64,
    /// Ratings given in the period.
    pub ratings: i64,
    /// … satisfied or very satisfied.
    pub satisfied: i64,
}

/// The five groups of Decision 766.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IndexGroup {
    /// Công khai, minh bạch.
    Transparency,
    /// Tiến độ giải quyết.
    Progress,
    /// Cung cấp dịch vụ trực tuyến (online services and online payment).
    OnlineService,
    /// Số hóa hồ sơ, tái sử dụng dữ liệu.
    Digitisation,
    /// Mức độ hài lòng.
    Satisfaction,
}

impl IndexGroup {
    pub const ALL: [IndexGroup; 5] = [
        IndexGroup::Transparency,
        IndexGroup::Progress,
        IndexGroup::OnlineService,
        IndexGroup::Digitisation,
        IndexGroup::Satisfaction,
    ];

    /// The group's points in Decision 766.
    pub fn points(self) -> f64 {
        match self {
            IndexGroup::Transparency => 18.0,
            IndexGroup::Progress => 20.0,
            IndexGroup::OnlineService => 22.0,
            IndexGroup::Digitisation => 22.0,
            IndexGroup::Satisfaction => 18.0,
        }
    }

    /// The group's criteria, in the order of the decision.
    pub fn criteria(self) -> impl Iterator<Item = Criterion> {
        Criterion::ALL
            .into_iter()
            .filter(move |criterion| criterion.group() == self)
    }
}

/// One criterion as measured in the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub criterion: Criterion,
    pub points: f64,
    /// What the rate is made of (part, whole); `None` when the criterion
    /// needs another system's data.
    pub counts: Option<(i64, i64)>,
    /// The rate, 0–100 % with one decimal; none when nothing was counted.
    pub rate: Option<f64>,
    /// Points earned, one decimal; none when not measured.
    pub score: Option<f64>,
}

/// A group's card: its criteria, the points measurable in the period and
/// the points earned of those.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupScore {
    pub group: IndexGroup,
    pub points: f64,
    /// The points of the criteria that could be measured in the period.
    pub measurable: f64,
    /// Earned, of `measurable`, one decimal.
    pub score: f64,
    pub criteria: Vec<CriterionScore>,
}

fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Each criterion scored on its own, then the groups' cards.
pub fn scores(inputs: &IndexInputs) -> Vec<GroupScore> {
    IndexGroup::ALL
        .into_iter()
        .map(|group| {
            let criteria: Vec<CriterionScore> = group
                .criteria()
                .map(|criterion| {
                    let counts = criterion.counts(inputs);
                    let rate = counts
                        .filter(|(_, whole)| *whole > 0)
                        .map(|(part, whole)| part as f64 / whole as f64);
                    let score = rate.map(|rate| {
                        one_decimal(criterion.threshold().earned(rate, criterion.points()))
                    });
                    CriterionScore {
                        criterion,
                        points: criterion.points(),
                        counts,
                        rate: rate.map(|rate| one_decimal(rate * 100.0)),
                        score,
                    }
                })
                .collect();
            let measured = criteria.iter().filter(|card| card.score.is_some());
            GroupScore {
                group,
                points: group.points(),
                measurable: measured.clone().map(|card| card.points).sum(),
                score: one_decimal(measured.filter_map(|card| card.score).sum()),
                criteria,
            }
        })
        .collect()
}
