//! `POST /quan-tri/ma-api` issues an API token — to read the reports, to a
//! manager account, or for Open311, to a coordinator's — the
//! administrator reaches; `POST /quan-tri/ma-api/{id}/thu-hoi` revokes one.
//! The token itself is shown once, in the notice after the redirect; only
//! its hash is stored.

use crate::access::api_tokens;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::accounts::second_factor::step_up;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::{Permission, Role};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

const PAGE: &str = paths::API_TOKENS;

pub async fn issue(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    form: Posted,
) -> HandlerResult {
    let lang = asker.lang;
    let admin = admin.may(Permission::ListOfficials, lang)?.clone();
    let k = &lang.texts().api_tokens;
    let label = form.get("label").trim().to_string();
    let mut refused = FormFeedback::new("issue_api_token");
    refused.keep("label", &label);
    refused.keep("owner", &form.get("owner"));
    // Reading reports is a manager's; filing field reports through Open311
    // is the coordinating unit's.
    let (purpose, role) = if form.get("purpose") == "open311" {
        ("open311", Role::Coordinator)
    } else {
        ("reports", Role::Manager)
    };
    refused.keep("purpose", purpose);
    if label.is_empty() || label.chars().count() > 120 {
        refused.error("label", k.label_required);
    }
    // Only an account with that role in an agency the administrator reaches; anything else
    // reads as "choose one", so ids cannot be probed.
    let owner = match form.get("owner").parse::<i64>() {
        Ok(id) => {
            sqlx::query_scalar!(
                "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = $3
             WHERE u.id = $1 AND u.agency_id = ANY($2) AND u.disabled_at IS NULL",
                id,
                admin.agencies_for(Role::Administrator),
                role as Role,
            )
            .fetch_optional(&state.pool)
            .await?
        }
        Err(_) => None,
    };
    if owner.is_none() {
        refused.error("owner", k.owner_required);
    }
    // Issuing a token is a sensitive action: the second factor again if
    // the last check is older than 15 minutes.
    if !refused.has_errors() {
        if let Err(message) =
            step_up::confirm(&state, &session, &asker, &admin, &form, "issue_api_token").await?
        {
            refused.error(step_up::FIELD, &message);
        }
    }
    let Some(owner) = owner.filter(|_| !refused.has_errors()) else {
        feedback::form(&session, refused).await;
        return Ok(see_other(PAGE));
    };
    let (token, hash) = api_tokens::generate();
    let result: anyhow::Result<()> = async {
        let mut tx = state.pool.begin().await?;
        let id = sqlx::query_scalar!(
            "INSERT INTO api_tokens (user_id, label, token_hash, issued_by, purpose)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            owner,
            label,
            hash,
            admin.id,
            purpose
        )
        .fetch_one(&mut *tx)
        .await?;
        audit::record(
            &mut *tx,
            Some(admin.id),
            AuditAction::ApiTokenIssued,
            json!({ "token": id, "owner": owner, "purpose": purpose }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    result?;
    feedback::notice(
        &session,
        NoticeTone::Success,
        (k.issued_notice)(&label, &token),
    )
    .await;
    Ok(see_other(PAGE))
}

pub async fn revoke(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    let lang = asker.lang;
    let admin = admin.may(Permission::ListOfficials, lang)?.clone();
    let result: anyhow::Result<Option<String>> = async {
        let mut tx = state.pool.begin().await?;
        let label = sqlx::query_scalar!(
            "UPDATE api_tokens t SET revoked_at = coalesce(t.revoked_at, now())
             FROM users u WHERE u.id = t.user_id AND t.id = $1 AND u.agency_id = ANY($2)
             RETURNING t.label",
            id,
            admin.agencies_for(Role::Administrator)
        )
        .fetch_optional(&mut *tx)
        .await?;
        if label.is_some() {
            audit::record(
                &mut *tx,
                Some(admin.id),
                AuditAction::ApiTokenRevoked,
                json!({ "token": id }),
                asker.ip,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(label)
    }
    .await;
    let Some(label) = result? else {
        return Err(HandlerError::forbidden());
    };
    let k = &lang.texts().api_tokens;
    feedback::notice(&session, NoticeTone::Success, (k.revoked_notice)(&label)).await;
    Ok(see_other(PAGE))
}
