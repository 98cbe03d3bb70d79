//! `GET /open311/v2/requests.json` and `/requests/{code}.json`: public
//! reports as service requests. The list holds what the public board does
//! (public reports the coordinator accepted), newest first, at most 1,000,
//! of the last 90 days unless `start_date`/`end_date` say otherwise; one
//! report by its code is there from its filing, as its page is. Nothing
//! about who reported; the agency's answer once published.

use super::{datetime, json_name, Open311Error};
use crate::state::AppState;
use app::field_reports::store::ON_THE_BOARD;
use app::paths;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

const MAX_REQUESTS: i64 = 1000;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ServiceRequest {
    /// The report's code, `PA-YYYY-NNNNNN`.
    pub service_request_id: String,
    /// `open` until the answer is published, then `closed`.
    pub status: &'static str,
    /// The agency's published answer.
    pub status_notes: Option<String>,
    pub service_name: String,
    pub service_code: String,
    pub description: String,
    pub agency_responsible: Option<String>,
    pub service_notice: Option<String>,
    pub requested_datetime: String,
    pub updated_datetime: String,
    /// When the handling is due (open reports).
    pub expected_datetime: Option<String>,
    pub address: String,
    pub address_id: Option<String>,
    pub zipcode: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    /// The first photo sent with the report, once it is accepted.
    pub media_url: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    /// Codes, separated by commas.
    pub service_request_id: Option<String>,
    pub service_code: Option<String>,
    /// ISO 8601 (`2026-12-01T00:00:00+07:00`); 90 days before `end_date` by default.
    #[param(format = DateTime)]
    pub start_date: Option<String>,
    /// ISO 8601; now by default.
    #[param(format = DateTime)]
    pub end_date: Option<String>,
    /// `open` or `closed`, or both separated by a comma.
    #[param(pattern = "^(open|closed)(,(open|closed))?$")]
    pub status: Option<String>,
}

fn bad_request(description: &str) -> Open311Error {
    Open311Error::new(StatusCode::BAD_REQUEST, description)
}

/// An optional date-time filter: absent is the default, anything given
/// (an empty value too) must be RFC 3339.
fn instant(text: Option<&str>, name: &str) -> Result<Option<DateTime<Utc>>, Open311Error> {
    text.map(|text| {
        DateTime::parse_from_rfc3339(text.trim())
            .map(|at| at.with_timezone(&Utc))
            .map_err(|_| {
                bad_request(&format!(
                    "{name} phải theo ISO 8601, ví dụ 2026-12-01T00:00:00+07:00."
                ))
            })
    })
    .transpose()
}

/// The stored statuses an Open311 `status` filter stands for.
fn statuses(filter: Option<&str>) -> Result<Vec<String>, Open311Error> {
    let mut wanted = Vec::new();
    for part in filter.unwrap_or("open,closed").split(',').map(str::trim) {
        match part {
            "open" => wanted.extend(["forwarded", "in_progress", "answered"]),
            "closed" => wanted.push("resolved"),
            _ => return Err(bad_request("status chỉ nhận open hoặc closed.")),
        }
    }
    Ok(wanted.into_iter().map(str::to_string).collect())
}

#[utoipa::path(get, path = "/open311/v2/requests.json", tag = "open311", params(RequestQuery),
    responses(
        (status = 200, description = "Public reports, newest first", body = [ServiceRequest]),
        (status = 400, description = "A filter that cannot be read", body = [super::Open311ErrorBody])))]
pub async fn list(
    State(state): State<AppState>,
    query: Result<Query<RequestQuery>, QueryRejection>,
) -> Result<Json<Vec<ServiceRequest>>, Open311Error> {
    // A query that does not even parse (a filter given twice) is refused
    // in Open311's own error shape, like every other bad filter.
    let Query(query) =
        query.map_err(|_| bad_request("Bộ lọc không đọc được (mỗi tham số chỉ một lần)."))?;
    let end = instant(query.end_date.as_deref(), "end_date")?.unwrap_or_else(|| state.clock.now());
    let start =
        instant(query.start_date.as_deref(), "start_date")?.unwrap_or(end - TimeDelta::days(90));
    let wanted = statuses(query.status.as_deref())?;
    // A start after the end is a period with nothing in it, not an error.
    if start > end {
        return Ok(Json(Vec::new()));
    }
    let codes: Option<Vec<String>> = query.service_request_id.as_deref().map(|ids| {
        ids.split(',')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect()
    });
    read(
        &state,
        &wanted,
        codes.as_deref(),
        query.service_code.as_deref(),
        Some((start, end)),
    )
    .await
    .map(Json)
}

#[utoipa::path(get, path = "/open311/v2/requests/{service_request_id}.json", tag = "open311",
    params(("service_request_id" = String, Path, description = "A report's code")),
    responses(
        (status = 200, description = "The report, as a list of one", body = [ServiceRequest]),
        (status = 404, description = "No public report with that code", body = [super::Open311ErrorBody])))]
pub async fn one(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Json<Vec<ServiceRequest>>, Open311Error> {
    let code = json_name(&file)?.to_string();
    // Public from its filing, as its page is, until refused or merged.
    let mut shown = vec!["received".to_string()];
    shown.extend(ON_THE_BOARD.iter().map(|status| status.to_string()));
    let found = read(&state, &shown, Some(&[code]), None, None).await?;
    if found.is_empty() {
        return Err(Open311Error::new(
            StatusCode::NOT_FOUND,
            "Không có phản ánh công khai với mã này.",
        ));
    }
    Ok(Json(found))
}

async fn read(
    state: &AppState,
    statuses: &[String],
    codes: Option<&[String]>,
    service_code: Option<&str>,
    window: Option<(DateTime<Utc>, DateTime<Utc>)>,
) -> Result<Vec<ServiceRequest>, Open311Error> {
    let rows = sqlx::query!(
        r#"SELECT f.code, f.status, f.description, c.code AS service_code, c.name_vi AS service_name,
                  a.name AS "agency?", f.answer, f.received_at AS "received_at: DateTime<Utc>",
                  f.due_at AS "due_at: DateTime<Utc>", f.street, u.name AS "commune?",
                  f.latitude, f.longitude,
                  (SELECT max(e.at) FROM field_report_events e
                   WHERE e.report_id = f.id AND e.visible) AS "updated_at: DateTime<Utc>",
                  (SELECT p.id FROM field_report_photos p WHERE p.report_id = f.id AND p.stage = 'before'
                   ORDER BY p.position LIMIT 1) AS photo_id
           FROM field_reports f
           JOIN report_categories c ON c.id = f.category_id
           LEFT JOIN agencies a ON a.id = f.agency_id
           LEFT JOIN administrative_units u ON u.code = f.commune_code
           WHERE f.public AND f.status = ANY($1)
             AND ($2::text[] IS NULL OR f.code = ANY($2))
             AND ($3::text IS NULL OR c.code = $3)
             AND ($4::timestamptz IS NULL OR f.received_at >= $4)
             AND ($5::timestamptz IS NULL OR f.received_at <= $5)
           ORDER BY f.received_at DESC, f.id DESC LIMIT $6"#,
        statuses,
        codes,
        service_code,
        window.map(|(start, _)| start) as _,
        window.map(|(_, end)| end) as _,
        MAX_REQUESTS,
    )
    .fetch_all(&state.pool)
    .await?;
    let base = &state.config.public_base_url;
    Ok(rows
        .into_iter()
        .map(|row| {
            let resolved = row.status == "resolved";
            let accepted = ON_THE_BOARD.contains(&row.status.as_str());
            ServiceRequest {
                status: if resolved { "closed" } else { "open" },
                status_notes: row.answer.filter(|_| resolved),
                service_name: row.service_name,
                service_code: row.service_code,
                description: row.description,
                agency_responsible: row.agency,
                service_notice: None,
                requested_datetime: datetime(row.received_at),
                updated_datetime: datetime(row.updated_at.unwrap_or(row.received_at)),
                expected_datetime: (!resolved).then(|| datetime(row.due_at)),
                address: [
                    row.street.unwrap_or_default(),
                    row.commune.unwrap_or_default(),
                ]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
                address_id: None,
                zipcode: None,
                lat: row.latitude,
                long: row.longitude,
                media_url: row
                    .photo_id
                    .filter(|_| accepted)
                    .map(|id| format!("{base}{}", paths::report_photo(id))),
                service_request_id: row.code,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::statuses;

    #[test]
    fn open_and_closed_stand_for_the_states_on_the_board() {
        assert_eq!(statuses(Some("closed")).unwrap(), ["resolved"]);
        assert_eq!(statuses(Some("open")).unwrap().len(), 3);
        assert_eq!(statuses(None).unwrap().len(), 4);
        assert!(statuses(Some("pending")).is_err());
    }
}
