//! The service index of Decision 766/QĐ-TTg ("Bộ chỉ số chỉ đạo, điều hành
//! và đánh giá chất lượng phục vụ người dân, doanh nghiệp"), for an agency
//! subtree and a period, as far as the portal's own data reaches.
//!
//! The decision scores six groups, 100 points in all. Each group here
//! gets its points times one share measured in this portal's data over
//! the period (none when there is nothing to measure), the formula next
//! to it:
//!
//! | group | points | share measured here |
//! |---|---:|---|
//! | công khai, minh bạch (transparency) | 18 | procedures the agencies handle whose current version publishes its documents, legal basis and result |
//! | tiến độ giải quyết (progress) | 20 | dossiers returned in the period before or on the legal appointment, of all returned (as Biểu 06) |
//! | dịch vụ công trực tuyến (online service) | 12 | new dossiers of the period filed online, of all new |
//! | thanh toán trực tuyến (online payment) | 10 | payments settled in the period through a gateway, of all settled (gateway and counter) |
//! | mức độ hài lòng (satisfaction) | 18 | ratings given in the period that are satisfied or very satisfied, of all ratings |
//! | số hóa hồ sơ (digitisation) | 22 | half: new dossiers with at least one digitised document; half: dossiers returned with an electronic result (in the wallet) |
//!
//! What the decision also counts but this portal cannot see is listed
//! beside each group and never scored: publication and synchronisation on
//! the National Public Service Portal, handling of citizens' feedback
//! (phản ánh, kiến nghị), reuse of data from the national databases, and
//! the results of the national satisfaction survey. The total is therefore
//! out of the points of the groups that could be measured.

use serde::{Deserialize, Serialize};

/// What the index is computed from: counts over the agencies and period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInputs {
    pub procedures: i64,
    pub procedures_published: i64,
    pub resolved: i64,
    pub resolved_in_time: i64,
    pub new_dossiers: i64,
    pub new_online: i64,
    pub payments: i64,
    pub payments_online: i64,
    pub ratings: i64,
    pub satisfied: i64,
    pub new_with_documents: i64,
    /// Of the `resolved` (returned) ones, those issued electronically.
    pub returned_electronic: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndexGroup {
    Transparency,
    Progress,
    OnlineService,
    OnlinePayment,
    Satisfaction,
    Digitisation,
}

impl IndexGroup {
    pub const ALL: [IndexGroup; 6] = [
        IndexGroup::Transparency,
        IndexGroup::Progress,
        IndexGroup::OnlineService,
        IndexGroup::OnlinePayment,
        IndexGroup::Satisfaction,
        IndexGroup::Digitisation,
    ];

    /// The group's points in Decision 766.
    pub fn points(self) -> f64 {
        match self {
            IndexGroup::Transparency => 18.0,
            IndexGroup::Progress => 20.0,
            IndexGroup::OnlineService => 12.0,
            IndexGroup::OnlinePayment => 10.0,
            IndexGroup::Satisfaction => 18.0,
            IndexGroup::Digitisation => 22.0,
        }
    }
}

/// One group's card: its points, the share measured (none when nothing
/// could be), and the counts behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexScore {
    pub group: IndexGroup,
    pub points: f64,
    /// 0–100 %, one decimal.
    pub share: Option<f64>,
    /// `share × points`, one decimal.
    pub score: Option<f64>,
    /// The counts the share is made of, as (part, whole) pairs.
    pub counts: Vec<(i64, i64)>,
}

fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The six groups' cards.
pub fn scores(inputs: &IndexInputs) -> Vec<IndexScore> {
    IndexGroup::ALL
        .into_iter()
        .map(|group| {
            let (ratio, counts) = match group {
                IndexGroup::Transparency => (
                    share(inputs.procedures_published, inputs.procedures),
                    vec![(inputs.procedures_published, inputs.procedures)],
                ),
                IndexGroup::Progress => (
                    share(inputs.resolved_in_time, inputs.resolved),
                    vec![(inputs.resolved_in_time, inputs.resolved)],
                ),
                IndexGroup::OnlineService => (
                    share(inputs.new_online, inputs.new_dossiers),
                    vec![(inputs.new_online, inputs.new_dossiers)],
                ),
                IndexGroup::OnlinePayment => (
                    share(inputs.payments_online, inputs.payments),
                    vec![(inputs.payments_online, inputs.payments)],
                ),
                IndexGroup::Satisfaction => (
                    share(inputs.satisfied, inputs.ratings),
                    vec![(inputs.satisfied, inputs.ratings)],
                ),
                IndexGroup::Digitisation => {
                    let documents = share(inputs.new_with_documents, inputs.new_dossiers);
                    let results = share(inputs.returned_electronic, inputs.resolved);
                    // Either half alone stands for the group when the other
                    // has nothing to measure.
                    let ratio = match (documents, results) {
                        (Some(a), Some(b)) => Some((a + b) / 2.0),
                        (one, other) => one.or(other),
                    };
                    (
                        ratio,
                        vec![
                            (inputs.new_with_documents, inputs.new_dossiers),
                            (inputs.returned_electronic, inputs.resolved),
                        ],
                    )
                }
            };
            IndexScore {
                group,
                points: group.points(),
                share: ratio.map(|ratio| one_decimal(ratio * 100.0)),
                score: ratio.map(|ratio| one_decimal(ratio * group.points())),
                counts,
            }
        })
        .collect()
}

/// The sum of the measured groups' scores, out of their points.
pub fn total(scores: &[IndexScore]) -> (f64, f64) {
    scores
        .iter()
        .filter_map(|card| card.score.map(|score| (score, card.points)))
        .fold((0.0, 0.0), |(sum, out_of), (score, points)| {
            (one_decimal(sum + score), out_of + points)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_is_its_points_times_its_share_and_unmeasured_groups_are_left_out() {
        let inputs = IndexInputs {
            procedures: 10,
            procedures_published: 9,
            resolved: 4,
            resolved_in_time: 3,
            new_dossiers: 5,
            new_online: 4,
            new_with_documents: 5,
            returned_electronic: 2,
            ..IndexInputs::default()
        };
        let cards = scores(&inputs);
        let score = |group| cards.iter().find(|c| c.group == group).unwrap().score;
        assert_eq!(score(IndexGroup::Transparency), Some(16.2));
        assert_eq!(score(IndexGroup::Progress), Some(15.0));
        assert_eq!(score(IndexGroup::OnlineService), Some(9.6));
        assert_eq!(score(IndexGroup::OnlinePayment), None, "no payments");
        assert_eq!(score(IndexGroup::Satisfaction), None, "no ratings");
        // (5/5 + 2/4) / 2 × 22
        assert_eq!(score(IndexGroup::Digitisation), Some(16.5));
        assert_eq!(total(&cards), (57.3, 72.0));
        assert_eq!(
            IndexGroup::ALL.iter().map(|g| g.points()).sum::<f64>(),
            100.0
        );
    }
}
