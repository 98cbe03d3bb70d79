//! `POST /quan-tri/co-quan/{code}`: a province administrator changes an
//! agency's names, contact data or office hours. The agency's row is locked
//! for the change; the audit log keeps before and after. Office hours count
//! from the next dossier on: an appointment already given is stored and
//! never recomputed.

use super::agency_changes::{self, Change};
use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::agencies::server_fns::store::fields as stored_fields;
use app::administration::agencies::{check_agency, effective_day, AgencyFields};
use app::administration::pages::AGENCY_FORM;
use app::deadlines::office_hours::{format_office_hours, parse_office_hours};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

pub async fn update(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().agencies_admin;
    let back = paths::agency_admin(&code);
    let mut kept = FormFeedback::new(AGENCY_FORM);
    let mut text = |name: &str| form.kept_text(&mut kept, name);
    let mut fields = AgencyFields {
        name: text("name"),
        name_en: text("name_en"),
        address: text("address"),
        phone: text("phone"),
        email: text("email"),
        office_hours: text("office_hours"),
    };
    let today = state.clock.today_in_vietnam();
    let typed_day = form.kept_text(&mut kept, "name_effective_on");
    let name_day = effective_day(&typed_day, today);
    let refusals = check_agency(&fields);
    if !refusals.is_empty() || name_day.is_err() {
        for (field, refusal) in refusals {
            kept.error(field, refusal.message(t));
        }
        if let Err(refusal) = name_day {
            kept.error("name_effective_on", refusal.message(t));
        }
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    }
    let name_day = name_day.unwrap_or(today);
    let periods = parse_office_hours(&fields.office_hours).unwrap_or_default();
    fields.office_hours = format_office_hours(&periods);
    let stored: Vec<String> = fields.office_hours.split(", ").map(String::from).collect();
    let optional = |value: &str| (!value.is_empty()).then(|| value.to_string());
    let mut tx = state.pool.begin().await?;
    let id = sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1 FOR UPDATE", code)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(HandlerError::not_found)?;
    let before = stored_fields(&mut *tx, &code)
        .await?
        .map(|(_, _, fields)| fields);
    // A new name decided for a later day waits for it; the rest is now.
    let mut renamed_later = None;
    if let Some(before) = before.as_ref().filter(|before| {
        name_day > today && (before.name != fields.name || before.name_en != fields.name_en)
    }) {
        let change = Change::Rename {
            name: fields.name.clone(),
            name_en: fields.name_en.clone(),
        };
        if !agency_changes::schedule(&mut tx, admin, id, change, name_day).await? {
            tx.rollback().await?;
            feedback::notice(&session, NoticeTone::Error, t.change_pending).await;
            return Ok(see_other(&back));
        }
        renamed_later = Some(fields.name.clone());
        fields.name = before.name.clone();
        fields.name_en = before.name_en.clone();
    }
    sqlx::query!(
        "UPDATE agencies SET name = $2, name_en = $3, address = $4, phone = $5, email = $6, office_hours = $7
         WHERE code = $1",
        code,
        fields.name,
        optional(&fields.name_en),
        optional(&fields.address),
        optional(&fields.phone),
        optional(&fields.email),
        &stored,
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::AgencyUpdated,
        json!({ "agency": code, "before": before, "after": fields,
                "renamed_later": renamed_later.as_ref().map(|name| json!({ "name": name, "day": name_day.to_string() })) }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let notice = match renamed_later {
        Some(name) => (t.rename_scheduled)(&name, &name_day.format("%d/%m/%Y").to_string()),
        None => t.saved.to_string(),
    };
    feedback::notice(&session, NoticeTone::Success, notice).await;
    Ok(see_other(&back))
}
