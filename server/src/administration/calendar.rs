//! The working calendar's form posts (`/quan-tri/lich-lam-viec`), for
//! administrators of the province:
//! - `POST /quan-tri/lich-lam-viec` adds a day off or a make-up day;
//! - `POST /quan-tri/lich-lam-viec/ngay/{day}/xoa` removes a listed day;
//! - `POST /quan-tri/lich-lam-viec/nam/{year}/xac-nhan` confirms a year,
//!   writing its proposed days into the calendar.
//!
//! Only days after today change (`app::administration::calendar`), and
//! appointments are stored when computed, so no deadline already given
//! moves. Every change is in the audit log with what was there before and
//! after. A day is one row (its key), so two administrators adding the same
//! day at once get one row and one "already listed".

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::Permission;
use app::administration::calendar::{
    check_new_day, may_remove, province_id, DayKind, DayRefusal, NAME_LIMIT,
};
use app::administration::pages::{ADD_DAY_FORM, CONFIRM_YEAR_FORM};
use app::deadlines::calendar_proposals::proposed_days_off;
use app::deadlines::parse_day;
use app::forms::{FormFeedback, NoticeTone};
use app::i18n::CalendarTexts;
use app::paths;
use axum::extract::{Path, State};
use chrono::{Datelike, NaiveDate};
use serde_json::json;
use tower_sessions::Session;

/// The longest announcement a confirmation may cite.
const NOTE_LIMIT: usize = 300;

async fn calendar_keeper(state: &AppState, user: &SignedIn, asker: &Asker) -> HandlerResult<i64> {
    let province_id = province_id(&state.pool).await?;
    let admin = user.may(
        Permission::ManageWorkingCalendar { province_id },
        asker.lang,
    )?;
    Ok(admin.id)
}

fn refusal_text(k: &CalendarTexts, refusal: DayRefusal) -> &'static str {
    match refusal {
        DayRefusal::NotADate => k.not_a_date,
        DayRefusal::NotAfterToday => k.not_after_today,
        DayRefusal::HolidayOnWeekend => k.holiday_on_weekend,
        DayRefusal::MakeUpOnWeekday => k.make_up_on_weekday,
        DayRefusal::NameMissing => k.name_missing,
        DayRefusal::AlreadyListed => k.already_listed,
        DayRefusal::OutOfRange => k.out_of_range,
    }
}

pub async fn add_day(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin_id = calendar_keeper(&state, &user, &asker).await?;
    let k = &asker.lang.texts().calendar;
    let typed_day = form.get("day").trim().to_string();
    let name = app::text::normalize(form.get("name").trim());
    let kind = DayKind::parse(&form.get("kind"));
    let mut refused = FormFeedback::new(ADD_DAY_FORM);
    refused.keep("day", &typed_day);
    refused.keep("name", &name);
    refused.keep("kind", &form.get("kind"));
    let day = parse_day(&typed_day);
    if day.is_none() {
        refused.error("day", k.not_a_date);
    }
    if kind.is_none() {
        refused.error("kind", k.kind_missing);
    }
    let (Some(day), Some(kind)) = (day, kind) else {
        if name.is_empty() || name.chars().count() > NAME_LIMIT {
            refused.error("name", k.name_missing);
        }
        feedback::form(&session, refused).await;
        return Ok(see_other(paths::CALENDAR));
    };
    let back = paths::calendar_year(day.year());
    let today = state.clock.today_in_vietnam();
    let listed = sqlx::query_scalar!(
        "SELECT EXISTS (SELECT 1 FROM calendar_days WHERE day = $1) AS \"listed!\"",
        day as _
    )
    .fetch_one(&state.pool)
    .await?;
    let refusals = check_new_day(day, kind, &name, today, listed);
    if !refusals.is_empty() {
        for refusal in refusals {
            let field = match refusal {
                DayRefusal::NameMissing => "name",
                DayRefusal::HolidayOnWeekend | DayRefusal::MakeUpOnWeekday => "kind",
                _ => "day",
            };
            refused.error(field, refusal_text(k, refusal));
        }
        feedback::form(&session, refused).await;
        return Ok(see_other(&back));
    }
    let mut tx = state.pool.begin().await?;
    let added = sqlx::query_scalar!(
        "INSERT INTO calendar_days (day, kind, name) VALUES ($1, $2, $3)
         ON CONFLICT (day) DO NOTHING RETURNING day",
        day as _,
        kind.as_str(),
        name
    )
    .fetch_optional(&mut *tx)
    .await?;
    if added.is_none() {
        // Another administrator listed it a moment ago.
        refused.error("day", k.already_listed);
        feedback::form(&session, refused).await;
        return Ok(see_other(&back));
    }
    audit::record(
        &mut *tx,
        Some(admin_id),
        AuditAction::CalendarDayAdded,
        json!({ "day": day, "before": null, "after": { "kind": kind.as_str(), "name": name } }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let shown = day.format("%d/%m/%Y").to_string();
    feedback::notice(&session, NoticeTone::Success, (k.added_notice)(&shown)).await;
    Ok(see_other(&back))
}

pub async fn remove_day(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(day): Path<String>,
) -> HandlerResult {
    let admin_id = calendar_keeper(&state, &user, &asker).await?;
    let k = &asker.lang.texts().calendar;
    let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| HandlerError::not_found())?;
    let back = paths::calendar_year(day.year());
    if !may_remove(day, state.clock.today_in_vietnam()) {
        feedback::notice(&session, NoticeTone::Error, k.remove_refused).await;
        return Ok(see_other(&back));
    }
    let mut tx = state.pool.begin().await?;
    let removed = sqlx::query!(
        "DELETE FROM calendar_days WHERE day = $1 RETURNING kind, name",
        day as _
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(removed) = removed else {
        feedback::notice(&session, NoticeTone::Error, k.remove_refused).await;
        return Ok(see_other(&back));
    };
    audit::record(
        &mut *tx,
        Some(admin_id),
        AuditAction::CalendarDayRemoved,
        json!({ "day": day, "before": { "kind": removed.kind, "name": removed.name }, "after": null }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let shown = day.format("%d/%m/%Y").to_string();
    feedback::notice(&session, NoticeTone::Success, (k.removed_notice)(&shown)).await;
    Ok(see_other(&back))
}

pub async fn confirm_year(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(year): Path<i32>,
    form: Posted,
) -> HandlerResult {
    let admin_id = calendar_keeper(&state, &user, &asker).await?;
    let k = &asker.lang.texts().calendar;
    if !(2000..=2200).contains(&year) {
        return Err(HandlerError::not_found());
    }
    let back = paths::calendar_year(year);
    let note = app::text::normalize(form.get("note").trim());
    if note.is_empty() || note.chars().count() > NOTE_LIMIT {
        let mut refused = FormFeedback::new(CONFIRM_YEAR_FORM);
        refused.keep("note", &note);
        refused.error("note", k.note_missing);
        feedback::form(&session, refused).await;
        return Ok(see_other(&back));
    }
    let mut tx = state.pool.begin().await?;
    let confirmed = sqlx::query_scalar!(
        "INSERT INTO calendar_years (year, confirmed_at, confirmed_by, note) VALUES ($1, $2, $3, $4)
         ON CONFLICT (year) DO NOTHING RETURNING year",
        year,
        state.clock.now() as _,
        admin_id,
        note
    )
    .fetch_optional(&mut *tx)
    .await?;
    if confirmed.is_none() {
        feedback::notice(&session, NoticeTone::Error, (k.already_confirmed)(year)).await;
        return Ok(see_other(&back));
    }
    // The year's days are now exactly its rows: write in the proposals it
    // was showing (days already entered keep their own entry).
    let proposed = proposed_days_off(year);
    let days: Vec<NaiveDate> = proposed.iter().map(|day| day.day).collect();
    let names: Vec<String> = proposed.iter().map(|day| day.name.clone()).collect();
    let written = sqlx::query_scalar!(
        r#"INSERT INTO calendar_days (day, kind, name)
           SELECT day, 'holiday', name FROM unnest($1::date[], $2::text[]) AS p (day, name)
           ON CONFLICT (day) DO NOTHING RETURNING day AS "day: NaiveDate""#,
        &days as _,
        &names
    )
    .fetch_all(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin_id),
        AuditAction::CalendarYearConfirmed,
        json!({ "year": year, "note": note, "before": "provisional", "after": "confirmed", "days_written": written }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, (k.confirmed_notice)(year)).await;
    Ok(see_other(&back))
}
