use crate::dossiers::{Action, Channel, DossierStatus};
use crate::filing::AttachedFile;
use serde::{Deserialize, Serialize};

/// The work queues of `/can-bo`, each a step someone must take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Queue {
    /// New dossiers for reception to check.
    ToReceive,
    /// Accepted, waiting for a specialist.
    ToAssign,
    /// Being examined by a specialist.
    Processing,
    /// Proposed results for a leader.
    ToApprove,
    /// Approved results to release.
    ToReturn,
    /// Waiting for the applicant's supplement.
    AwaitingSupplement,
    /// Everything open.
    AllOpen,
    /// Open dossiers assigned to the signed-in specialist.
    AssignedToMe,
}

impl Queue {
    pub const ALL: [Queue; 8] = [
        Queue::AssignedToMe,
        Queue::ToReceive,
        Queue::ToAssign,
        Queue::Processing,
        Queue::ToApprove,
        Queue::ToReturn,
        Queue::AwaitingSupplement,
        Queue::AllOpen,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Queue::ToReceive => "tiep-nhan",
            Queue::ToAssign => "phan-cong",
            Queue::Processing => "xu-ly",
            Queue::ToApprove => "phe-duyet",
            Queue::ToReturn => "tra-ket-qua",
            Queue::AwaitingSupplement => "cho-bo-sung",
            Queue::AllOpen => "tat-ca",
            Queue::AssignedToMe => "duoc-giao-cho-toi",
        }
    }

    pub fn parse(text: &str) -> Option<Queue> {
        Queue::ALL.into_iter().find(|queue| queue.as_str() == text)
    }

    /// The states the queue holds.
    pub fn statuses(self) -> &'static [DossierStatus] {
        use DossierStatus as S;
        match self {
            Queue::ToReceive => &[S::Submitted],
            Queue::ToAssign => &[S::Received],
            Queue::Processing => &[S::Processing],
            Queue::ToApprove => &[S::AwaitingApproval],
            Queue::ToReturn => &[S::ResultReady],
            Queue::AwaitingSupplement => &[S::AwaitingSupplement],
            Queue::AllOpen | Queue::AssignedToMe => &[
                S::Submitted,
                S::Received,
                S::Processing,
                S::AwaitingSupplement,
                S::AwaitingApproval,
                S::ResultReady,
            ],
        }
    }
}

impl Queue {
    /// The step queue a dossier in `status` waits in; `None` once it is
    /// finished (or still a draft).
    pub fn of(status: DossierStatus) -> Option<Queue> {
        Queue::ALL
            .into_iter()
            .filter(|queue| !matches!(queue, Queue::AllOpen | Queue::AssignedToMe))
            .find(|queue| queue.statuses().contains(&status))
    }
}

/// How a pending dossier stands against its appointment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueMark {
    OnTrack,
    /// Due within the warning window (default: one working day).
    DueSoon,
    Overdue,
    /// The clock is stopped (awaiting a supplement) or not started.
    NotRunning,
    /// The dossier is finished (returned, refused, stopped, withdrawn): no
    /// clock runs or waits, so the pages show no tag at all.
    Closed,
}

/// One line of the inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    pub code: String,
    pub procedure_name: String,
    pub applicant_name: String,
    pub agency_name: String,
    pub status: DossierStatus,
    pub channel: Channel,
    /// `dd/mm/yyyy HH:MM`.
    pub submitted_at: String,
    /// `dd/mm/yyyy`.
    pub due_on: Option<String>,
    pub mark: DueMark,
    pub assignee_name: Option<String>,
    /// The step queue it waits in.
    pub queue: Option<Queue>,
    /// Whether its fee is paid; `None` when it owes none.
    pub fee_paid: Option<bool>,
}

/// What the inbox is showing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilter {
    pub queue: Option<String>,
    /// A dossier code or part of the applicant's name.
    pub search: Option<String>,
    pub procedure: Option<String>,
    /// A sector's code (`?linh-vuc=`).
    pub sector: Option<String>,
    /// `online`, `counter` or `post` (`?kenh=`).
    pub channel: Option<String>,
    /// `overdue` or `soon` (`?han=`).
    pub due: Option<String>,
    /// `newest` for the latest filed first; nearest deadline first otherwise
    /// (`?sap-xep=`).
    pub sort: Option<String>,
    pub page: Option<u32>,
}

/// The filters in force, as the inbox shows them and keeps them across
/// pages (empty: not filtered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilters {
    /// A procedure's national code (`?thu-tuc=`).
    pub procedure: String,
    pub sector: String,
    pub channel: Option<Channel>,
    pub due: String,
    pub sort: String,
}

impl InboxFilters {
    /// Only values the inbox knows; anything else means "not filtered".
    pub fn from(filter: &InboxFilter) -> InboxFilters {
        let known = |value: &Option<String>, allowed: &[&str]| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|value| allowed.contains(value))
                .unwrap_or_default()
                .to_string()
        };
        let trimmed = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .unwrap_or_default()
                .to_string()
        };
        InboxFilters {
            procedure: trimmed(&filter.procedure),
            sector: filter
                .sector
                .as_deref()
                .map(str::trim)
                .unwrap_or_default()
                .to_string(),
            channel: filter
                .channel
                .as_deref()
                .and_then(|channel| Channel::parse(channel.trim())),
            due: known(&filter.due, &["overdue", "soon"]),
            sort: known(&filter.sort, &["newest"]),
        }
    }

    /// The query string that keeps these filters (`&linh-vuc=…`), empty ones left out.
    pub fn query(&self) -> String {
        let mut query = String::new();
        for (name, value) in [
            ("thu-tuc", self.procedure.as_str()),
            ("linh-vuc", self.sector.as_str()),
            ("kenh", self.channel.map_or("", Channel::as_str)),
            ("han", self.due.as_str()),
            ("sap-xep", self.sort.as_str()),
        ] {
            if !value.is_empty() {
                query.push('&');
                query.push_str(name);
                query.push('=');
                query.extend(form_urlencoded::byte_serialize(value.as_bytes()));
            }
        }
        query
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub queue: Queue,
    /// Every queue with how many dossiers it holds in the official's scope.
    pub counts: Vec<(Queue, i64)>,
    pub rows: Vec<InboxRow>,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
    /// The search in force: it looks in every queue the official sees.
    pub search: String,
    pub overdue: i64,
    pub due_soon: i64,
    pub filters: InboxFilters,
    /// Every sector (code, name), for the sector filter.
    pub sectors: Vec<(String, String)>,
    /// The procedures the official's agencies handle (code, name).
    pub procedures: Vec<(String, String)>,
    /// The agencies in the official's scope (code, name), their own first:
    /// the register can be printed for any of them.
    pub agencies: Vec<(String, String)>,
    /// Whether the official receives dossiers at the counter.
    pub files_at_counter: bool,
    /// Whether the official settles flagged payments (managers).
    pub reconciles_payments: bool,
}

/// One entry of the history, as the back office reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeHistoryEntry {
    /// Its id: the notice slip it issued is printed from it.
    pub id: i64,
    pub at: String,
    pub actor: Option<String>,
    pub action: Option<Action>,
    pub from: Option<DossierStatus>,
    pub to: DossierStatus,
    pub note: Option<String>,
    /// Who signed the slip the step issued, when it is signed.
    pub signed_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub author: String,
    pub at: String,
    pub body: String,
}

/// A required document and what the applicant attached for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeDocument {
    pub name: String,
    pub files: Vec<AttachedFile>,
}

/// A dossier as the back office needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeDossier {
    pub code: String,
    /// What the official saw: sent back with every action.
    pub version: i32,
    pub procedure_name: String,
    pub agency_name: String,
    pub applicant_name: String,
    /// `None` for a walk-in applicant recorded without one.
    pub applicant_email: Option<String>,
    pub applicant_phone: Option<String>,
    pub status: DossierStatus,
    pub channel: Channel,
    pub submitted_at: Option<String>,
    pub received_at: Option<String>,
    pub due_on: Option<String>,
    /// The appointment falls in a year whose days off are only proposed:
    /// it may move when the government announces that year's holidays.
    pub due_provisional: bool,
    /// Supplements asked for beyond the first ("hướng dẫn một lần, đầy
    /// đủ"): each was a leader's decision, and each is flagged.
    pub repeat_supplement_requests: i32,
    /// Slips 04 issued: a second one is flagged.
    pub apologies: i32,
    pub mark: DueMark,
    pub assignee_name: Option<String>,
    /// For a specialist of the dossier's agency who is not its assignee:
    /// the colleague it is assigned to.
    pub assigned_to_colleague: Option<String>,
    pub answers: Vec<(String, String)>,
    pub documents: Vec<OfficeDocument>,
    pub history: Vec<OfficeHistoryEntry>,
    pub comments: Vec<Comment>,
    /// What this official may do now.
    pub actions: Vec<Action>,
    /// For assignment: the agency's specialists (id, name).
    pub specialists: Vec<(i64, String)>,
    /// The procedure's workflow and where the dossier stands in it.
    pub steps: Vec<super::steps::StepView>,
    /// What it owes and where the payment stands; `None` when it owes nothing.
    pub fees: Option<crate::fees::view::FeeView>,
    /// Whether this official collects fees and records refunds here
    /// (reception at the dossier's agency).
    pub collects_fees: bool,
    /// The draft result attached so far (uploaded, or generated at the
    /// proposal).
    pub result: Option<AttachedFile>,
    /// Toàn trình: the result is returned online by default; một phần: at
    /// the counter.
    pub fully_online: bool,
    /// The applicant's satisfaction rating, once given.
    pub rating: Option<crate::ratings::Rating>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_keep_known_values_and_travel_in_links() {
        let filter = InboxFilter {
            sector: Some(" hộ tịch ".into()),
            channel: Some("counter".into()),
            due: Some("someday".into()),
            sort: Some("newest".into()),
            ..InboxFilter::default()
        };
        let filters = InboxFilters::from(&filter);
        assert_eq!(filters.due, "", "unknown values mean not filtered");
        assert_eq!(
            filters.query(),
            "&linh-vuc=h%E1%BB%99+t%E1%BB%8Bch&kenh=counter&sap-xep=newest"
        );
        assert_eq!(InboxFilters::default().query(), "");
    }

    #[test]
    fn every_open_status_waits_in_one_step_queue() {
        assert_eq!(Queue::of(DossierStatus::Received), Some(Queue::ToAssign));
        assert_eq!(
            Queue::of(DossierStatus::AwaitingApproval),
            Some(Queue::ToApprove)
        );
        assert_eq!(Queue::of(DossierStatus::Returned), None);
        for status in Queue::AllOpen.statuses() {
            assert!(Queue::of(*status).is_some(), "{status:?}");
        }
        assert_eq!(Queue::parse("duoc-giao-cho-toi"), Some(Queue::AssignedToMe));
    }
}
