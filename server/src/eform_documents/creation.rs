//! `POST /quan-tri/bieu-mau` creates a form owned by an agency the designer
//! reaches (or the province), blank or copied from a form's live version.
//! A code taken at the same moment is refused by the unique index.

use super::access::designs;
use super::store;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::{Refusal, SignedIn};
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::pages::NEW_FORM_FORM;
use app::eforms::design::outline::blank_form;
use app::eforms::FormDefinition;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

/// `to-khai-ket-hon`: lower-case ASCII, digits and hyphens, 2–63 long.
pub fn is_form_code(code: &str) -> bool {
    let mut chars = code.chars();
    (2..=63).contains(&code.len())
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().forms_admin;
    let mut kept = FormFeedback::new(NEW_FORM_FORM);
    let code = form.kept_text(&mut kept, "code");
    let title = form.kept_text(&mut kept, "title");
    let owner = form.kept_text(&mut kept, "owner");
    let copy_from = form.kept_text(&mut kept, "copy_from");
    let agency_id = match owner.as_str() {
        "" => None,
        code => {
            sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", code)
                .fetch_optional(&state.pool)
                .await?
        }
    };
    if (!owner.is_empty() && agency_id.is_none()) || !designs(&state, &user, agency_id).await? {
        return Err(Refusal::forbidden(asker.lang).into());
    }
    if !is_form_code(&code) {
        kept.error("code", t.code_invalid);
    }
    if title.is_empty() || title.chars().count() > 300 {
        kept.error("title", t.title_missing);
    }
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(paths::FORMS_ADMIN));
    }
    let definition = match copy_from.as_str() {
        "" => blank_form(),
        source => match live_definition(&state, &user, source).await? {
            Some(definition) => definition,
            None => blank_form(),
        },
    };
    let now = state.clock.now();
    let mut tx = state.pool.begin().await?;
    let created = store::create(
        &mut tx,
        (&code, &title, agency_id),
        &definition,
        Some(user.0.id),
        now,
    )
    .await?;
    if created.is_none() {
        tx.rollback().await?;
        kept.error("code", t.code_taken);
        feedback::form(&session, kept).await;
        return Ok(see_other(paths::FORMS_ADMIN));
    }
    audit::record(
        &mut *tx,
        Some(user.0.id),
        AuditAction::FormCreated,
        json!({ "form": code, "copy_of": copy_from }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, (t.created)(&title)).await;
    Ok(see_other(&paths::form_admin(&code)))
}

/// The live definition of a form the designer reaches.
async fn live_definition(
    state: &AppState,
    user: &SignedIn,
    code: &str,
) -> HandlerResult<Option<FormDefinition>> {
    let row = sqlx::query!(
        "SELECT f.agency_id, v.definition FROM forms f
         JOIN form_versions v ON v.form_id = f.id
         WHERE f.code = $1 ORDER BY v.number DESC LIMIT 1",
        code
    )
    .fetch_optional(&state.pool)
    .await?;
    match row {
        Some(row) if designs(state, user, row.agency_id).await? => {
            Ok(serde_json::from_value(row.definition).ok())
        }
        _ => Ok(None),
    }
}
