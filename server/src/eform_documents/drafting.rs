//! Changing a form's draft: the whole JSON document saved
//! (`…/ban-nhap`), a field added, moved or removed or a rule added or
//! removed (`…/cau-truc`, the rules in `rule_changes`), a save
//! or a published version restored into it (`…/khoi-phuc`). Each change is
//! a save kept in the form's history. A document that is not a form is
//! refused with the reason and comes back as typed; one with problems the
//! builder finds is kept, and those problems listed until fixed.

use super::access::{lock, Designed};
use super::rule_changes::{self, RuleChange};
use super::store::{self, SaveKind};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::eforms::document_refusal;
use app::administration::pages::{FORM_DRAFT_FORM, FORM_OUTLINE_FORM};
use app::eforms::design::outline::{add_field, edit_field, move_field, remove_field, NewField};
use app::eforms::design::{check_design, DesignProblem};
use app::eforms::FormDefinition;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde_json::json;
use sqlx::PgConnection;
use tower_sessions::Session;

/// A whole form document may be larger than the other forms' posts.
const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

pub async fn save_document(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    body: Bytes,
) -> HandlerResult {
    if body.len() > MAX_DOCUMENT_BYTES {
        return Err(HandlerError::bad_request());
    }
    let text = form_urlencoded::parse(&body)
        .find(|(key, _)| key == "definition")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default();
    let t = &asker.lang.texts().forms_admin;
    let back = paths::form_admin(&code);
    let definition = match serde_json::from_str::<FormDefinition>(&text) {
        Ok(definition) => definition,
        Err(error) => {
            let mut kept = FormFeedback::new(FORM_DRAFT_FORM);
            kept.keep("definition", &text);
            kept.error("definition", document_refusal(&error, asker.lang));
            feedback::form(&session, kept).await;
            return Ok(see_other(&back));
        }
    };
    let mut tx = state.pool.begin().await?;
    let Some(form) = lock(&mut tx, &user, &code).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    save(&mut tx, &state, &asker, &form, &definition, SaveKind::Saved).await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.saved).await;
    Ok(see_other(&back))
}

pub async fn edit_outline(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    posted: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().forms_admin;
    let back = paths::form_admin(&code);
    let mut tx = state.pool.begin().await?;
    let Some(form) = lock(&mut tx, &user, &code).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    let Some(mut definition) = draft_or_live(&mut tx, form.id).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    let action = posted.get("action");
    match rule_changes::apply(&action, &posted, &mut definition, asker.lang) {
        RuleChange::None => {}
        RuleChange::Changed(notice) => {
            save(&mut tx, &state, &asker, &form, &definition, SaveKind::Saved).await?;
            tx.commit().await?;
            feedback::notice(&session, NoticeTone::Success, notice).await;
            return Ok(see_other(&format!("{back}#rules-heading")));
        }
        RuleChange::Refused(kept) => {
            feedback::form(&session, kept).await;
            return Ok(see_other(&format!("{back}#rules-heading")));
        }
    }
    let changed = match action.split_once(':') {
        Some(("up", key)) => move_field(&mut definition, key, -1),
        Some(("down", key)) => move_field(&mut definition, key, 1),
        Some(("remove", key)) => remove_field(&mut definition, key),
        Some(("edit", key)) => {
            let labels = (posted.text("label_vi"), posted.text("label_en"));
            let before = check_design(&definition);
            let edited = edit_field(
                &mut definition,
                key,
                (&labels.0, &labels.1),
                posted.get("required") == "on",
            );
            // A label left empty is refused, the draft unchanged.
            let fresh = check_design(&definition)
                .into_iter()
                .find(|problem| !before.contains(problem));
            if let Some(problem) = fresh {
                feedback::notice(&session, NoticeTone::Error, (t.problem)(&problem)).await;
                return Ok(see_other(&format!("{back}#outline-heading")));
            }
            if edited {
                let label = if asker.lang == app::i18n::Lang::Vi {
                    &labels.0
                } else {
                    &labels.1
                };
                feedback::notice(&session, NoticeTone::Success, (t.field_saved)(label)).await;
            }
            edited
        }
        _ if action == "add" => {
            let mut kept = FormFeedback::new(FORM_OUTLINE_FORM);
            let key = posted.kept_text(&mut kept, "key");
            let label_vi = posted.kept_text(&mut kept, "label_vi");
            let label_en = posted.kept_text(&mut kept, "label_en");
            let kind = posted.kept_text(&mut kept, "kind");
            let options = posted.kept_lines(&mut kept, "options");
            kept.keep("required", &posted.get("required"));
            let new = NewField {
                section: &posted.get("section"),
                key: &key,
                label_vi: &label_vi,
                label_en: &label_en,
                kind: &kind,
                required: posted.get("required") == "on",
                options: &options,
            };
            let before = check_design(&definition);
            let added = add_field(&mut definition, &new).is_some();
            // Refused when the field brings problems of its own.
            let fresh: Vec<DesignProblem> = check_design(&definition)
                .into_iter()
                .filter(|problem| !before.contains(problem))
                .collect();
            if !added || !fresh.is_empty() {
                for problem in &fresh {
                    let field = match problem {
                        DesignProblem::MissingLabel(_) => "label_vi",
                        DesignProblem::BadOptions(_) => "options",
                        _ => "key",
                    };
                    kept.error(field, (t.problem)(problem));
                }
                if fresh.is_empty() {
                    kept.error("kind", t.field_problem);
                }
                feedback::form(&session, kept).await;
                return Ok(see_other(&back));
            }
            true
        }
        _ => false,
    };
    if changed {
        save(&mut tx, &state, &asker, &form, &definition, SaveKind::Saved).await?;
    }
    tx.commit().await?;
    Ok(see_other(&format!("{back}#outline-heading")))
}

/// Restores a published version (`version`) or a save (`save`) of the form
/// into its draft.
pub async fn restore(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    posted: Posted,
) -> HandlerResult {
    let mut tx = state.pool.begin().await?;
    let Some(form) = lock(&mut tx, &user, &code).await? else {
        return Ok(refusals::as_missing(format!("form {code}")));
    };
    let version = posted.get("version").parse::<i32>().ok();
    let save_id = posted.get("save").parse::<i64>().ok();
    let value = sqlx::query_scalar!(
        r#"SELECT definition AS "definition!" FROM form_versions WHERE form_id = $1 AND number = $2
           UNION ALL
           SELECT definition FROM form_saves WHERE form_id = $1 AND id = $3"#,
        form.id,
        version,
        save_id,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(definition) = value.and_then(|value| serde_json::from_value(value).ok()) else {
        return Ok(refusals::as_missing(format!("form {code} save")));
    };
    save(
        &mut tx,
        &state,
        &asker,
        &form,
        &definition,
        SaveKind::Restored,
    )
    .await?;
    tx.commit().await?;
    let t = &asker.lang.texts().forms_admin;
    feedback::notice(&session, NoticeTone::Success, t.restored).await;
    Ok(see_other(&paths::form_admin(&code)))
}

/// The draft, or the live version to start one from.
pub(super) async fn draft_or_live(
    tx: &mut PgConnection,
    form_id: i64,
) -> HandlerResult<Option<FormDefinition>> {
    let value = sqlx::query_scalar!(
        "SELECT coalesce(f.draft, (SELECT definition FROM form_versions v WHERE v.form_id = f.id
                                   ORDER BY number DESC LIMIT 1))
         FROM forms f WHERE f.id = $1",
        form_id
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(value.and_then(|value| serde_json::from_value(value).ok()))
}

/// Saves `definition` as the draft, audited.
pub(super) async fn save(
    tx: &mut PgConnection,
    state: &AppState,
    asker: &Asker,
    form: &Designed,
    definition: &FormDefinition,
    kind: SaveKind,
) -> HandlerResult<()> {
    store::save_draft(
        tx,
        form.id,
        definition,
        Some(form.designer),
        state.clock.now(),
        kind,
    )
    .await?;
    audit::record(
        &mut *tx,
        Some(form.designer),
        AuditAction::FormDraftSaved,
        json!({ "form": form.code, "how": format!("{kind:?}") }),
        asker.ip,
    )
    .await?;
    Ok(())
}
