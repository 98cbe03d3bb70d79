//! `POST …/xuat-ban` publishes the draft as the form's next version, by
//! someone other than its last author (four eyes; the store locks the
//! form, so two publications at once make one version); `POST …/luu-tru`
//! archives a form no procedure uses.

use super::access::lock;
use super::store::{self, PublishRefusal};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::administration::pages::FORM_PUBLISH_FORM;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

pub async fn publish(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let t = &asker.lang.texts().forms_admin;
    let back = paths::form_admin(&code);
    let mut tx = state.pool.begin().await?;
    let Some(form) = lock(&mut tx, &user, &code).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    match store::publish(&mut tx, form.id, Some(form.designer), state.clock.now()).await? {
        Ok(number) => {
            audit::record(
                &mut *tx,
                Some(form.designer),
                AuditAction::FormPublished,
                json!({ "form": code, "version": number }),
                asker.ip,
            )
            .await?;
            tx.commit().await?;
            feedback::notice(&session, NoticeTone::Success, (t.published)(number)).await;
        }
        Err(refusal) => {
            tx.rollback().await?;
            let message = match refusal {
                PublishRefusal::OwnDraft => t.own_draft,
                PublishRefusal::Unsound => t.unsound,
                PublishRefusal::NoDraft => t.no_draft,
                PublishRefusal::Archived => t.archived,
            };
            refuse(&session, "publish", message).await;
        }
    }
    Ok(see_other(&back))
}

/// The builder comes back with `message` for the publishing form's `field`.
async fn refuse(session: &Session, field: &str, message: &str) {
    let mut kept = FormFeedback::new(FORM_PUBLISH_FORM);
    kept.error(field, message);
    feedback::form(session, kept).await;
}

pub async fn archive(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let t = &asker.lang.texts().forms_admin;
    let back = paths::form_admin(&code);
    let mut tx = state.pool.begin().await?;
    let Some(form) = lock(&mut tx, &user, &code).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    // A version in force or a draft being prepared still files with it.
    let used = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM procedure_versions v
                          WHERE v.form_id = $1
                            AND (v.published_at IS NULL
                                 OR v.id IN (SELECT id FROM current_procedure_versions))) AS "used!""#,
        form.id
    )
    .fetch_one(&mut *tx)
    .await?;
    if used || form.standard {
        tx.rollback().await?;
        refuse(&session, "archive", t.in_use).await;
        return Ok(see_other(&back));
    }
    sqlx::query!(
        "UPDATE forms SET archived_at = $2 WHERE id = $1 AND archived_at IS NULL",
        form.id,
        state.clock.now() as _
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(form.designer),
        AuditAction::FormArchived,
        json!({ "form": code }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.archived).await;
    Ok(see_other(&back))
}
