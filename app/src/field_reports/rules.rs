//! The field reports' rules that need no database: the place as typed,
//! distance between two points, when a report is due soon, who may reopen
//! it until when, and which step may follow which.

use super::{PlaceQuery, RefusalReason, ReportStatus, NOTE_LIMIT};
use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

/// What is wrong with the place or the category as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaceError {
    CategoryMissing,
    CommuneMissing,
    /// Latitude and longitude go together, as decimal degrees in Vietnam.
    BadCoordinates,
    StreetTooLong,
}

/// A point in decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub latitude: f64,
    pub longitude: f64,
}

/// The place as the filing form's first step gives it, checked — the same
/// on the form and when the report is posted: a category and a commune of
/// the province's lists (as the caller found them), a street of at most
/// 200 characters, and an optional point. The point, or each field's error.
pub fn check_place(
    place: &PlaceQuery,
    category_known: bool,
    commune_known: bool,
) -> Result<Option<Point>, Vec<(String, PlaceError)>> {
    let mut errors = Vec::new();
    if !category_known {
        errors.push(("category".to_string(), PlaceError::CategoryMissing));
    }
    if !commune_known {
        errors.push(("commune".to_string(), PlaceError::CommuneMissing));
    }
    if place.street.chars().count() > 200 {
        errors.push(("street".to_string(), PlaceError::StreetTooLong));
    }
    let point = parse_point(&place.latitude, &place.longitude).unwrap_or_else(|error| {
        errors.push(("latitude".to_string(), error));
        None
    });
    if errors.is_empty() {
        Ok(point)
    } else {
        Err(errors)
    }
}

/// Vietnam's extent, islands included (Trường Sa reaches 8.6°N,
/// 117.8°E): a point outside it is a typing error.
const VIETNAM: (f64, f64, f64, f64) = (8.0, 23.5, 102.0, 118.0);

/// The optional point as typed ("21.0285" and "105.8542", a comma taken
/// as the decimal mark): none when both are empty.
pub fn parse_point(latitude: &str, longitude: &str) -> Result<Option<Point>, PlaceError> {
    let (latitude, longitude) = (latitude.trim(), longitude.trim());
    if latitude.is_empty() && longitude.is_empty() {
        return Ok(None);
    }
    let number = |text: &str| text.replace(',', ".").parse::<f64>().ok();
    match (number(latitude), number(longitude)) {
        (Some(latitude), Some(longitude)) if in_vietnam(latitude, longitude) => Ok(Some(Point {
            latitude,
            longitude,
        })),
        _ => Err(PlaceError::BadCoordinates),
    }
}

pub fn in_vietnam(latitude: f64, longitude: f64) -> bool {
    let (south, north, west, east) = VIETNAM;
    (south..=north).contains(&latitude) && (west..=east).contains(&longitude)
}

/// Great-circle distance in metres (haversine; at 100 m its error is
/// centimetres).
pub fn distance_metres(a: Point, b: Point) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_000.0;
    let (phi1, phi2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let d_phi = (b.latitude - a.latitude).to_radians();
    let d_lambda = (b.longitude - a.longitude).to_radians();
    let h = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

/// Due soon: less than a quarter of its time is left (and it is not yet
/// due). The escalation job warns the agency once.
pub fn due_soon(received: NaiveDateTime, due: NaiveDateTime, now: NaiveDateTime) -> bool {
    let whole = due - received;
    now < due && (due - now) * 4 < whole
}

/// Until when a resolved report may be reopened by its reporter: `days`
/// calendar days after the answer was published.
pub fn reopen_until(published: NaiveDateTime, days: i32) -> NaiveDateTime {
    published + TimeDelta::days(i64::from(days.max(0)))
}

/// Whether a refusal says enough: a reason, and a note of at least five
/// characters (which channel, why) — HCMC 1022 refuses nothing silently.
pub fn refusal_is_explained(reason: Option<RefusalReason>, note: &str) -> bool {
    let length = note.trim().chars().count();
    reason.is_some() && (5..=NOTE_LIMIT).contains(&length)
}

/// What someone does to a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Coordinator: forward to an agency.
    Forward,
    /// Coordinator: refuse with a reason.
    Refuse,
    /// Coordinator: merge into another report.
    Merge,
    /// Agency: give to one of its officials.
    Assign,
    /// Agency: send back to the coordinator (not ours).
    Return,
    /// Agency: ask for more time.
    AskExtension,
    /// Agency: answer.
    Answer,
    /// Coordinator: publish the answer, or send it back to the agency.
    Publish,
    ReturnAnswer,
    /// Coordinator: grant or decline an asked extension.
    DecideExtension,
    /// Reporter: not fixed, look again.
    Reopen,
}

/// Whether `step` may be taken on a report in `status`.
pub fn allowed(status: ReportStatus, step: Step) -> bool {
    use ReportStatus as S;
    match step {
        Step::Forward => status == S::Received,
        Step::Refuse | Step::Merge => status == S::Received,
        Step::Assign => matches!(status, S::Forwarded | S::InProgress),
        Step::Return | Step::AskExtension => matches!(status, S::Forwarded | S::InProgress),
        Step::Answer => matches!(status, S::Forwarded | S::InProgress),
        Step::Publish | Step::ReturnAnswer => status == S::Answered,
        Step::DecideExtension => matches!(status, S::Forwarded | S::InProgress | S::Answered),
        Step::Reopen => status == S::Resolved,
    }
}

/// Whether `step` may be taken now, given whether the agency's request
/// for more time is waiting: one request at a time, and a decision only on
/// a request.
pub fn allowed_now(status: ReportStatus, extension_asked: bool, step: Step) -> bool {
    allowed(status, step)
        && match step {
            Step::DecideExtension => extension_asked,
            Step::AskExtension => !extension_asked,
            _ => true,
        }
}

/// A report code: `PA-2026-000123`.
pub fn report_code(year: i32, number: i32) -> String {
    format!("PA-{year:04}-{number:06}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 3, d)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_point_is_both_numbers_inside_vietnam_or_nothing() {
        assert_eq!(parse_point("", " "), Ok(None));
        assert_eq!(
            parse_point("20,9517", "107.0806"),
            Ok(Some(Point {
                latitude: 20.9517,
                longitude: 107.0806
            }))
        );
        assert_eq!(parse_point("20.95", ""), Err(PlaceError::BadCoordinates));
        // Paris is not a Vietnamese street.
        assert_eq!(
            parse_point("48.8566", "2.3522"),
            Err(PlaceError::BadCoordinates)
        );
        assert_eq!(parse_point("abc", "107"), Err(PlaceError::BadCoordinates));
    }

    #[test]
    fn a_place_names_each_thing_wrong_with_it() {
        let place = PlaceQuery {
            category: "den-chieu-sang-hong".into(),
            commune: "06685".into(),
            street: "x".repeat(201),
            latitude: "20.95".into(),
            longitude: String::new(),
        };
        let errors = check_place(&place, true, false).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(field, _)| field.as_str()).collect();
        assert_eq!(fields, ["commune", "street", "latitude"]);
        let fine = PlaceQuery {
            street: "Chợ Hạ Long 1".into(),
            longitude: "107.08".into(),
            ..place
        };
        assert!(matches!(check_place(&fine, true, true), Ok(Some(_))));
    }

    #[test]
    fn distances_are_in_metres() {
        // 0.001° of latitude is about 111 m anywhere.
        let a = Point {
            latitude: 20.9517,
            longitude: 107.0806,
        };
        let b = Point {
            latitude: 20.9527,
            longitude: 107.0806,
        };
        let d = distance_metres(a, b);
        assert!((110.0..112.5).contains(&d), "{d}");
        assert_eq!(distance_metres(a, a), 0.0);
    }

    #[test]
    fn due_soon_is_the_last_quarter_of_the_time() {
        // Four days' time: the last day is "soon", not the third.
        assert!(!due_soon(at(1, 8), at(5, 8), at(3, 8)));
        assert!(due_soon(at(1, 8), at(5, 8), at(4, 9)));
        // Once due, it is overdue, not soon.
        assert!(!due_soon(at(1, 8), at(5, 8), at(5, 9)));
    }

    #[test]
    fn a_refusal_needs_a_reason_and_words() {
        assert!(!refusal_is_explained(None, "Không thuộc phạm vi"));
        assert!(!refusal_is_explained(Some(RefusalReason::Spam), "  "));
        assert!(refusal_is_explained(
            Some(RefusalReason::Complaint),
            "Gửi đơn khiếu nại tới UBND phường theo Luật Khiếu nại"
        ));
    }

    #[test]
    fn only_a_resolved_report_is_reopened_and_only_a_new_one_refused() {
        assert!(allowed(ReportStatus::Resolved, Step::Reopen));
        assert!(!allowed(ReportStatus::InProgress, Step::Reopen));
        assert!(allowed(ReportStatus::Received, Step::Refuse));
        assert!(!allowed(ReportStatus::Resolved, Step::Refuse));
        assert!(!allowed(ReportStatus::Received, Step::Answer));
        assert!(allowed(ReportStatus::Answered, Step::Publish));
    }

    #[test]
    fn more_time_is_asked_once_and_decided_only_when_asked() {
        assert!(allowed_now(
            ReportStatus::InProgress,
            false,
            Step::AskExtension
        ));
        assert!(!allowed_now(
            ReportStatus::InProgress,
            true,
            Step::AskExtension
        ));
        assert!(!allowed_now(
            ReportStatus::InProgress,
            false,
            Step::DecideExtension
        ));
        assert!(allowed_now(
            ReportStatus::InProgress,
            true,
            Step::DecideExtension
        ));
        assert!(!allowed_now(
            ReportStatus::Resolved,
            true,
            Step::DecideExtension
        ));
    }

    #[test]
    fn codes_have_the_year_and_six_digits() {
        assert_eq!(report_code(2026, 123), "PA-2026-000123");
    }

    #[test]
    fn the_reopening_window_counts_calendar_days_from_publication() {
        assert_eq!(reopen_until(at(1, 10), 7), at(8, 10));
    }
}
