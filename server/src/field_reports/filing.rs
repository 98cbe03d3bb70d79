//! `POST /phan-anh/gui` (multipart): a signed-in citizen files a report —
//! or a counter officer or the coordinator files one for a caller. Photos
//! are checked and stripped of metadata as they arrive
//! (`photos::clean`); the report gets its code from the year's counter in
//! the same transaction, its due time from the category's time on the
//! working calendar, and goes to the coordinating unit. A refused post
//! goes back to the form's second step with what was typed.

use super::photos::{self, CleanPhoto, PhotoRefused};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::{HandlerError, HandlerResult};
use crate::files::upload::read_part;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::access::{permits, Permission};
use app::deadlines::{vietnam_instant, vietnam_local};
use app::field_reports::pages::FILE_REPORT_FORM;
use app::field_reports::rules::{check_place, report_code, Point};
use app::field_reports::sla::Sla;
use app::field_reports::{store, PlaceQuery};
use app::field_reports::{DESCRIPTION_LIMITS, MAX_PHOTOS};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Multipart, State};
use chrono::{DateTime, Datelike, Utc};
use sqlx::PgConnection;
use tower_sessions::Session;

/// The report form's texts together: a description of 4,000 characters
/// and the place fit many times over.
const MAX_TEXT_BYTES: usize = 64 * 1024;

/// The posted report, as read.
pub(super) struct Posted {
    pub form: crate::forms::Posted,
    pub photos: Vec<CleanPhoto>,
    pub refused: Option<PhotoRefused>,
}

/// Reads the text parts (together at most `MAX_TEXT_BYTES`; past that the
/// rest is not read) and the `photo` parts (each within the file limit, at
/// most `MAX_PHOTOS`, cleaned on the way). The first refused photo stops
/// the reading of photos; the texts are kept either way.
pub(super) async fn read(state: &AppState, mut multipart: Multipart) -> Posted {
    let (mut texts, mut text_bytes) = (Vec::new(), 0);
    let mut photos = Vec::new();
    let mut refused = None;
    while let Ok(Some(mut field)) = multipart.next_field().await {
        let name = field.name().unwrap_or("").to_string();
        if name != "photo" {
            let Ok(text) = field.text().await else { break };
            text_bytes += name.len() + text.len();
            if text_bytes > MAX_TEXT_BYTES {
                break;
            }
            texts.push((name, text));
            continue;
        }
        let file_name = field.file_name().unwrap_or("").to_string();
        if file_name.is_empty() || refused.is_some() {
            continue;
        }
        if photos.len() >= MAX_PHOTOS {
            refused = Some(PhotoRefused::TooMany(MAX_PHOTOS));
            continue;
        }
        let declared = field.content_type().map(str::to_string);
        let max = state.config.max_file_bytes;
        match read_part(&mut field, max).await {
            Ok((content, _)) if content.is_empty() => {}
            Ok((content, _)) => match photos::clean(state, file_name, declared, content).await {
                Ok(photo) => photos.push(photo),
                Err(photo_refused) => refused = Some(photo_refused),
            },
            Err(_) => refused = Some(PhotoRefused::TooLarge { max }),
        }
    }
    Posted {
        form: crate::forms::Posted::from_pairs(texts),
        photos,
        refused,
    }
}

/// The form's second step again, with its place in the address.
fn back_to_form(posted: &Posted) -> String {
    let pairs = [
        ("loai", posted.form.text("category")),
        ("xa", posted.form.text("commune")),
        ("dia-chi", posted.form.text("street")),
        ("vi-do", posted.form.text("latitude")),
        ("kinh-do", posted.form.text("longitude")),
    ];
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        .finish();
    format!("{}?{query}", paths::FILE_REPORT)
}

#[tracing::instrument(skip_all, fields(user_id = user.id, action = "file_report"))]
pub async fn file(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    multipart: Multipart,
) -> HandlerResult {
    let t = &asker.lang.texts().field_reports;
    // Citizens file their own; officials only for a caller.
    let for_caller = permits(&user, Permission::FileFieldReportForCaller);
    if user.is_official() && !for_caller {
        return Err(HandlerError::forbidden());
    }
    let posted = read(&state, multipart).await;
    let back = back_to_form(&posted);
    let mut kept = FormFeedback::new(FILE_REPORT_FORM);
    let description = posted.form.paragraphs("description");
    kept.keep("description", &description);
    if posted.form.has("public") {
        kept.keep("public", "on");
    }
    let caller_name = posted.form.text("caller_name");
    let caller_phone = posted.form.text("caller_phone").replace(['.', '-'], "");
    let channel = if posted.form.text("channel") == "counter" {
        "counter"
    } else {
        "hotline"
    };
    if for_caller {
        kept.keep("caller_name", &caller_name);
        kept.keep("caller_phone", &caller_phone);
        kept.keep("channel", channel);
    }
    let length = description.chars().count();
    if length < DESCRIPTION_LIMITS.0 {
        kept.error("description", t.description_short);
    } else if length > DESCRIPTION_LIMITS.1 {
        kept.error("description", t.description_long);
    }
    let place = PlaceQuery {
        category: posted.form.text("category"),
        commune: posted.form.text("commune"),
        street: posted.form.text("street"),
        latitude: posted.form.text("latitude"),
        longitude: posted.form.text("longitude"),
    };
    let category = sqlx::query!(
        "SELECT id, sla_unit AS \"sla_unit!\", sla_amount, photo_required FROM report_categories
         WHERE code = $1 AND parent_id IS NOT NULL AND archived_at IS NULL",
        place.category
    )
    .fetch_optional(&state.pool)
    .await?;
    let communes = store::communes(&state.pool).await?;
    let commune_known = communes.iter().any(|commune| commune.code == place.commune);
    // The place was checked on the first step (`check_place`, the same
    // rule): a post that fails here was changed on the way, or its category
    // withdrawn since. Start again from the first step.
    let (Some(category), Ok(point)) = (category, check_place(&place, true, commune_known)) else {
        feedback::notice(&session, NoticeTone::Error, t.unknown_choice).await;
        return Ok(see_other(paths::FILE_REPORT));
    };
    let street = place.street.clone();
    if let Some(refused) = &posted.refused {
        kept.error("photo", refused.message(asker.lang));
    } else if category.photo_required && posted.photos.is_empty() {
        kept.error("photo", t.photo_missing);
    }
    let caller_ok = caller_name.chars().count() >= 2
        && caller_name.chars().count() <= 120
        && (6..=20).contains(&caller_phone.len())
        && caller_phone
            .chars()
            .all(|c| c.is_ascii_digit() || c == '+' || c == ' ');
    if for_caller && !caller_ok {
        kept.error("caller_name", t.caller_missing);
    }
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    }
    // Reserved before the report is kept, so parallel posts count too.
    match throttle::reserve(
        &state.pool,
        Kind::FieldReport,
        Subject::Account(user.id),
        asker.ip,
    )
    .await?
    {
        Ok(reservation) => reservation.keep(),
        Err(limited) => {
            kept.error("description", (t.too_many)(limited.wait_secs as u64));
            feedback::form(&session, kept).await;
            return Ok(see_other(&back));
        }
    }

    // Without a typed point, the first photo that knows where it was
    // taken gives it.
    let photo_point = posted.photos.iter().find_map(|photo| photo.taken_at);
    let (point, from_photo) = match (point, photo_point) {
        (Some(point), _) => (Some(point), false),
        (None, Some(point)) => (Some(point), true),
        (None, None) => (None, false),
    };
    let now = state.clock.now();
    let due = due_time(&state.pool, &category.sla_unit, category.sla_amount, now).await?;
    let public = posted.form.has("public");

    let mut tx = state.pool.begin().await?;
    let (reporter, caller, channel) = if for_caller {
        (
            None,
            Some((caller_name.as_str(), Some(caller_phone.as_str()))),
            channel,
        )
    } else {
        (Some(user.id), None, "web")
    };
    let (report_id, code) = insert(
        &mut tx,
        &NewReport {
            category_id: category.id,
            reporter,
            caller,
            channel,
            filed_by: Some(user.id),
            description: &description,
            commune: Some(place.commune.as_str()),
            street: (!street.is_empty()).then_some(street.as_str()),
            point,
            from_photo,
            public,
            received: now,
            due,
        },
    )
    .await?;
    super::Event::new("filed", Some(user.id))
        .tell(&state, &mut tx, report_id, now, None)
        .await?;
    photos::keep_all_and_commit(&state, tx, &posted.photos, user.id, report_id, "before").await?;
    let due_text = vietnam_local(due).format("%H:%M %d/%m/%Y").to_string();
    feedback::notice(&session, NoticeTone::Success, (t.filed)(&code, &due_text)).await;
    // The coordinator handles what they took by phone; a counter officer
    // goes back to the form for the next caller.
    let next = if !for_caller {
        paths::report(&code)
    } else if permits(&user, Permission::CoordinateFieldReports) {
        paths::report_handling(&code)
    } else {
        paths::FILE_REPORT.to_string()
    };
    Ok(see_other(&next))
}

/// A report about to be kept, from whichever channel.
pub(crate) struct NewReport<'a> {
    pub category_id: i64,
    /// The citizen who reported, or else the caller (name, phone) an
    /// official or another system filed for.
    pub reporter: Option<i64>,
    pub caller: Option<(&'a str, Option<&'a str>)>,
    /// `web`, `counter`, `hotline` or `open311`.
    pub channel: &'a str,
    pub filed_by: Option<i64>,
    pub description: &'a str,
    pub commune: Option<&'a str>,
    pub street: Option<&'a str>,
    pub point: Option<Point>,
    pub from_photo: bool,
    pub public: bool,
    pub received: DateTime<Utc>,
    pub due: DateTime<Utc>,
}

/// Keeps `report` with the coordinating unit, numbered from its year's
/// counter — a row taken in the caller's transaction, so parallel filings
/// queue on it and a rollback gives the number back — and its reporter
/// following it. Returns its id and code.
pub(crate) async fn insert(
    conn: &mut PgConnection,
    report: &NewReport<'_>,
) -> sqlx::Result<(i64, String)> {
    let year = vietnam_local(report.received).year();
    let number = sqlx::query_scalar!(
        "INSERT INTO field_report_counters (year, last_number) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_number = field_report_counters.last_number + 1
         RETURNING last_number",
        year
    )
    .fetch_one(&mut *conn)
    .await?;
    let code = report_code(year, number);
    let id = sqlx::query_scalar!(
        "INSERT INTO field_reports (code, category_id, reporter_id, caller_name, caller_phone, channel,
             filed_by, description, commune_code, street, latitude, longitude, place_from_photo,
             public, status, received_at, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'received', $15, $16)
         RETURNING id",
        code,
        report.category_id,
        report.reporter,
        report.caller.map(|(name, _)| name),
        report.caller.and_then(|(_, phone)| phone),
        report.channel,
        report.filed_by,
        report.description,
        report.commune,
        report.street,
        report.point.map(|p| p.latitude),
        report.point.map(|p| p.longitude),
        report.from_photo,
        report.public,
        report.received as _,
        report.due as _,
    )
    .fetch_one(&mut *conn)
    .await?;
    if let Some(reporter) = report.reporter {
        sqlx::query!(
            "INSERT INTO field_report_followers (report_id, user_id, since) VALUES ($1, $2, $3)",
            id,
            reporter,
            report.received as _
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok((id, code))
}

/// When a report of a category with this time (`unit`, `amount`), received
/// `now`, is due on the working calendar.
pub(crate) async fn due_time(
    pool: &sqlx::PgPool,
    unit: &str,
    amount: Option<i32>,
    now: DateTime<Utc>,
) -> anyhow::Result<DateTime<Utc>> {
    // The database keeps a unit and an amount on every second-level
    // category; a time the rules cannot read is the data's fault.
    let sla = Sla::stored(unit, amount)
        .ok_or_else(|| anyhow::anyhow!("a report category has no time ({unit}, {amount:?})"))?;
    let calendar = app::deadlines::store::working_calendar(pool).await?;
    Ok(vietnam_instant(sla.due(&calendar, vietnam_local(now))))
}
