//! The retention rules (`portal_settings.draft_retention_days`,
//! `assistant_retention_days`), applied hourly by any instance: drafts
//! nobody touched for that long, and the assistant's old exchanges, are
//! deleted, and so are sign-ins through an identity provider left
//! unanswered. Two instances at once do no harm: a draft being deleted by
//! one is skipped by the other (`SKIP LOCKED`).

use crate::access::audit::{self, AuditAction};
use app::accounts::data_deletion;
use app::administration::settings::server_fns::store::retention_settings;
use serde_json::json;
use sqlx::PgPool;

/// Applies the rules once; how many drafts and exchanges went.
pub async fn apply(pool: &PgPool) -> anyhow::Result<(u64, u64)> {
    let rules = retention_settings(pool).await?;
    let drafts = data_deletion::delete_drafts(pool, None, Some(rules.draft_retention_days)).await?;
    let exchanges =
        data_deletion::delete_old_assistant_exchanges(pool, rules.assistant_retention_days).await?;
    // Sign-ins through an identity provider never answered (the person
    // went away) are worth nothing after a day; passkey challenges, after
    // five minutes.
    sqlx::query!("DELETE FROM identity_sign_ins WHERE created_at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    super::second_factor::passkeys::sweep_challenges(pool).await?;
    if drafts + exchanges > 0 {
        audit::record(
            pool,
            None,
            AuditAction::RetentionApplied,
            json!({ "drafts": drafts, "assistant_exchanges": exchanges }),
            None,
        )
        .await?;
    }
    Ok((drafts, exchanges))
}

pub fn spawn(pool: PgPool) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(60 * 60));
        loop {
            every_hour.tick().await;
            match apply(&pool).await {
                Ok((drafts, exchanges)) if drafts + exchanges > 0 => {
                    tracing::info!(drafts, exchanges, "retention rules applied")
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "retention rules not applied this hour"),
            }
        }
    });
}
