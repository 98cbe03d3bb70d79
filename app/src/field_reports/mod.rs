//! Phản ánh hiện trường (issue 21): citizens report a problem with a place
//! (and photos), the coordinating unit forwards it to the agency that
//! handles its category, and the agency answers within the category's
//! time; the coordinator publishes the answer, and the reporter rates it
//! or reopens it. This module holds the rules that need no database
//! (`rules`, `sla`), what the pages show, the loaders and the pages.

pub mod categories;
pub mod map_tiles;
pub mod operations;
pub mod pages;
pub mod rules;
pub mod server_fns;
pub mod sla;
#[cfg(feature = "ssr")]
pub mod store;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// The shortest and longest description taken.
pub const DESCRIPTION_LIMITS: (usize, usize) = (10, 4000);
/// The longest answer, refusal note or extension reason.
pub const NOTE_LIMIT: usize = 4000;
/// At most this many photos with a report, and with an answer.
pub const MAX_PHOTOS: usize = 5;
/// Open reports of the same category this close, filed in the last
/// `NEARBY_DAYS` days, are offered to follow instead of filing again.
pub const NEARBY_METRES: f64 = 100.0;
pub const NEARBY_DAYS: i64 = 14;

/// Where a report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportStatus {
    /// With the coordinating unit: new, reopened, or sent back by an agency.
    Received,
    /// Forwarded to the handling agency, not yet given to an official.
    Forwarded,
    /// An official of the agency works on it.
    InProgress,
    /// Answered; the coordinator checks the answer before it is published.
    Answered,
    /// The answer is published.
    Resolved,
    /// Refused, with the reason.
    Refused,
    /// A duplicate, merged into another report.
    Merged,
}

impl ReportStatus {
    pub const ALL: [ReportStatus; 7] = [
        ReportStatus::Received,
        ReportStatus::Forwarded,
        ReportStatus::InProgress,
        ReportStatus::Answered,
        ReportStatus::Resolved,
        ReportStatus::Refused,
        ReportStatus::Merged,
    ];

    /// As stored in `field_reports.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Received => "received",
            ReportStatus::Forwarded => "forwarded",
            ReportStatus::InProgress => "in_progress",
            ReportStatus::Answered => "answered",
            ReportStatus::Resolved => "resolved",
            ReportStatus::Refused => "refused",
            ReportStatus::Merged => "merged",
        }
    }

    pub fn parse(text: &str) -> Option<ReportStatus> {
        ReportStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Still to be handled (counts against its time).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ReportStatus::Received
                | ReportStatus::Forwarded
                | ReportStatus::InProgress
                | ReportStatus::Answered
        )
    }
}

/// Why the coordinator refuses a report (HCMC 1022: a refusal states its
/// reason; complaints and denunciations have their own legal channels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefusalReason {
    Spam,
    OutOfScope,
    /// A complaint (khiếu nại): Law on Complaints 2011.
    Complaint,
    /// A denunciation (tố cáo): Law on Denunciations 2018.
    Denunciation,
    /// Belongs to another channel the note names (a court, the police…).
    OtherChannel,
}

impl RefusalReason {
    pub const ALL: [RefusalReason; 5] = [
        RefusalReason::Spam,
        RefusalReason::OutOfScope,
        RefusalReason::Complaint,
        RefusalReason::Denunciation,
        RefusalReason::OtherChannel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RefusalReason::Spam => "spam",
            RefusalReason::OutOfScope => "out_of_scope",
            RefusalReason::Complaint => "complaint",
            RefusalReason::Denunciation => "denunciation",
            RefusalReason::OtherChannel => "other_channel",
        }
    }

    pub fn parse(text: &str) -> Option<RefusalReason> {
        RefusalReason::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// A choice in a list (commune, agency, official): a code and a name.
pub use crate::knowledge::Choice;

/// A first-level category and its second-level ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryGroup {
    pub name: String,
    pub categories: Vec<CategoryChoice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryChoice {
    pub code: String,
    pub name: String,
    pub photo_required: bool,
    pub place_required: bool,
    pub public_by_default: bool,
}

/// The place a report is about, as the filing form carries it between
/// its two steps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceQuery {
    pub category: String,
    pub commune: String,
    pub street: String,
    pub latitude: String,
    pub longitude: String,
}

/// `/phan-anh/gui`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub groups: Vec<CategoryGroup>,
    pub communes: Vec<Choice>,
    /// The first step as filled (from the query string).
    pub place: PlaceQuery,
    /// The chosen category, once the first step is done and valid.
    pub chosen: Option<CategoryChoice>,
    /// What is wrong with the first step, field by field.
    pub place_errors: Vec<(String, rules::PlaceError)>,
    /// Open reports near the place, to follow instead (second step).
    pub nearby: Vec<ReportCard>,
    /// A counter officer or the hotline files for a caller.
    pub for_caller: bool,
    /// The map to pick the point on, when the province set a tile address.
    pub map: Option<MapView>,
}

/// The filing form's map: where it opens, and whose tiles it shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Names the tile address in the tiles' paths (`paths::map_tile`).
    pub tiles_version: String,
    pub attribution: String,
    pub centre_latitude: f64,
    pub centre_longitude: f64,
    pub zoom: u8,
}

/// A report in a list or on the board: nothing personal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportCard {
    pub code: String,
    pub category: String,
    pub description: String,
    pub commune: Option<String>,
    pub street: Option<String>,
    pub status: ReportStatus,
    pub agency: Option<String>,
    pub received: NaiveDateTime,
    pub due: NaiveDateTime,
    pub overdue: bool,
    /// How many people follow it.
    pub followers: i64,
    /// The first photo, if any.
    pub photo: Option<i64>,
    /// Metres from the place asked about (nearby reports only).
    pub distance: Option<i64>,
}

/// One step of a report's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: NaiveDateTime,
    /// `field_report_events.kind`.
    pub kind: String,
    pub agency: Option<String>,
    pub note: Option<String>,
}

/// A report as its page shows it (`/phan-anh/{code}`): to anyone when it is
/// public, else to its reporter and followers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub card: ReportCard,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub place_from_photo: bool,
    pub public: bool,
    pub before_photos: Vec<i64>,
    /// Shown once the answer is published.
    pub answer: Option<String>,
    pub after_photos: Vec<i64>,
    pub refusal: Option<(RefusalReason, String)>,
    pub merged_into: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    /// What the signed-in visitor may do here.
    pub visitor: ReportVisitor,
    pub average_rating: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportVisitor {
    pub signed_in: bool,
    pub is_reporter: bool,
    pub follows: bool,
    /// Their rating, if they gave one.
    pub rating: Option<i16>,
    /// May rate it (a follower or the reporter of a resolved report).
    pub may_rate: bool,
    /// The last day they may reopen it, if they still may.
    pub reopen_until: Option<NaiveDateTime>,
}

/// `/tai-khoan/phan-anh`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyReports {
    pub filed: Vec<ReportCard>,
    pub followed: Vec<ReportCard>,
}

/// `/phan-anh`: the public board, filtered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub filter: BoardFilter,
    pub communes: Vec<Choice>,
    pub groups: Vec<CategoryGroup>,
    pub reports: Vec<ReportCard>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFilter {
    pub commune: String,
    pub category: String,
    pub status: String,
}

/// `/can-bo/phan-anh`: the coordinator sees every open report; an
/// agency's staff their agency's, the least time left first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportQueue {
    pub coordinator: bool,
    pub open: Vec<ReportCard>,
    /// The last closed ones, newest first.
    pub closed: Vec<ReportCard>,
}

/// `/can-bo/phan-anh/{code}`: one report for the officials handling it.
/// The reporter's identity is in `reporter` for the coordinator only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportToHandle {
    pub view: ReportView,
    pub coordinator: bool,
    pub reporter: Option<Reporter>,
    pub channel: String,
    pub extension: Option<(NaiveDateTime, String)>,
    /// Agencies it may be forwarded to, the category's own first.
    pub agencies: Vec<Choice>,
    pub default_agency: Option<String>,
    /// Officials of the agency it may be given to.
    pub officials: Vec<Choice>,
    pub assignee: Option<String>,
    /// Open reports it may be merged into (same category, nearby).
    pub merge_into: Vec<ReportCard>,
    /// Which agency's staff may act on it now.
    pub may_act_for_agency: bool,
}

/// Who reported, for the coordinator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}
