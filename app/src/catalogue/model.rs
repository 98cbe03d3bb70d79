//! The catalogue as both halves see it. Plain data, no I/O.

use crate::i18n::Texts;
use crate::money::Vnd;
use serde::{Deserialize, Serialize};

/// Mức độ dịch vụ công trực tuyến (Decree 42/2022).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// Toàn trình: submit, pay and receive the result online.
    Full,
    /// Một phần: submit online, some step in person.
    Partial,
}

impl OnlineLevel {
    pub const ALL: [OnlineLevel; 2] = [OnlineLevel::Full, OnlineLevel::Partial];

    pub fn code(self) -> &'static str {
        match self {
            OnlineLevel::Full => "full",
            OnlineLevel::Partial => "partial",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "full" => Some(OnlineLevel::Full),
            "partial" => Some(OnlineLevel::Partial),
            _ => None,
        }
    }

    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            OnlineLevel::Full => texts.level_full,
            OnlineLevel::Partial => texts.level_partial,
        }
    }

    pub fn hint(self, texts: &Texts) -> &'static str {
        match self {
            OnlineLevel::Full => texts.level_full_hint,
            OnlineLevel::Partial => texts.level_partial_hint,
        }
    }
}

/// Which tier of government implements a procedure (cấp thực hiện).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencyLevel {
    Province,
    Commune,
}

impl AgencyLevel {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "province" => Some(AgencyLevel::Province),
            "commune" => Some(AgencyLevel::Commune),
            _ => None,
        }
    }

    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            AgencyLevel::Province => texts.agency_level_province,
            AgencyLevel::Commune => texts.agency_level_commune,
        }
    }
}

/// Thời hạn giải quyết: counted in working days, or in working hours for the
/// quick procedures ("trong ngày", "4 giờ làm việc").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessingTime {
    pub value: i32,
    pub unit: TimeUnit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    WorkingDays,
    WorkingHours,
    /// Done the day it is received (the next working day after the cut-off).
    SameDay,
}

impl TimeUnit {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "working_days" => Some(TimeUnit::WorkingDays),
            "working_hours" => Some(TimeUnit::WorkingHours),
            "same_day" => Some(TimeUnit::SameDay),
            _ => None,
        }
    }
}

impl ProcessingTime {
    pub fn label(self, texts: &Texts) -> String {
        match self.unit {
            TimeUnit::WorkingDays => (texts.working_days)(self.value),
            TimeUnit::WorkingHours => (texts.working_hours)(self.value),
            TimeUnit::SameDay => texts.same_day.to_string(),
        }
    }
}

/// A lĩnh vực with the number of procedures in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Sector {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub procedure_count: i64,
}

/// An agency that implements procedures, for the catalogue filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgencyRef {
    /// Mã định danh điện tử, e.g. `000.00.12.H34`.
    pub code: String,
    pub name: String,
}

/// One line of a search result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcedureSummary {
    /// National procedure code, e.g. `1.001193`.
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub sector_code: String,
    pub sector_name: String,
    /// The sector's English name, when the data has one.
    pub sector_name_en: Option<String>,
    pub agency_level: AgencyLevel,
    pub online_level: OnlineLevel,
    pub processing_time: ProcessingTime,
}

/// A page of search results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcedurePage {
    pub items: Vec<ProcedureSummary>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// Thành phần hồ sơ: one document the applicant hands in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequiredDocument {
    pub name: String,
    pub originals: i32,
    pub copies: i32,
    pub mandatory: bool,
    pub note: Option<String>,
    /// Its blank form to download, fill in and upload, if it has one.
    pub template: Option<FormTemplate>,
}

/// Phí (a fee for a service) or lệ phí (a charge for a state act).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    Phi,
    LePhi,
}

impl FeeKind {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "phi" => Some(FeeKind::Phi),
            "le_phi" => Some(FeeKind::LePhi),
            _ => None,
        }
    }

    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            FeeKind::Phi => texts.fee_kind_fee,
            FeeKind::LePhi => texts.fee_kind_charge,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Fee {
    pub kind: FeeKind,
    pub description: String,
    /// Amount in whole đồng.
    #[cfg_attr(feature = "ssr", schema(value_type = i64))]
    pub amount: Vnd,
    pub note: Option<String>,
}

/// A downloadable mẫu đơn, tờ khai: the blank form of one required
/// document, named after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FormTemplate {
    pub name: String,
    pub url: String,
}

/// Everything the procedure page and API show, from the version in force today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcedureDetail {
    pub code: String,
    pub version: i32,
    /// ISO date (YYYY-MM-DD) from which this version applies.
    pub effective_from: String,
    pub name: String,
    pub name_en: Option<String>,
    pub description: Option<String>,
    pub applicants: Option<String>,
    pub sector_code: String,
    pub sector_name: String,
    /// The sector's English name, when the data has one.
    pub sector_name_en: Option<String>,
    pub agency_level: AgencyLevel,
    pub implementing_agency: String,
    pub online_level: OnlineLevel,
    pub processing_time: ProcessingTime,
    /// Cut-off time of day as `HH:MM`; dossiers received later count from the next working day.
    pub cutoff: Option<String>,
    pub result_type: String,
    pub requirements: Option<String>,
    pub legal_basis: Vec<String>,
    pub steps: Vec<String>,
    pub documents: Vec<RequiredDocument>,
    pub fees: Vec<Fee>,
    pub templates: Vec<FormTemplate>,
    pub agencies: Vec<AgencyRef>,
    /// When a dossier filed now would be due (`dd/mm/yyyy`), by the working calendar.
    #[serde(default)]
    pub due_if_filed_now: Option<String>,
    /// What a dossier is billed (the charged fees, exemptions, when to pay).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub fee_schedule: Option<crate::fees::FeeSchedule>,
    /// Why online filing is suspended, when an administrator suspended it.
    #[serde(default)]
    pub online_filing_suspended: Option<String>,
    /// Cách thức thực hiện: how its dossiers may be filed.
    pub channels: Vec<crate::dossiers::Channel>,
    /// The applicant must file in person: no one may file for them under
    /// an authorisation (ủy quyền).
    #[serde(default)]
    pub representation_barred: bool,
}

/// The choices offered by the catalogue's filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueFacets {
    pub sectors: Vec<Sector>,
    pub agencies: Vec<AgencyRef>,
}
