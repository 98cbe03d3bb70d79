//! Creating, changing, disabling and enabling official accounts. Every
//! handler checks the administrator reaches both the account's agency and,
//! when it changes, the new one; a refusal is a 403 with no data.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::accounts::second_factor::{step_up, store as second_factor_store};
use crate::accounts::tokens::{self, Purpose};
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::mail::{outbox, templates};
use crate::state::AppState;
use app::access::{Permission, Role};
use app::accounts::identity::{EmailAddress, PersonName};
use app::accounts::password_hash;
use app::forms::{FormFeedback, NoticeTone};
use app::i18n::Lang;
use app::paths;
use axum::extract::{Path, State};
use rand::RngCore;
use serde_json::json;
use tower_sessions::Session;

/// A new official's set-password link works for three days.
const WELCOME_MINUTES: i32 = 72 * 60;

struct OfficialInput {
    full_name: PersonName,
    email: EmailAddress,
    agency_id: i64,
    roles: Vec<Role>,
}

/// What was posted, to show again with messages.
fn typed_values(form: &Posted, form_name: &str) -> FormFeedback {
    let mut feedback = FormFeedback::new(form_name);
    feedback.keep("full_name", &form.get("full_name"));
    feedback.keep("email", &form.get("email"));
    feedback.keep("agency_id", &form.get("agency_id"));
    feedback.keep("roles", &form.all("role").join(","));
    feedback
}

/// Reads and checks the posted account fields; on refusal, the feedback to show.
fn read_input(form: &Posted, form_name: &str, lang: Lang) -> Result<OfficialInput, FormFeedback> {
    let texts = lang.texts();
    let mut feedback = typed_values(form, form_name);
    let roles_typed = form.all("role");
    let full_name = PersonName::parse(&form.get("full_name"))
        .map_err(|error| feedback.error("full_name", error.message(lang)))
        .ok();
    let email = EmailAddress::parse(&form.get("email"))
        .map_err(|error| feedback.error("email", error.message(lang)))
        .ok();
    let agency_id = form.get("agency_id").parse::<i64>().ok();
    if agency_id.is_none() {
        feedback.error("agency_id", texts.forms.agency_required);
    }
    let roles: Vec<Role> = roles_typed
        .iter()
        .filter_map(|role| Role::parse(role))
        .collect();
    if roles.is_empty() {
        feedback.error("roles", texts.forms.role_required);
    }
    match (full_name, email, agency_id) {
        (Some(full_name), Some(email), Some(agency_id)) if !feedback.has_errors() => {
            Ok(OfficialInput {
                full_name,
                email,
                agency_id,
                roles,
            })
        }
        _ => Err(feedback),
    }
}

/// Sets the official's roles to exactly `roles`.
async fn replace_roles(tx: &mut sqlx::PgConnection, id: i64, roles: &[Role]) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM user_roles WHERE user_id = $1", id)
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])",
        id,
        roles as &[Role],
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The roles as the audit log writes them.
fn role_names(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|role| role.as_str()).collect()
}

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    form: Posted,
) -> HandlerResult {
    admin.may(Permission::ListOfficials, asker.lang)?;
    let input = match read_input(&form, "create_official", asker.lang) {
        Ok(input) => input,
        Err(refused) => {
            feedback::form(&session, refused).await;
            return Ok(see_other(&paths::officials()));
        }
    };
    admin.may(
        Permission::ManageOfficialsOf {
            agency_id: input.agency_id,
        },
        asker.lang,
    )?;
    // An unusable password nobody knows; the official sets their own through
    // the mailed link.
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let placeholder = app::accounts::password::Password::parse(
        &base64::Engine::encode(&base64::engine::general_purpose::STANDARD, secret),
        &Default::default(),
    )
    .map_err(|error| HandlerError::internal(anyhow::anyhow!("placeholder password: {error}")))?;
    let hash = password_hash::hash(&placeholder).await?;
    let result: anyhow::Result<()> = async {
        let mut tx = state.pool.begin().await?;
        let id = sqlx::query_scalar!(
            "INSERT INTO users (kind, full_name, email, password_hash, agency_id)
             VALUES ('official', $1, $2, $3, $4) RETURNING id",
            input.full_name.as_str(),
            input.email.as_str(),
            hash,
            input.agency_id,
        )
        .fetch_one(&mut *tx)
        .await?;
        replace_roles(&mut tx, id, &input.roles).await?;
        let token = tokens::issue(
            &mut tx,
            state.clock.now(),
            id,
            Purpose::ResetPassword,
            None,
            WELCOME_MINUTES,
        )
        .await?;
        let link = tokens::link(
            &state.config.public_base_url,
            &paths::reset_password(),
            &token,
        );
        outbox::enqueue(
            &mut tx,
            input.email.as_str(),
            &templates::official_welcome(asker.lang, input.full_name.as_str(), &link),
        )
        .await?;
        audit::record(
            &mut *tx,
            Some(admin.0.id),
            AuditAction::OfficialCreated,
            json!({ "official": id, "agency": input.agency_id, "roles": role_names(&input.roles) }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    let texts = asker.lang.texts();
    match result {
        Ok(()) => {
            feedback::notice(
                &session,
                NoticeTone::Success,
                (texts.forms.user_created)(input.email.as_str()),
            )
            .await;
        }
        Err(error) if crate::database::is_unique_violation(&error) => {
            let mut refused = typed_values(&form, "create_official");
            refused.error("email", texts.accounts.email_taken);
            feedback::form(&session, refused).await;
        }
        Err(error) => return Err(error.into()),
    }
    Ok(see_other(&paths::officials()))
}

/// The target account's name and agency, after checking the administrator
/// reaches it. Unknown ids and other agencies' officials both get 403, so
/// ids cannot be probed.
async fn target_in_reach(
    state: &AppState,
    admin: &SignedIn,
    id: i64,
    lang: Lang,
) -> HandlerResult<(String, i64)> {
    let row = sqlx::query!(
        r#"SELECT full_name, agency_id AS "agency_id!" FROM users WHERE id = $1 AND kind = 'official'"#,
        id
    )
    .fetch_optional(&state.pool)
    .await?;
    let Some(row) = row else {
        return Err(HandlerError::forbidden());
    };
    admin.may(
        Permission::ManageOfficialsOf {
            agency_id: row.agency_id,
        },
        lang,
    )?;
    Ok((row.full_name, row.agency_id))
}

pub async fn update(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    target_in_reach(&state, &admin, id, asker.lang).await?;
    let back = paths::official(id);
    let input = match read_input(&form, "edit_official", asker.lang) {
        Ok(input) => input,
        Err(refused) => {
            feedback::form(&session, refused).await;
            return Ok(see_other(&back));
        }
    };
    admin.may(
        Permission::ManageOfficialsOf {
            agency_id: input.agency_id,
        },
        asker.lang,
    )?;
    let result: anyhow::Result<()> = async {
        let mut tx = state.pool.begin().await?;
        let before = sqlx::query!(
            r#"SELECT agency_id, ARRAY(SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role) AS "roles!: Vec<Role>"
               FROM users WHERE id = $1 FOR UPDATE"#,
            id
        )
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE users SET full_name = $2, email = $3, agency_id = $4, updated_at = now() WHERE id = $1",
            id,
            input.full_name.as_str(),
            input.email.as_str(),
            input.agency_id,
        )
        .execute(&mut *tx)
        .await?;
        replace_roles(&mut tx, id, &input.roles).await?;
        audit::record(
            &mut *tx,
            Some(admin.0.id),
            AuditAction::OfficialChanged,
            json!({
                "official": id,
                "agency": { "from": before.agency_id, "to": input.agency_id },
                "roles": { "from": role_names(&before.roles), "to": role_names(&input.roles) },
            }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    let texts = asker.lang.texts();
    match result {
        Ok(()) => {
            feedback::notice(
                &session,
                NoticeTone::Success,
                (texts.forms.user_saved)(input.full_name.as_str()),
            )
            .await;
            Ok(see_other(&paths::officials()))
        }
        Err(error) if crate::database::is_unique_violation(&error) => {
            let mut refused = typed_values(&form, "edit_official");
            refused.error("email", texts.accounts.email_taken);
            feedback::form(&session, refused).await;
            Ok(see_other(&back))
        }
        Err(error) => Err(error.into()),
    }
}

/// Disabling is a sensitive action: the second factor again if the last
/// check is older than 15 minutes. The list's quick button cannot carry a
/// code, so a refusal lands on the official's page, whose form can.
pub async fn disable(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    target_in_reach(&state, &admin, id, asker.lang).await?;
    let confirmed = step_up::confirm_or_refuse(
        &state,
        &session,
        &asker,
        &admin.0,
        &form,
        "disable_account",
        "disable_official",
    )
    .await?;
    if !confirmed {
        return Ok(see_other(&paths::official(id)));
    }
    set_disabled(state, session, asker, admin, id, true).await
}

/// Removes an official's second factor and recovery codes, and ends their
/// sessions: for a lost phone. They set up a new one at their next
/// sign-in. As sensitive as disabling the account.
pub async fn reset_second_factor(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    Path(id): Path<i64>,
    form: Posted,
) -> HandlerResult {
    let (name, _) = target_in_reach(&state, &admin, id, asker.lang).await?;
    let confirmed = step_up::confirm_or_refuse(
        &state,
        &session,
        &asker,
        &admin.0,
        &form,
        "reset_second_factor",
        "reset_second_factor",
    )
    .await?;
    if !confirmed {
        return Ok(see_other(&paths::official(id)));
    }
    let mut tx = state.pool.begin().await?;
    let removed = second_factor_store::remove(&mut tx, id).await?;
    end_every_session(&mut tx, id, admin.0.id).await?;
    audit::record(
        &mut *tx,
        Some(admin.0.id),
        AuditAction::SecondFactorReset,
        json!({ "official": id, "had_one": removed }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(
        &session,
        NoticeTone::Success,
        (asker.lang.texts().second_factor.admin_reset_done)(&name),
    )
    .await;
    Ok(see_other(&paths::official(id)))
}

pub async fn enable(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    set_disabled(state, session, asker, admin, id, false).await
}

/// Ends every session of an official (a lost computer, a leaked password):
/// all started before now are refused from their next request on, those
/// with rows marked ended by the administrator. Their own too, if they
/// end their own.
pub async fn end_sessions(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    Path(id): Path<i64>,
) -> HandlerResult {
    let (name, _) = target_in_reach(&state, &admin, id, asker.lang).await?;
    let mut tx = state.pool.begin().await?;
    let ended = end_every_session(&mut tx, id, admin.0.id).await?;
    audit::record(
        &mut *tx,
        Some(admin.0.id),
        AuditAction::AccountSessionsEnded,
        json!({ "official": id, "ended": ended }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let t = &asker.lang.texts().sessions;
    feedback::notice(&session, NoticeTone::Success, (t.admin_ended)(&name, ended)).await;
    Ok(see_other(&paths::official(id)))
}

/// Every session of `id` started before now is refused from its next
/// request on; those with rows are marked ended by `by`. How many rows.
async fn end_every_session(tx: &mut sqlx::PgConnection, id: i64, by: i64) -> sqlx::Result<u64> {
    sqlx::query!(
        "UPDATE users SET sessions_valid_after = now(), updated_at = now() WHERE id = $1",
        id
    )
    .execute(&mut *tx)
    .await?;
    Ok(sqlx::query!(
        "UPDATE user_sessions SET ended_at = now(), ended_by = $2
         WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now()",
        id,
        by
    )
    .execute(&mut *tx)
    .await?
    .rows_affected())
}

/// Disabling takes effect on the account's very next request, on every
/// instance: the authentication middleware reads `disabled_at` each time.
async fn set_disabled(
    state: AppState,
    session: Session,
    asker: Asker,
    admin: SignedIn,
    id: i64,
    disabled: bool,
) -> HandlerResult {
    let (name, _) = target_in_reach(&state, &admin, id, asker.lang).await?;
    let texts = asker.lang.texts();
    if disabled && id == admin.0.id {
        feedback::notice(&session, NoticeTone::Error, texts.forms.cannot_disable_self).await;
        return Ok(see_other(&paths::officials()));
    }
    let result: anyhow::Result<()> = async {
        let mut tx = state.pool.begin().await?;
        sqlx::query!(
            "UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, updated_at = now()
             WHERE id = $1",
            id,
            disabled,
        )
        .execute(&mut *tx)
        .await?;
        let action = if disabled { AuditAction::AccountDisabled } else { AuditAction::AccountEnabled };
        audit::record(&mut *tx, Some(admin.0.id), action, json!({ "official": id }), asker.ip).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    result?;
    let message = if disabled {
        (texts.forms.user_disabled)(&name)
    } else {
        (texts.forms.user_enabled)(&name)
    };
    feedback::notice(&session, NoticeTone::Success, message).await;
    Ok(see_other(&paths::officials()))
}
