//! The portal's operator settings (`/quan-tri/cai-dat`): the help line and
//! the feedback address the foot of every page shows. Data the province
//! keeps, not texts of the software.

mod map;
pub mod server_fns;

pub use map::{check_map, MapSettings, MapTyped, OPENING_ZOOMS};

use crate::accounts::identity::EmailAddress;
use crate::i18n::{Lang, SettingsAdminTexts};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalSettings {
    /// Digits as dialled: "18001096".
    pub hotline_number: String,
    /// How it is shown: "1800 1096 (miễn phí, giờ hành chính)".
    pub hotline_hours_vi: String,
    pub hotline_hours_en: String,
    pub feedback_email: String,
}

impl PortalSettings {
    pub fn hotline_hours(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.hotline_hours_vi,
            Lang::En => &self.hotline_hours_en,
        }
    }
}

/// How questions and the assistant work (issue 20).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistantSettings {
    /// Working days an agency has to answer a citizen's question.
    pub question_answer_days: i32,
    /// Whether the assistant may phrase answers through the configured chat
    /// endpoint; off, it shows the sources' own words at once.
    pub generated_answers: bool,
}

impl Default for AssistantSettings {
    /// The table's defaults, until a row is stored.
    fn default() -> Self {
        AssistantSettings {
            question_answer_days: 7,
            generated_answers: true,
        }
    }
}

/// How field reports work (issue 21).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldReportSettings {
    /// Calendar days after its answer is published during which the
    /// reporter may reopen a report ("phản ánh lại").
    pub report_reopen_days: i32,
    /// The map the filing form picks the place on.
    pub map: MapSettings,
}

impl Default for FieldReportSettings {
    /// The table's default, until a row is stored.
    fn default() -> Self {
        FieldReportSettings {
            report_reopen_days: 7,
            map: MapSettings::default(),
        }
    }
}

/// How long what nobody needs is kept (issue 22): applied hourly by
/// `server/src/accounts/retention.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionSettings {
    /// Days a draft dossier may stay untouched.
    pub draft_retention_days: i32,
    /// Days the assistant's exchanges are kept.
    pub assistant_retention_days: i32,
}

impl Default for RetentionSettings {
    /// The table's defaults, until a row is stored.
    fn default() -> Self {
        RetentionSettings {
            draft_retention_days: 180,
            assistant_retention_days: 90,
        }
    }
}

/// The retention periods typed, when whole and in the table's ranges; the
/// refusals with their fields otherwise.
pub fn check_retention(
    drafts: &str,
    assistant: &str,
) -> Result<RetentionSettings, Vec<(&'static str, SettingsRefusal)>> {
    let days = |typed: &str, range: std::ops::RangeInclusive<i32>| {
        typed
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|days| range.contains(days))
    };
    match (days(drafts, 7..=3650), days(assistant, 1..=3650)) {
        (Some(draft_retention_days), Some(assistant_retention_days)) => Ok(RetentionSettings {
            draft_retention_days,
            assistant_retention_days,
        }),
        (drafts, assistant) => Err([
            drafts
                .is_none()
                .then_some(("draft_retention_days", SettingsRefusal::DraftRetention)),
            assistant.is_none().then_some((
                "assistant_retention_days",
                SettingsRefusal::AssistantRetention,
            )),
        ]
        .into_iter()
        .flatten()
        .collect()),
    }
}

/// The range of `question_answer_days` and of `report_reopen_days` (as the
/// table checks them).
pub const ANSWER_DAYS: std::ops::RangeInclusive<i32> = 1..=60;

/// A number of days typed, when whole and in `ANSWER_DAYS`.
fn check_days(typed: &str, refusal: SettingsRefusal) -> Result<i32, SettingsRefusal> {
    typed
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|days| ANSWER_DAYS.contains(days))
        .ok_or(refusal)
}

/// The working days typed for answering a question, when whole and in range.
pub fn check_answer_days(typed: &str) -> Result<i32, SettingsRefusal> {
    check_days(typed, SettingsRefusal::AnswerDays)
}

/// The days typed for reopening a field report, when whole and in range.
pub fn check_reopen_days(typed: &str) -> Result<i32, SettingsRefusal> {
    check_days(typed, SettingsRefusal::ReopenDays)
}

/// `/quan-tri/cai-dat`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingsAdmin {
    pub settings: PortalSettings,
    pub assistant: AssistantSettings,
    pub field_reports: FieldReportSettings,
    pub retention: RetentionSettings,
    /// Whether the operator configured a chat endpoint at all.
    pub chat_configured: bool,
    pub may_edit: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsRefusal {
    Missing,
    TooLong,
    Hotline,
    Email,
    AnswerDays,
    ReopenDays,
    TileAddress,
    AttributionMissing,
    AttributionTooLong,
    MapCentre,
    MapZoom,
    DraftRetention,
    AssistantRetention,
}

impl SettingsRefusal {
    pub fn message(self, t: &SettingsAdminTexts) -> &'static str {
        match self {
            SettingsRefusal::Missing => t.missing,
            SettingsRefusal::TooLong => t.too_long,
            SettingsRefusal::Hotline => t.hotline_invalid,
            SettingsRefusal::Email => t.email_invalid,
            SettingsRefusal::AnswerDays => t.answer_days_invalid,
            SettingsRefusal::ReopenDays => t.reopen_days_invalid,
            SettingsRefusal::TileAddress => t.tile_url_invalid,
            SettingsRefusal::AttributionMissing => t.attribution_missing,
            SettingsRefusal::AttributionTooLong => t.attribution_too_long,
            SettingsRefusal::MapCentre => t.map_centre_invalid,
            SettingsRefusal::MapZoom => t.map_zoom_invalid,
            SettingsRefusal::DraftRetention => t.draft_retention_invalid,
            SettingsRefusal::AssistantRetention => t.assistant_retention_invalid,
        }
    }
}

const TEXT_LIMIT: usize = 120;

/// The settings as posted, the hotline tidied to its digits; the refusals,
/// each with its field (empty when they may be saved).
pub fn check_settings(
    mut settings: PortalSettings,
) -> (PortalSettings, Vec<(&'static str, SettingsRefusal)>) {
    let mut refused = Vec::new();
    let digits: String = settings
        .hotline_number
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let only_dialling = settings
        .hotline_number
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'));
    if !only_dialling || !(3..=15).contains(&digits.len()) {
        refused.push(("hotline_number", SettingsRefusal::Hotline));
    } else {
        settings.hotline_number = digits;
    }
    for (name, value) in [
        ("hotline_hours_vi", &settings.hotline_hours_vi),
        ("hotline_hours_en", &settings.hotline_hours_en),
    ] {
        if value.trim().is_empty() {
            refused.push((name, SettingsRefusal::Missing));
        } else if value.chars().count() > TEXT_LIMIT {
            refused.push((name, SettingsRefusal::TooLong));
        }
    }
    if EmailAddress::parse(&settings.feedback_email).is_err() {
        refused.push(("feedback_email", SettingsRefusal::Email));
    }
    (settings, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(hotline: &str, email: &str) -> PortalSettings {
        PortalSettings {
            hotline_number: hotline.into(),
            hotline_hours_vi: "0203 3 800 800 (giờ hành chính)".into(),
            hotline_hours_en: "0203 3 800 800 (office hours)".into(),
            feedback_email: email.into(),
        }
    }

    #[test]
    fn answer_days_are_whole_working_days_from_one_to_sixty() {
        assert_eq!(check_answer_days(" 10 "), Ok(10));
        assert_eq!(check_answer_days("60"), Ok(60));
        for refused in ["0", "61", "7.5", "bảy", ""] {
            assert_eq!(
                check_answer_days(refused),
                Err(SettingsRefusal::AnswerDays),
                "{refused}"
            );
        }
    }

    #[test]
    fn reopening_days_are_whole_days_from_one_to_sixty() {
        assert_eq!(check_reopen_days("3"), Ok(3));
        for refused in ["0", "61", "ba", ""] {
            assert_eq!(
                check_reopen_days(refused),
                Err(SettingsRefusal::ReopenDays),
                "{refused}"
            );
        }
    }

    #[test]
    fn drafts_are_kept_a_week_to_ten_years_and_exchanges_a_day_to_ten_years() {
        assert_eq!(
            check_retention(" 180 ", "90"),
            Ok(RetentionSettings {
                draft_retention_days: 180,
                assistant_retention_days: 90
            })
        );
        assert!(check_retention("7", "1").is_ok());
        assert!(check_retention("3650", "3650").is_ok());
        let fields = |drafts, assistant| {
            check_retention(drafts, assistant)
                .unwrap_err()
                .into_iter()
                .map(|(field, _)| field)
                .collect::<Vec<_>>()
        };
        assert_eq!(fields("6", "90"), ["draft_retention_days"]);
        assert_eq!(fields("180", "0"), ["assistant_retention_days"]);
        assert_eq!(
            fields("mãi", "3651"),
            ["draft_retention_days", "assistant_retention_days"]
        );
    }

    #[test]
    fn a_help_line_is_kept_as_the_digits_dialled() {
        let (tidy, refused) = check_settings(settings("0203 3.800-800", "gopy@quangninh.gov.vn"));
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(tidy.hotline_number, "02033800800");
    }

    #[test]
    fn letters_in_the_number_and_a_bad_address_are_refused() {
        let (_, refused) = check_settings(settings("1800-HELP", "gopy@"));
        let fields: Vec<&str> = refused.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, ["hotline_number", "feedback_email"]);
        let (_, refused) = check_settings(settings("12", "gopy@quangninh.gov.vn"));
        assert_eq!(refused[0].0, "hotline_number", "too short to dial");
    }
}
