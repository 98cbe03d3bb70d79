//! `POST /quan-tri/linh-vuc` adds a sector, `POST /quan-tri/linh-vuc/{code}`
//! changes its names, `POST …/{code}/xoa` removes one no procedure uses.
//! Province administrators only; every change is audited with before and
//! after. A code taken at the same moment by another administrator is
//! refused by the unique index, not by a check that could race.

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::pages::{sector_form, NEW_SECTOR_FORM};
use app::administration::sectors::{check_sector, SectorFields, SectorRefusal};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use app::text::normalize;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

/// What the form posted, kept for the form to come back with.
fn posted(form: &Posted, kept: &mut FormFeedback, with_code: bool) -> SectorFields {
    SectorFields {
        code: if with_code {
            form.kept_text(kept, "code")
        } else {
            String::new()
        },
        name: normalize(&form.kept_text(kept, "name")),
        name_en: form.kept_text(kept, "name_en"),
    }
}

/// Sends the form back with its refusals when there are any.
async fn refused(
    session: &Session,
    kept: FormFeedback,
    refusals: Vec<(&'static str, SectorRefusal)>,
    asker: &Asker,
) -> bool {
    let t = &asker.lang.texts().sectors_admin;
    feedback::refusals(session, kept, &refusals, |refusal| {
        refusal.message(t).to_string()
    })
    .await
}

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let back = paths::SECTORS_ADMIN;
    let mut kept = FormFeedback::new(NEW_SECTOR_FORM);
    let fields = posted(&form, &mut kept, true);
    if refused(&session, kept.clone(), check_sector(&fields, true), &asker).await {
        return Ok(see_other(back));
    }
    let optional = (!fields.name_en.is_empty()).then_some(fields.name_en.as_str());
    let mut tx = state.pool.begin().await?;
    let created = sqlx::query_scalar!(
        "INSERT INTO sectors (code, name, name_en) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO NOTHING RETURNING id",
        fields.code,
        fields.name,
        optional,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if created.is_none() {
        tx.rollback().await?;
        refused(&session, kept, vec![("code", SectorRefusal::Taken)], &asker).await;
        return Ok(see_other(back));
    }
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::SectorCreated,
        json!({ "sector": fields.code, "after": fields }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let t = &asker.lang.texts().sectors_admin;
    feedback::notice(&session, NoticeTone::Success, (t.created)(&fields.name)).await;
    Ok(see_other(back))
}

pub async fn update(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let back = paths::SECTORS_ADMIN;
    let mut kept = FormFeedback::new(&sector_form(&code));
    let fields = posted(&form, &mut kept, false);
    if refused(&session, kept, check_sector(&fields, false), &asker).await {
        return Ok(see_other(back));
    }
    let optional = (!fields.name_en.is_empty()).then_some(fields.name_en.as_str());
    let mut tx = state.pool.begin().await?;
    let before = sqlx::query!(
        "SELECT name, name_en FROM sectors WHERE code = $1 FOR UPDATE",
        code
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    sqlx::query!(
        "UPDATE sectors SET name = $2, name_en = $3 WHERE code = $1",
        code,
        fields.name,
        optional,
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::SectorUpdated,
        json!({ "sector": code, "before": { "name": before.name, "name_en": before.name_en },
                "after": { "name": fields.name, "name_en": optional } }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let t = &asker.lang.texts().sectors_admin;
    feedback::notice(&session, NoticeTone::Success, (t.saved)(&fields.name)).await;
    Ok(see_other(back))
}

pub async fn remove(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().sectors_admin;
    let back = paths::SECTORS_ADMIN;
    let mut tx = state.pool.begin().await?;
    let sector = sqlx::query!(
        "SELECT id, name FROM sectors WHERE code = $1 FOR UPDATE",
        code
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    // A procedure created at this moment locks the sector's row through
    // its foreign key, so the count below cannot miss it.
    let used = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM procedures WHERE sector_id = $1) AS "used!""#,
        sector.id
    )
    .fetch_one(&mut *tx)
    .await?;
    if used {
        tx.rollback().await?;
        feedback::notice(&session, NoticeTone::Error, t.in_use).await;
        return Ok(see_other(back));
    }
    sqlx::query!("DELETE FROM sectors WHERE id = $1", sector.id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::SectorRemoved,
        json!({ "sector": code, "before": { "name": sector.name } }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, (t.removed)(&sector.name)).await;
    Ok(see_other(back))
}
