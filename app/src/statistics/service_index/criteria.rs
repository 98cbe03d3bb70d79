//! The criteria of the service index: each one's group, points, threshold
//! and what it counts in the portal's data. docs/legal-basis.md
//! ("Decision 766") lists each with its source and how sure we are.

use super::{IndexGroup, IndexInputs};
use serde::{Deserialize, Serialize};

/// How a criterion's rate turns into points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Threshold {
    /// Full points once the rate (0–1) reaches `full_at`; below it, the
    /// points in proportion to the way there (`rate / full_at`).
    AtLeast(f64),
    /// For what counts against the agency: full points while the rate
    /// stays at or under `full_at`, none from `zero_at` on, in proportion
    /// between the two.
    AtMost { full_at: f64, zero_at: f64 },
}

impl Threshold {
    /// The points earned at `rate` (0–1) out of `points`.
    pub fn earned(self, rate: f64, points: f64) -> f64 {
        let share = match self {
            Threshold::AtLeast(full_at) if full_at <= 0.0 => 1.0,
            Threshold::AtLeast(full_at) => rate / full_at,
            Threshold::AtMost { full_at, zero_at } if zero_at <= full_at => {
                if rate <= full_at {
                    1.0
                } else {
                    0.0
                }
            }
            Threshold::AtMost { full_at, zero_at } => (zero_at - rate) / (zero_at - full_at),
        };
        points * share.clamp(0.0, 1.0)
    }
}

/// A criterion of the index. Those whose [`Criterion::counts`] is `None`
/// need another system's data and are never scored here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Criterion {
    /// 1.1 Procedures published in full (documents, legal basis, result).
    ProceduresPublished,
    /// 1.2 Procedures and dossier progress synchronised with the National
    /// Public Service Portal.
    NationalPortalSync,
    /// 1.3 Citizens' feedback and recommendations (phản ánh, kiến nghị)
    /// handled and published.
    FeedbackHandled,
    /// 2.1 Results issued before or on the legal appointment.
    ResolvedInTime,
    /// 2.2 Pending dossiers still within the legal appointment.
    PendingWithinDeadline,
    /// 2.3 Late dossiers the agency apologised for (slip 04).
    LateApologised,
    /// 2.4 Dossiers asked for a supplement more than once: against the
    /// agency ("hướng dẫn một lần, đầy đủ").
    RepeatSupplements,
    /// 3.1 Procedures offered fully online (toàn trình).
    ProceduresFullyOnline,
    /// 3.2 New dossiers filed online.
    FiledOnline,
    /// 3.3 Payments made online.
    PaidOnline,
    /// 4.1 New dossiers digitised (documents as files).
    DossiersDigitised,
    /// 4.2 Results issued electronically.
    ResultsElectronic,
    /// 4.3 New dossiers reusing data already digitised (the applicant's
    /// wallet).
    DataReused,
    /// 4.4 Data reused from the national databases (population, business
    /// registration, land…).
    NationalDataReused,
    /// 5.1 Ratings satisfied or very satisfied.
    Satisfied,
    /// 5.2 The national satisfaction survey and feedback on the National
    /// Public Service Portal.
    NationalSurvey,
}

impl Criterion {
    pub const ALL: [Criterion; 16] = [
        Criterion::ProceduresPublished,
        Criterion::NationalPortalSync,
        Criterion::FeedbackHandled,
        Criterion::ResolvedInTime,
        Criterion::PendingWithinDeadline,
        Criterion::LateApologised,
        Criterion::RepeatSupplements,
        Criterion::ProceduresFullyOnline,
        Criterion::FiledOnline,
        Criterion::PaidOnline,
        Criterion::DossiersDigitised,
        Criterion::ResultsElectronic,
        Criterion::DataReused,
        Criterion::NationalDataReused,
        Criterion::Satisfied,
        Criterion::NationalSurvey,
    ];

    pub fn group(self) -> IndexGroup {
        use Criterion as C;
        match self {
            C::ProceduresPublished | C::NationalPortalSync | C::FeedbackHandled => {
                IndexGroup::Transparency
            }
            C::ResolvedInTime
            | C::PendingWithinDeadline
            | C::LateApologised
            | C::RepeatSupplements => IndexGroup::Progress,
            C::ProceduresFullyOnline | C::FiledOnline | C::PaidOnline => IndexGroup::OnlineService,
            C::DossiersDigitised | C::ResultsElectronic | C::DataReused | C::NationalDataReused => {
                IndexGroup::Digitisation
            }
            C::Satisfied | C::NationalSurvey => IndexGroup::Satisfaction,
        }
    }

    /// Its points; a group's criteria add up to the group's points.
    pub fn points(self) -> f64 {
        use Criterion as C;
        match self {
            C::ProceduresPublished | C::NationalPortalSync | C::FeedbackHandled => 6.0,
            C::ResolvedInTime => 8.0,
            C::PendingWithinDeadline | C::LateApologised | C::RepeatSupplements => 4.0,
            C::ProceduresFullyOnline => 6.0,
            C::FiledOnline | C::PaidOnline => 8.0,
            C::DossiersDigitised | C::ResultsElectronic => 8.0,
            C::DataReused | C::NationalDataReused => 3.0,
            C::Satisfied => 10.0,
            C::NationalSurvey => 8.0,
        }
    }

    /// Where it reaches its full points.
    pub fn threshold(self) -> Threshold {
        use Criterion as C;
        match self {
            C::ProceduresPublished | C::LateApologised => Threshold::AtLeast(1.0),
            C::ResolvedInTime | C::PendingWithinDeadline => Threshold::AtLeast(0.95),
            C::RepeatSupplements => Threshold::AtMost {
                full_at: 0.0,
                zero_at: 0.05,
            },
            C::ProceduresFullyOnline | C::DossiersDigitised | C::ResultsElectronic => {
                Threshold::AtLeast(0.8)
            }
            C::FiledOnline | C::PaidOnline | C::DataReused => Threshold::AtLeast(0.5),
            C::Satisfied => Threshold::AtLeast(0.9),
            // Not measured here.
            C::NationalPortalSync
            | C::FeedbackHandled
            | C::NationalDataReused
            | C::NationalSurvey => Threshold::AtLeast(1.0),
        }
    }

    /// What it counts in the portal's data, (part, whole); `None` when it
    /// needs another system's data.
    pub fn counts(self, inputs: &IndexInputs) -> Option<(i64, i64)> {
        use Criterion as C;
        let i = inputs;
        match self {
            C::ProceduresPublished => Some((i.procedures_published, i.procedures)),
            C::ResolvedInTime => Some((i.resolved_in_time, i.resolved)),
            C::PendingWithinDeadline => Some((i.pending_within, i.pending)),
            C::LateApologised => Some((i.late_apologised, i.late)),
            C::RepeatSupplements => Some((i.repeat_supplements, i.received)),
            C::ProceduresFullyOnline => Some((i.procedures_fully_online, i.procedures)),
            C::FiledOnline => Some((i.new_online, i.new_dossiers)),
            C::PaidOnline => Some((i.payments_online, i.payments)),
            C::DossiersDigitised => Some((i.new_with_documents, i.new_dossiers)),
            C::ResultsElectronic => Some((i.returned_electronic, i.resolved)),
            C::DataReused => Some((i.new_reusing_data, i.new_dossiers)),
            C::Satisfied => Some((i.satisfied, i.ratings)),
            C::NationalPortalSync
            | C::FeedbackHandled
            | C::NationalDataReused
            | C::NationalSurvey => None,
        }
    }

    /// Its number in the group, as the cards and docs/legal-basis.md write
    /// it (`2.4`).
    pub fn number(self) -> String {
        let group = super::IndexGroup::ALL
            .iter()
            .position(|group| *group == self.group())
            .unwrap_or(0)
            + 1;
        let within = self
            .group()
            .criteria()
            .position(|criterion| criterion == self)
            .unwrap_or(0)
            + 1;
        format!("{group}.{within}")
    }
}
