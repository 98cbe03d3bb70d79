//! `POST /quan-tri/cai-dat`: a province administrator sets the help line
//! and the feedback address every page shows; `POST
//! /quan-tri/cai-dat/hoi-dap`, the questions' and the assistant's
//! settings; `POST /quan-tri/cai-dat/phan-anh`, the field reports'. Audited with before and after; the cached public pages are
//! dropped by the table's trigger.

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::pages::{
    ASSISTANT_SETTINGS_FORM, REPORT_SETTINGS_FORM, RETENTION_SETTINGS_FORM, SETTINGS_FORM,
};
use app::administration::settings::server_fns::store::{
    assistant_settings, field_report_settings, retention_settings, settings as stored,
};
use app::administration::settings::{
    check_answer_days, check_map, check_reopen_days, check_retention, check_settings,
    AssistantSettings, FieldReportSettings, MapTyped, PortalSettings,
};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

pub async fn update(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().settings_admin;
    let back = paths::SETTINGS_ADMIN;
    let mut kept = FormFeedback::new(SETTINGS_FORM);
    let mut text = |name: &str| form.kept_text(&mut kept, name);
    let posted = PortalSettings {
        hotline_number: text("hotline_number"),
        hotline_hours_vi: text("hotline_hours_vi"),
        hotline_hours_en: text("hotline_hours_en"),
        feedback_email: text("feedback_email"),
    };
    let (settings, refusals) = check_settings(posted);
    if !refusals.is_empty() {
        for (field, refusal) in refusals {
            kept.error(field, refusal.message(t));
        }
        return send_back(&session, kept, back).await;
    }
    let mut tx = state.pool.begin().await?;
    lock_settings(&mut tx).await?;
    let before = stored(&mut *tx)
        .await
        .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    sqlx::query!(
        "INSERT INTO portal_settings (hotline_number, hotline_hours_vi, hotline_hours_en, feedback_email)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (singleton) DO UPDATE SET hotline_number = $1, hotline_hours_vi = $2,
             hotline_hours_en = $3, feedback_email = $4, updated_at = now()",
        settings.hotline_number,
        settings.hotline_hours_vi,
        settings.hotline_hours_en,
        settings.feedback_email,
    )
    .execute(&mut *tx)
    .await?;
    audited_commit(
        tx,
        admin,
        json!({ "before": before, "after": settings }),
        &asker,
    )
    .await?;
    feedback::notice(&session, NoticeTone::Success, t.saved).await;
    Ok(see_other(back))
}

/// `POST /quan-tri/cai-dat/hoi-dap`: the working days agencies have to
/// answer a citizen's question, and whether the assistant may phrase its
/// answers. Switching phrasing off holds from the next question on, on
/// every instance (it is read per question).
pub async fn update_assistant(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().settings_admin;
    let back = format!("{}#hoi-dap", paths::SETTINGS_ADMIN);
    let mut kept = FormFeedback::new(ASSISTANT_SETTINGS_FORM);
    let days = check_answer_days(&form.kept_text(&mut kept, "question_answer_days"));
    let days = match days {
        Ok(days) => days,
        Err(refusal) => {
            kept.error("question_answer_days", refusal.message(t));
            return send_back(&session, kept, &back).await;
        }
    };
    let after = AssistantSettings {
        question_answer_days: days,
        generated_answers: form.get("generated_answers") == "on",
    };
    let mut tx = state.pool.begin().await?;
    lock_settings(&mut tx).await?;
    let before = assistant_settings(&mut *tx)
        .await
        .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    // The row is seeded on every install (`seed/portal_settings.json`).
    sqlx::query!(
        "UPDATE portal_settings SET question_answer_days = $1, generated_answers = $2, updated_at = now()",
        after.question_answer_days,
        after.generated_answers
    )
    .execute(&mut *tx)
    .await?;
    audited_commit(
        tx,
        admin,
        json!({ "before": before, "after": after }),
        &asker,
    )
    .await?;
    feedback::notice(&session, NoticeTone::Success, t.assistant_saved).await;
    Ok(see_other(&back))
}

/// `POST /quan-tri/cai-dat/phan-anh`: how many days after its answer is
/// published a field report may be reopened, and the map the filing form
/// picks the place on; read by the next request on every instance.
pub async fn update_field_reports(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().settings_admin;
    let back = format!("{}#phan-anh", paths::SETTINGS_ADMIN);
    let mut kept = FormFeedback::new(REPORT_SETTINGS_FORM);
    let days = check_reopen_days(&form.kept_text(&mut kept, "report_reopen_days"));
    let mut text = |name: &str| form.kept_text(&mut kept, name);
    let map = check_map(&MapTyped {
        tile_url: text("map_tile_url"),
        attribution: text("map_attribution"),
        centre_latitude: text("map_centre_latitude"),
        centre_longitude: text("map_centre_longitude"),
        zoom: text("map_zoom"),
    });
    let (days, map) = match (days, map) {
        (Ok(days), Ok(map)) => (days, map),
        (days, map) => {
            if let Err(refusal) = days {
                kept.error("report_reopen_days", refusal.message(t));
            }
            for (field, refusal) in map.err().unwrap_or_default() {
                kept.error(field, refusal.message(t));
            }
            return send_back(&session, kept, &back).await;
        }
    };
    let after = FieldReportSettings {
        report_reopen_days: days,
        map,
    };
    let mut tx = state.pool.begin().await?;
    lock_settings(&mut tx).await?;
    let before = field_report_settings(&mut *tx)
        .await
        .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    sqlx::query!(
        "UPDATE portal_settings SET report_reopen_days = $1, map_tile_url = $2, map_attribution = $3,
                map_centre_latitude = $4, map_centre_longitude = $5, map_zoom = $6, updated_at = now()",
        after.report_reopen_days,
        after.map.tile_url,
        after.map.attribution,
        after.map.centre_latitude,
        after.map.centre_longitude,
        after.map.zoom,
    )
    .execute(&mut *tx)
    .await?;
    audited_commit(
        tx,
        admin,
        json!({ "before": before, "after": after }),
        &asker,
    )
    .await?;
    feedback::notice(&session, NoticeTone::Success, t.reports_saved).await;
    Ok(see_other(&back))
}

/// How long drafts and the assistant's exchanges are kept.
pub async fn update_retention(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().settings_admin;
    let back = format!("{}#luu-giu", paths::SETTINGS_ADMIN);
    let mut kept = FormFeedback::new(RETENTION_SETTINGS_FORM);
    let drafts = form.kept_text(&mut kept, "draft_retention_days");
    let assistant = form.kept_text(&mut kept, "assistant_retention_days");
    let after = match check_retention(&drafts, &assistant) {
        Ok(after) => after,
        Err(refusals) => {
            for (field, refusal) in refusals {
                kept.error(field, refusal.message(t));
            }
            return send_back(&session, kept, &back).await;
        }
    };
    let mut tx = state.pool.begin().await?;
    lock_settings(&mut tx).await?;
    let before = retention_settings(&mut *tx)
        .await
        .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    sqlx::query!(
        "UPDATE portal_settings SET draft_retention_days = $1, assistant_retention_days = $2, updated_at = now()",
        after.draft_retention_days,
        after.assistant_retention_days,
    )
    .execute(&mut *tx)
    .await?;
    audited_commit(
        tx,
        admin,
        json!({ "before": before, "after": after }),
        &asker,
    )
    .await?;
    feedback::notice(&session, NoticeTone::Success, t.retention_saved).await;
    Ok(see_other(&back))
}

/// A refused form back to its section, with what was typed and why.
async fn send_back(session: &Session, kept: FormFeedback, back: &str) -> HandlerResult {
    feedback::form(session, kept).await;
    Ok(see_other(back))
}

/// Audits a settings change (`detail`: before and after) and commits it.
async fn audited_commit(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    admin: i64,
    detail: serde_json::Value,
    asker: &Asker,
) -> HandlerResult<()> {
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::SettingsUpdated,
        detail,
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The settings row, locked for one change at a time (so each audit's
/// "before" is what the change replaced).
async fn lock_settings(tx: &mut sqlx::PgConnection) -> sqlx::Result<()> {
    sqlx::query!("SELECT singleton FROM portal_settings FOR UPDATE")
        .fetch_optional(&mut *tx)
        .await?;
    Ok(())
}
