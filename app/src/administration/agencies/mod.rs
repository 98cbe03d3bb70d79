//! Agencies as administrators keep them (`/quan-tri/co-quan`): the tree of
//! the province, its departments, communes and their units, each with its
//! electronic code (fixed: dossier codes carry it), contact data and
//! office hours. The office hours count working hours and a day's closing
//! time for the dossiers the agency receives. Every change is audited.

pub mod server_fns;

use crate::accounts::identity::EmailAddress;
use crate::deadlines::office_hours::{parse_office_hours, OfficeHoursProblem};
use crate::i18n::AgencyAdminTexts;
use serde::{Deserialize, Serialize};

/// What an administrator edits of an agency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyFields {
    pub name: String,
    pub name_en: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// "07:30-11:30, 13:30-17:00".
    pub office_hours: String,
}

/// One agency in the tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyRow {
    pub code: String,
    pub name: String,
    /// `province`, `department`, `commune` or `unit`.
    pub kind: String,
    /// 0 for the province, 1 below it, 2 for a unit of a department.
    pub depth: i32,
    pub office_hours: String,
    pub phone: String,
    /// Merged into another agency (kept for the dossiers that name it).
    pub merged: bool,
}

/// `/quan-tri/co-quan`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgenciesAdmin {
    pub rows: Vec<AgencyRow>,
    pub may_edit: bool,
}

/// `/quan-tri/co-quan/{code}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyAdmin {
    pub code: String,
    pub kind: String,
    pub parent: Option<String>,
    pub fields: AgencyFields,
    pub may_edit: bool,
    /// Merged: the successor's name and the day (`dd/mm/yyyy`).
    pub merged_into: Option<(String, String)>,
    /// The agencies it could be merged into (code, name): the same kind,
    /// not merged themselves.
    pub successors: Vec<(String, String)>,
    /// Changes decided for a later day, soonest first.
    pub scheduled: Vec<ScheduledChange>,
}

/// A renaming or merger waiting for its day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledChange {
    pub id: i64,
    /// The new name, or the successor's name.
    pub rename_to: Option<String>,
    pub merge_into: Option<String>,
    /// `dd/mm/yyyy`.
    pub day: String,
}

/// Why the day of a change is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayRefusal {
    NotADay,
    Past,
}

impl DayRefusal {
    pub fn message(self, t: &AgencyAdminTexts) -> &'static str {
        match self {
            DayRefusal::NotADay => t.day_invalid,
            DayRefusal::Past => t.day_past,
        }
    }
}

/// The day a change takes effect: empty for `today`, else a day typed
/// `dd/mm/yyyy` (or as a date input sends it), not before today.
pub fn effective_day(
    typed: &str,
    today: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, DayRefusal> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(today);
    }
    match crate::deadlines::parse_day(typed) {
        None => Err(DayRefusal::NotADay),
        Some(day) if day < today => Err(DayRefusal::Past),
        Some(day) => Ok(day),
    }
}

/// Why a field is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgencyRefusal {
    Missing,
    TooLong,
    Phone,
    Email,
    OfficeHours(OfficeHoursProblem),
}

impl AgencyRefusal {
    pub fn message(self, t: &AgencyAdminTexts) -> &'static str {
        match self {
            AgencyRefusal::Missing => t.missing,
            AgencyRefusal::TooLong => t.too_long,
            AgencyRefusal::Phone => t.phone_invalid,
            AgencyRefusal::Email => t.email_invalid,
            AgencyRefusal::OfficeHours(_) => t.office_hours_invalid,
        }
    }
}

const TEXT_LIMIT: usize = 300;

/// The refusals of `fields`, each with its field; empty when they may be saved.
pub fn check_agency(fields: &AgencyFields) -> Vec<(&'static str, AgencyRefusal)> {
    let mut refused = Vec::new();
    if fields.name.trim().is_empty() {
        refused.push(("name", AgencyRefusal::Missing));
    }
    for (name, value) in [
        ("name", &fields.name),
        ("name_en", &fields.name_en),
        ("address", &fields.address),
    ] {
        if value.chars().count() > TEXT_LIMIT {
            refused.push((name, AgencyRefusal::TooLong));
        }
    }
    let digits = fields.phone.chars().filter(char::is_ascii_digit).count();
    let phone_chars = fields
        .phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')' | '+'));
    if !fields.phone.is_empty() && (!phone_chars || !(8..=15).contains(&digits)) {
        refused.push(("phone", AgencyRefusal::Phone));
    }
    // The accounts' own reading of an address, not a second one.
    if !fields.email.is_empty() && EmailAddress::parse(&fields.email).is_err() {
        refused.push(("email", AgencyRefusal::Email));
    }
    if let Err(problem) = parse_office_hours(&fields.office_hours) {
        refused.push(("office_hours", AgencyRefusal::OfficeHours(problem)));
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> AgencyFields {
        AgencyFields {
            name: "UBND phường Hạ Long".into(),
            name_en: String::new(),
            address: "Số 1 đường Hạ Long".into(),
            phone: "0203 3825 111".into(),
            email: "motcua.halong@quangninh.gov.vn".into(),
            office_hours: "07:30-11:30, 13:30-17:00".into(),
        }
    }

    #[test]
    fn an_agency_needs_a_name_reachable_contacts_and_real_office_hours() {
        assert!(check_agency(&fields()).is_empty());
        let bad = AgencyFields {
            name: " ".into(),
            phone: "gọi tổng đài".into(),
            email: "motcua@".into(),
            office_hours: "sáng thứ hai".into(),
            ..fields()
        };
        let refused: Vec<&str> = check_agency(&bad)
            .into_iter()
            .map(|(field, _)| field)
            .collect();
        assert_eq!(refused, ["name", "phone", "email", "office_hours"]);
    }
}
