//! `POST /quan-tri/phan-anh` adds a report category, `POST
//! /quan-tri/phan-anh/{code}` changes one, `POST …/{code}/luu-tru`
//! withdraws it or puts it back in use. Province administrators only. The
//! form is checked by `check_category`, the database keeps the rest (two
//! levels, a code taken at the same moment by another administrator),
//! and every change is kept with who made it, before and after.

use super::categories::{self, CategoryData};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::administration::procedures::catalogue_keeper;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::field_reports::categories::store::locked;
use app::field_reports::categories::{check_category, CategoryRefusal};
use app::field_reports::pages::{category_form, NEW_CATEGORY_FORM};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use sqlx::PgConnection;
use tower_sessions::Session;

/// What the form posted, kept for the form to come back with.
fn posted(form: &Posted, kept: &mut FormFeedback) -> CategoryData {
    let choice = |kept: &mut FormFeedback, name: &str| {
        Some(form.kept_text(kept, name)).filter(|value| !value.is_empty())
    };
    let mut ticked = |name: &str| {
        let on = form.has(name);
        kept.keep(name, if on { "on" } else { "" });
        on
    };
    let photo_required = ticked("photo_required");
    let place_required = ticked("place_required");
    let public_by_default = ticked("public_by_default");
    let amount = form.kept_text(kept, "sla_amount");
    let position = form.kept_text(kept, "position");
    CategoryData {
        code: form.kept_text(kept, "code"),
        name_vi: form.kept_text(kept, "name_vi"),
        name_en: form.kept_text(kept, "name_en"),
        parent: choice(kept, "parent"),
        handler: choice(kept, "handler"),
        agency: choice(kept, "agency"),
        sla_unit: choice(kept, "sla_unit"),
        // Unreadable reads as missing: the check says what is wanted.
        sla_amount: amount.parse().ok(),
        photo_required,
        place_required,
        public_by_default,
        position: position.parse().unwrap_or(0),
        archived: false,
    }
}

/// The first-level codes and the agencies' codes a category may name.
async fn choices(conn: &mut PgConnection) -> sqlx::Result<(Vec<String>, Vec<String>)> {
    let parents = sqlx::query_scalar!("SELECT code FROM report_categories WHERE parent_id IS NULL")
        .fetch_all(&mut *conn)
        .await?;
    let agencies = sqlx::query_scalar!("SELECT code FROM agencies WHERE merged_into IS NULL")
        .fetch_all(&mut *conn)
        .await?;
    Ok((parents, agencies))
}

/// Sends the form back with its refusals when there are any.
async fn refused(
    session: &Session,
    kept: FormFeedback,
    refusals: Vec<(&'static str, CategoryRefusal)>,
    asker: &Asker,
) -> bool {
    let t = &asker.lang.texts().report_categories;
    feedback::refusals(session, kept, &refusals, t.refusal).await
}

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let back = paths::REPORT_CATEGORIES_ADMIN;
    let mut kept = FormFeedback::new(NEW_CATEGORY_FORM);
    let mut data = posted(&form, &mut kept);
    let mut tx = state.pool.begin().await?;
    let (parents, agencies) = choices(&mut tx).await?;
    let refusals = check_category(&mut data, true, &parents, &agencies, false);
    if refused(&session, kept.clone(), refusals, &asker).await {
        return Ok(see_other(back));
    }
    if !categories::create(&mut tx, &data, Some(admin)).await? {
        tx.rollback().await?;
        refused(
            &session,
            kept,
            vec![("code", CategoryRefusal::CodeTaken)],
            &asker,
        )
        .await;
        return Ok(see_other(back));
    }
    tx.commit().await?;
    let t = &asker.lang.texts().report_categories;
    feedback::notice(&session, NoticeTone::Success, (t.created)(&data.name_vi)).await;
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
    let back = paths::REPORT_CATEGORIES_ADMIN;
    let mut kept = FormFeedback::new(&category_form(&code));
    let mut data = posted(&form, &mut kept);
    let mut tx = state.pool.begin().await?;
    let stored = locked(&mut tx, &code)
        .await?
        .ok_or_else(HandlerError::not_found)?;
    let before = stored.data();
    data.code = before.code.clone();
    data.archived = before.archived;
    let (parents, agencies) = choices(&mut tx).await?;
    let refusals = check_category(&mut data, false, &parents, &agencies, stored.has_children);
    if refused(&session, kept, refusals, &asker).await {
        return Ok(see_other(back));
    }
    categories::update(&mut tx, stored.id, &before, &data, admin).await?;
    tx.commit().await?;
    let t = &asker.lang.texts().report_categories;
    feedback::notice(&session, NoticeTone::Success, (t.saved)(&data.name_vi)).await;
    Ok(see_other(back))
}

pub async fn archive(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let mut tx = state.pool.begin().await?;
    let stored = locked(&mut tx, &code)
        .await?
        .ok_or_else(HandlerError::not_found)?;
    let before = stored.data();
    let after = CategoryData {
        archived: !before.archived,
        ..before.clone()
    };
    categories::update(&mut tx, stored.id, &before, &after, admin).await?;
    tx.commit().await?;
    let t = &asker.lang.texts().report_categories;
    let notice = if after.archived {
        (t.archived_notice)(&after.name_vi)
    } else {
        (t.restored_notice)(&after.name_vi)
    };
    feedback::notice(&session, NoticeTone::Success, notice).await;
    Ok(see_other(paths::REPORT_CATEGORIES_ADMIN))
}
