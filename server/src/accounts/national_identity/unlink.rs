//! `POST /tai-khoan/dinh-danh/{slug}/huy-lien-ket`: a citizen unlinks their
//! account from a provider. The identity data is then no longer marked
//! verified (the provider vouched for it), unless another link remains.
//! An account with no password keeps its link: without it, nobody could
//! sign in to it any more.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

pub async fn unlink(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(slug): Path<String>,
) -> HandlerResult {
    let t = &asker.lang.texts().national_identity;
    let mut tx = state.pool.begin().await?;
    let has_password = sqlx::query_scalar!(
        r#"SELECT password_hash IS NOT NULL AS "has!" FROM users WHERE id = $1 FOR UPDATE"#,
        user.id
    )
    .fetch_one(&mut *tx)
    .await?;
    if !has_password {
        feedback::notice(&session, NoticeTone::Error, t.unlink_needs_password).await;
        return Ok(see_other(paths::ACCOUNT));
    }
    let removed = sqlx::query_scalar!(
        "DELETE FROM identity_links l USING identity_providers p
         WHERE p.id = l.provider_id AND p.slug = $1 AND l.user_id = $2
         RETURNING l.provider_id",
        slug,
        user.id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(provider_id) = removed {
        sqlx::query!(
            "UPDATE users SET identity_verified_at = NULL, identity_source = NULL, updated_at = now()
             WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM identity_links WHERE user_id = $1)",
            user.id
        )
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut *tx,
            Some(user.id),
            AuditAction::IdentityUnlinked,
            json!({ "provider_id": provider_id }),
            asker.ip,
        )
        .await?;
    }
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.unlinked).await;
    Ok(see_other(paths::ACCOUNT))
}
