//! `POST /open311/v2/requests.json` (form-encoded, GeoReport v2): another
//! system files a report for a person, with an Open311 key. It is checked
//! by the same rules as the portal's form (`check_place`, the description's
//! length), numbered from the same counter, timed by its category, and
//! goes to the coordinating unit like any report, channel `open311`; the
//! person is a caller (their name, or else the system's), never an
//! account. A category that needs a photo is filed on the portal: photos
//! are not fetched from other servers' addresses.

use super::Open311Error;
use crate::field_reports::filing::{due_time, insert, NewReport};
use crate::field_reports::Event;
use crate::forms::Posted;
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::access::{permits, Permission};
use app::deadlines::vietnam_local;
use app::field_reports::rules::check_place;
use app::field_reports::{store, PlaceQuery, DESCRIPTION_LIMITS};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct Filed {
    /// The report's code, `PA-YYYY-NNNNNN`.
    pub service_request_id: String,
    /// When the handling is due.
    pub service_notice: String,
    pub account_id: Option<String>,
}

fn bad_request(description: impl Into<String>) -> Open311Error {
    Open311Error::new(StatusCode::BAD_REQUEST, description)
}

#[utoipa::path(post, path = "/open311/v2/requests.json", tag = "open311",
    request_body(content_type = "application/x-www-form-urlencoded",
        description = "api_key, service_code, attribute[commune], description; optional lat, long, address_string, first_name, last_name, phone"),
    responses(
        (status = 201, description = "Filed: its code, as a list of one", body = [Filed]),
        (status = 400, description = "A field missing or wrong", body = [super::Open311ErrorBody]),
        (status = 403, description = "No valid Open311 api_key", body = [super::Open311ErrorBody]),
        (status = 429, description = "Too many reports from this key's owner in an hour", body = [super::Open311ErrorBody])))]
#[tracing::instrument(skip_all, fields(action = "open311_file"))]
pub async fn file(
    State(state): State<AppState>,
    form: Posted,
) -> Result<impl IntoResponse, Open311Error> {
    let key = form.get("api_key");
    let owner = crate::access::api_tokens::open311_owner(&state.pool, key.trim())
        .await?
        .filter(|(_, owner)| permits(owner, Permission::FileFieldReportForCaller));
    let Some((system, owner)) = owner else {
        return Err(Open311Error::new(
            StatusCode::FORBIDDEN,
            "api_key không hợp lệ hoặc đã bị thu hồi.",
        ));
    };
    let service_code = form.get("service_code");
    let category = sqlx::query!(
        "SELECT id, sla_unit AS \"sla_unit!\", sla_amount, photo_required, public_by_default
         FROM report_categories WHERE code = $1 AND parent_id IS NOT NULL AND archived_at IS NULL",
        service_code
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(|| bad_request("service_code không có trong services.json."))?;
    if category.photo_required {
        return Err(bad_request(
            "Loại phản ánh này cần ảnh chụp: đề nghị người dân gửi tại cổng dịch vụ công.",
        ));
    }
    let place = PlaceQuery {
        category: service_code.clone(),
        commune: form.get("attribute[commune]").trim().to_string(),
        street: form.get("address_string").trim().to_string(),
        latitude: form.get("lat"),
        longitude: form.get("long"),
    };
    let communes = store::communes(&state.pool).await?;
    let commune_known = communes.iter().any(|commune| commune.code == place.commune);
    let point = check_place(&place, true, commune_known).map_err(|errors| {
        let t = &app::i18n::Lang::Vi.texts().field_reports;
        let fields: Vec<String> = errors
            .into_iter()
            .map(|(field, error)| {
                let name = match field.as_str() {
                    "commune" => "attribute[commune]",
                    "street" => "address_string",
                    "latitude" => "lat, long",
                    other => other,
                };
                format!("{name}: {}", (t.place_error)(error))
            })
            .collect();
        bad_request(fields.join(" "))
    })?;
    let description = form.get("description").trim().to_string();
    let length = description.chars().count();
    if !(DESCRIPTION_LIMITS.0..=DESCRIPTION_LIMITS.1).contains(&length) {
        return Err(bad_request(format!(
            "description: từ {} đến {} ký tự.",
            DESCRIPTION_LIMITS.0, DESCRIPTION_LIMITS.1
        )));
    }
    let name = format!(
        "{} {}",
        form.get("first_name").trim(),
        form.get("last_name").trim()
    )
    .trim()
    .to_string();
    // Who called, or at least which system brought it.
    let caller_name: String = if name.is_empty() { system } else { name }
        .chars()
        .take(120)
        .collect();
    let phone = form.get("phone").replace(['.', '-', '(', ')'], "");
    let phone = phone.trim();
    let phone_ok = phone.is_empty()
        || ((6..=20).contains(&phone.len())
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || c == '+' || c == ' '));
    if !phone_ok {
        return Err(bad_request("phone: 6 đến 20 chữ số."));
    }

    // Reserved before the report is kept, so parallel posts count too.
    match throttle::reserve(
        &state.pool,
        Kind::Open311Report,
        Subject::Account(owner.id),
        None,
    )
    .await?
    {
        Ok(reservation) => reservation.keep(),
        Err(limited) => {
            return Err(Open311Error::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "Quá nhiều phản ánh trong một giờ; thử lại sau {} giây.",
                    limited.wait_secs
                ),
            ))
        }
    }

    let now = state.clock.now();
    let due = due_time(&state.pool, &category.sla_unit, category.sla_amount, now).await?;
    let mut tx = state.pool.begin().await?;
    let (report_id, code) = insert(
        &mut tx,
        &NewReport {
            category_id: category.id,
            reporter: None,
            caller: Some((caller_name.as_str(), (!phone.is_empty()).then_some(phone))),
            channel: "open311",
            filed_by: Some(owner.id),
            description: &description,
            commune: Some(place.commune.as_str()),
            street: (!place.street.is_empty()).then_some(place.street.as_str()),
            point,
            from_photo: false,
            public: category.public_by_default,
            received: now,
            due,
        },
    )
    .await?;
    Event::new("filed", Some(owner.id))
        .tell(&state, &mut tx, report_id, now, None)
        .await?;
    tx.commit().await?;
    let notice = format!("Hạn xử lý: {}", vietnam_local(due).format("%H:%M %d/%m/%Y"));
    Ok((
        StatusCode::CREATED,
        Json(vec![Filed {
            service_request_id: code,
            service_notice: notice,
            account_id: None,
        }]),
    ))
}
