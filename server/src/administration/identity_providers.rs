//! `POST /quan-tri/dinh-danh` (a new provider) and `POST
//! /quan-tri/dinh-danh/{id}` (changes): the identity providers citizens
//! sign in with. Province administrators only, with the second factor
//! again after fifteen minutes: whoever changes a provider decides who may
//! sign in as whom. The client secret is sealed before it is stored; an
//! empty secret field keeps the one in place. What the provider published
//! (endpoints, keys) is forgotten on every change, so the next sign-in
//! reads it again.

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::accounts::national_identity::provider::secret_owner;
use crate::accounts::second_factor::step_up;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::accounts::national_identity::settings::{check_provider, ProviderSettings};
use app::administration::pages::{provider_form, NEW_PROVIDER_FORM};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use tower_sessions::Session;

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    save(state, session, asker, user, form, None).await
}

pub async fn update(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    save(state, session, asker, user, form, Some(id)).await
}

async fn save(
    state: AppState,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
    id: Option<i64>,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().national_identity;
    let back = paths::IDENTITY_PROVIDERS_ADMIN;
    let form_name = id.map_or_else(|| NEW_PROVIDER_FORM.to_string(), provider_form);
    let mut kept = FormFeedback::new(&form_name);
    let mut text = |name: &str| form.kept_text(&mut kept, name);
    let posted = ProviderSettings {
        slug: text("slug"),
        name_vi: text("name_vi"),
        name_en: text("name_en"),
        issuer: text("issuer"),
        authorization_endpoint: text("authorization_endpoint"),
        token_endpoint: text("token_endpoint"),
        jwks_uri: text("jwks_uri"),
        end_session_endpoint: text("end_session_endpoint"),
        client_id: text("client_id"),
        scopes: text("scopes"),
        required_acr: text("required_acr"),
        claim_citizen_id: text("claim_citizen_id"),
        claim_full_name: text("claim_full_name"),
        claim_birth_date: text("claim_birth_date"),
        uses_discovery: form.get("uses_discovery") == "on",
        enabled: form.get("enabled") == "on",
    };
    for name in ["uses_discovery", "enabled"] {
        kept.keep(name, &form.get(name));
    }
    let secret = form.get("client_secret");
    let (settings, refusals) = check_provider(posted);
    for (field, refusal) in refusals {
        kept.error(field, refusal.message(t));
    }
    if !kept.has_errors() {
        let action = if id.is_some() {
            "change_identity_provider"
        } else {
            "add_identity_provider"
        };
        if let Err(message) =
            step_up::confirm(&state, &session, &asker, &user.0, &form, action).await?
        {
            kept.error(step_up::FIELD, &message);
        }
    }
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(back));
    }

    let mut tx = state.pool.begin().await?;
    let empty = |text: &str| (!text.is_empty()).then(|| text.to_string());
    // A new provider is a row first, then the same change as any other.
    let saved: Result<Option<i64>, sqlx::Error> = async {
        let id = match id {
            Some(id) => id,
            None => {
                sqlx::query_scalar!(
                    "INSERT INTO identity_providers (slug, name_vi, name_en, issuer, client_id)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    settings.slug,
                    settings.name_vi,
                    settings.name_en,
                    settings.issuer,
                    settings.client_id,
                )
                .fetch_one(&mut *tx)
                .await?
            }
        };
        sqlx::query_scalar!(
            "UPDATE identity_providers SET slug = $2, name_vi = $3, name_en = $4, issuer = $5,
                 uses_discovery = $6, authorization_endpoint = $7, token_endpoint = $8,
                 jwks_uri = $9, end_session_endpoint = $10, client_id = $11, scopes = $12,
                 required_acr = $13, claim_citizen_id = $14, claim_full_name = $15,
                 claim_birth_date = $16, enabled = $17,
                 discovered = NULL, jwks = NULL, fetched_at = NULL, updated_at = now()
             WHERE id = $1
             RETURNING id",
            id,
            settings.slug,
            settings.name_vi,
            settings.name_en,
            settings.issuer,
            settings.uses_discovery,
            empty(&settings.authorization_endpoint),
            empty(&settings.token_endpoint),
            empty(&settings.jwks_uri),
            empty(&settings.end_session_endpoint),
            settings.client_id,
            settings.scopes,
            settings.required_acr,
            settings.claim_citizen_id,
            settings.claim_full_name,
            settings.claim_birth_date,
            settings.enabled,
        )
        .fetch_optional(&mut *tx)
        .await
    }
    .await;
    let saved = match saved {
        Ok(Some(saved)) => saved,
        Ok(None) => return Err(app::error::AppError::NotFound.into()),
        Err(sqlx::Error::Database(error))
            if error.constraint() == Some("identity_providers_slug_key") =>
        {
            let mut kept = kept;
            kept.error("slug", t.slug_taken);
            feedback::form(&session, kept).await;
            return Ok(see_other(back));
        }
        Err(error) => return Err(error.into()),
    };
    if !secret.is_empty() {
        let sealed = state.sealing.seal(&secret_owner(saved), secret.as_bytes());
        sqlx::query!(
            "UPDATE identity_providers SET client_secret_sealed = $2 WHERE id = $1",
            saved,
            sealed
        )
        .execute(&mut *tx)
        .await?;
    }
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::IdentityProviderSaved,
        json!({ "provider_id": saved, "settings": settings, "secret_changed": !secret.is_empty() }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.saved).await;
    Ok(see_other(back))
}
