//! `POST /tai-khoan/du-lieu/xoa-ho-so-nhap` and `…/xoa-giay-to`: a person
//! deletes their drafts, or the files in their wallet that nothing uses
//! (Law 91/2025/QH15: the right to deletion). Each asks for a ticked
//! confirmation; filed dossiers and what they refer to stay (the rules
//! are in `app::accounts::data_deletion`).

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::accounts::data_deletion;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

/// Without the ticked box: back, saying so.
async fn confirmed(session: &Session, asker: &Asker, form: &Posted, name: &str) -> bool {
    if form.get("confirm") == "on" {
        return true;
    }
    let mut refused = FormFeedback::new(name);
    refused.error("confirm", asker.lang.texts().personal_data.confirm_required);
    feedback::form(session, refused).await;
    false
}

pub async fn delete_drafts(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    if !confirmed(&session, &asker, &form, "delete_drafts").await {
        return Ok(see_other(paths::MY_DATA));
    }
    let mut tx = state.pool.begin().await?;
    let deleted = data_deletion::delete_drafts(&mut *tx, Some(user.id), None).await?;
    audit::record(
        &mut *tx,
        Some(user.id),
        AuditAction::PersonalDataDeleted,
        json!({ "drafts": deleted }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let p = &asker.lang.texts().personal_data;
    feedback::notice(&session, NoticeTone::Success, (p.drafts_deleted)(deleted)).await;
    Ok(see_other(paths::MY_DATA))
}

pub async fn delete_unused_files(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    if !confirmed(&session, &asker, &form, "delete_wallet").await {
        return Ok(see_other(paths::MY_DATA));
    }
    let mut tx = state.pool.begin().await?;
    let keys = data_deletion::delete_unused_wallet_files(&mut *tx, user.id).await?;
    audit::record(
        &mut *tx,
        Some(user.id),
        AuditAction::PersonalDataDeleted,
        json!({ "wallet_files": keys.len() }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    // The rows are gone, so nothing links to the contents any more: remove
    // them from the store (one that fails is only an orphan, logged).
    for key in &keys {
        if let Err(error) = state
            .files
            .delete(&object_store::path::Path::from(key.as_str()))
            .await
        {
            tracing::warn!(%error, key, "a deleted file's content stays in the store");
        }
    }
    let p = &asker.lang.texts().personal_data;
    feedback::notice(
        &session,
        NoticeTone::Success,
        (p.wallet_deleted)(keys.len()),
    )
    .await;
    Ok(see_other(paths::MY_DATA))
}
